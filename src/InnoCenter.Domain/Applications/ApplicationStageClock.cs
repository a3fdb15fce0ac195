namespace InnoCenter.Domain.Applications;

/// <summary>
/// When an application's time in its present stage runs out under the pack version it began under (its status change
/// plus that version's days for the stage), kept by the writes that move it so an overdue count or filter reads an index
/// instead of judging every row by its version's rules. No row: its stage has no days, so it is never overdue. The row of
/// <see cref="RebuildPendingApplication"/> is the marker that asks for a rebuild from the applications (left by the migration).
/// </summary>
public sealed class ApplicationStageClock
{
    public static readonly Guid RebuildPendingApplication = Guid.Empty;

    public ApplicationStageClock(Guid applicationId, ApplicationStatus status, DateTimeOffset dueAt)
    {
        ApplicationId = applicationId;
        Status = status;
        DueAt = dueAt;
    }

    public Guid ApplicationId { get; private set; }

    /// <summary>The stage the clock runs for (the application's status when it was kept).</summary>
    public ApplicationStatus Status { get; private set; }

    /// <summary>Overdue once the time is past this moment.</summary>
    public DateTimeOffset DueAt { get; private set; }
}
