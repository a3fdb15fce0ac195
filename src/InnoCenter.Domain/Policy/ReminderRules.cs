using InnoCenter.Domain.Common;

namespace InnoCenter.Domain.Policy;

/// <summary>
/// When the platform reminds people (催办提醒), in calendar days. Stage overdue reminders follow
/// <see cref="ApplicationRules.StageDays"/>, the same days the pipeline board marks overdue by.
/// </summary>
public sealed record ReminderRules
{
    /// <summary>A returned application (退回补正) not resubmitted this many days after its return reminds the applicant.</summary>
    public int ReturnedUnansweredDays { get; init; } = 10;

    /// <summary>An annual report still unfiled this many days before the cycle's deadline reminds the center.</summary>
    public int ReportDueDays { get; init; } = 7;

    /// <summary>A panel invitation not answered this many days after it was sent reminds the expert.</summary>
    public int AssignmentAcceptDays { get; init; } = 3;

    /// <summary>An accepted assignment not scored this many days after acceptance reminds the expert.</summary>
    public int AssignmentScoreDays { get; init; } = 10;

    public IReadOnlyList<Error> Validate()
    {
        const string at = "reminders";
        var errors = new List<Error>();
        Check(ReturnedUnansweredDays, "returnedUnansweredDays");
        Check(ReportDueDays, "reportDueDays");
        Check(AssignmentAcceptDays, "assignmentAcceptDays");
        Check(AssignmentScoreDays, "assignmentScoreDays");
        return errors;

        void Check(int days, string field)
        {
            if (days is < 1 or > MaxDays)
            {
                errors.Add(new Error("policy.assessment.out_of_range", $"{at}.{field}", 1, MaxDays));
            }
        }
    }

    public const int MaxDays = 365;
}
