using InnoCenter.Domain.Common;

namespace InnoCenter.Domain.Ledger;

/// <summary>研发项目: frontier or common key technology, with budget, participants and technology readiness (TRL 1–9).</summary>
public sealed class RdProject : LedgerRecord
{
    /// <summary>技术就绪水平 runs from 1 to 9 (GB/T 22900).</summary>
    public const int TrlMin = 1;
    public const int TrlMax = 9;

    private readonly List<RdProjectParticipant> _participants = [];

    private RdProject()
    {
    }

    public string Title { get; private set; } = string.Empty;

    public ProjectType Type { get; private set; }

    public long BudgetFen { get; private set; }

    public int TrlStart { get; private set; }

    public int TrlTarget { get; private set; }

    public int? TrlReached { get; private set; }

    public ProjectStatus Status { get; private set; }

    public DateOnly StartedOn { get; private set; }

    public DateOnly? EndedOn { get; private set; }

    public IReadOnlyList<RdProjectParticipant> Participants => _participants;

    /// <summary>A common-key project that completed at or above its target TRL (共性关键技术突破).</summary>
    public bool IsBreakthrough => Type == ProjectType.CommonKey && Status == ProjectStatus.Completed && TrlReached >= TrlTarget;

    public static RdProject Create(Guid centerId, RdProjectDetails d, DateTimeOffset now)
    {
        var p = new RdProject();
        p.Created(centerId, now);
        p.Apply(d, now);
        return p;
    }

    public void Apply(RdProjectDetails d, DateTimeOffset now)
    {
        Title = d.Title;
        Type = d.Type;
        BudgetFen = d.BudgetFen;
        TrlStart = d.TrlStart;
        TrlTarget = d.TrlTarget;
        TrlReached = d.TrlReached;
        Status = d.Status;
        StartedOn = d.StartedOn;
        EndedOn = d.EndedOn;
        Year = d.StartedOn.Year;
        _participants.RemoveAll(x => !d.ParticipantIds.Contains(x.OrganizationId));
        foreach (var org in d.ParticipantIds.Where(o => _participants.All(x => x.OrganizationId != o)))
        {
            _participants.Add(new RdProjectParticipant(Id, org));
        }

        UpdatedAt = now;
    }

    /// <summary>The rules between the fields of a project; field formats are checked before.</summary>
    public static IEnumerable<Common.Error> Check(int trlStart, int trlTarget, int? trlReached, ProjectStatus status, DateOnly startedOn, DateOnly? endedOn)
    {
        foreach (var (value, field) in new[] { (trlStart, "trlStart"), (trlTarget, "trlTarget"), (trlReached ?? TrlMin, "trlReached") })
        {
            if (value is < TrlMin or > TrlMax)
            {
                yield return new Common.Error("validation.range", field, TrlMin, TrlMax);
            }
        }

        if (trlTarget < trlStart)
        {
            yield return new Common.Error("ledger.trl_target_below_start", "trlTarget");
        }

        if (trlReached is { } reached && reached < trlStart)
        {
            yield return new Common.Error("ledger.trl_reached_below_start", "trlReached");
        }

        var ended = status is ProjectStatus.Completed or ProjectStatus.Terminated;
        if (ended && endedOn is null)
        {
            yield return new Common.Error("ledger.end_date_required", "endedOn");
        }

        if (!ended && endedOn is not null)
        {
            yield return new Common.Error("ledger.end_date_only_when_ended", "endedOn");
        }

        if (endedOn is { } end && end < startedOn)
        {
            yield return new Common.Error("ledger.end_before_start", "endedOn");
        }

        if (status == ProjectStatus.Completed && trlReached is null)
        {
            yield return new Common.Error("ledger.trl_reached_required", "trlReached");
        }
    }
}

public sealed record RdProjectDetails(
    string Title, ProjectType Type, long BudgetFen, int TrlStart, int TrlTarget, int? TrlReached, ProjectStatus Status,
    DateOnly StartedOn, DateOnly? EndedOn, IReadOnlyList<Guid> ParticipantIds);

/// <summary>A member organisation taking part in a project.</summary>
public sealed class RdProjectParticipant : Common.IAudited
{
    private RdProjectParticipant()
    {
    }

    public RdProjectParticipant(Guid projectId, Guid organizationId)
    {
        ProjectId = projectId;
        OrganizationId = organizationId;
    }

    /// <summary>A row of its own, so that joining and leaving a project is audited like any other write.</summary>
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid ProjectId { get; private set; }

    public Guid OrganizationId { get; private set; }
}
