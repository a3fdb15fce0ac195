using System.Text.Json;
using InnoCenter.Domain.Common;
using InnoCenter.Domain.Policy;

namespace InnoCenter.Domain.Assessment;

/// <summary>Where a cycle stands: centers file reports, the Admin scores (and may score again), then publishes once.</summary>
public enum CycleStatus
{
    /// <summary>填报中: reports are filed and checked.</summary>
    Open,

    /// <summary>已评分: results computed, not yet public; scoring may run again.</summary>
    Scored,

    /// <summary>已发布: results and their consequences are final.</summary>
    Published,
}

/// <summary>A center the cycle does not assess, and why (under a year old, revoked, evaluation year, in rectification).</summary>
public sealed record CycleExclusion(Guid CenterId, EligibilityOutcome Outcome);

/// <summary>
/// 年度考核周期 of year Y. Opening it freezes the policy pack version and its assessment rules into the cycle, so a
/// later change of weights or bands never rescores it; each eligible center gets an annual report to file by the
/// deadline. One cycle per year.
/// </summary>
public sealed class AssessmentCycle : IAudited, IVersioned
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private AssessmentRules? _rules;

    private AssessmentCycle()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The year assessed (考核年度).</summary>
    public int Year { get; private set; }

    public string PolicyCode { get; private set; } = string.Empty;

    public int PolicyVersion { get; private set; }

    /// <summary>The assessment rules of the pack version, as they were when the cycle opened.</summary>
    public string RulesJson { get; private set; } = "{}";

    /// <summary>The day the cycle opened: eligibility counts the years since recognition up to it.</summary>
    public DateOnly StartsOn { get; private set; }

    /// <summary>报送截止日期: the last day to file; scoring starts after it.</summary>
    public DateOnly Deadline { get; private set; }

    public CycleStatus Status { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    public Guid? OpenedBy { get; private set; }

    public DateTimeOffset? ScoredAt { get; private set; }

    public Guid? ScoredBy { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public Guid? PublishedBy { get; private set; }

    public string ExclusionsJson { get; private set; } = "[]";

    /// <summary>Every move of the deadline, oldest first, with its reason (as JSON: the history belongs to the cycle).</summary>
    public string DeadlineChangesJson { get; private set; } = "[]";

    public int Version { get; set; }

    public AssessmentRules Rules => _rules ??= ReadRules(RulesJson);

    /// <summary>The rules of a cycle from their stored JSON, for a reader that projects the column instead of loading the cycle.</summary>
    public static AssessmentRules ReadRules(string json) =>
        JsonSerializer.Deserialize<AssessmentRules>(json, Json) ?? throw new InvalidOperationException("The cycle has no assessment rules.");

    public IReadOnlyList<DeadlineChange> DeadlineChanges => JsonSerializer.Deserialize<List<DeadlineChange>>(DeadlineChangesJson, Json) ?? [];

    public IReadOnlyList<CycleExclusion> Exclusions => JsonSerializer.Deserialize<List<CycleExclusion>>(ExclusionsJson, Json) ?? [];

    public bool IsPublished => Status == CycleStatus.Published;

    /// <summary>Reports may still be filed, changed and decided until the cycle is scored.</summary>
    public bool AcceptsFiling => Status == CycleStatus.Open;

    /// <summary>
    /// Opens the cycle of <paramref name="year"/> on <paramref name="startsOn"/>. The year must have begun; the deadline
    /// must come after the opening day; the rules must be valid (the pack's validation messages are returned).
    /// </summary>
    public static Result<AssessmentCycle> Open(
        int year, DateOnly startsOn, DateOnly? deadline, string policyCode, int policyVersion, AssessmentRules rules, Guid? by, DateTimeOffset now)
    {
        var errors = new List<Error>();
        if (year < 2000 || year > startsOn.Year)
        {
            errors.Add(new Error("assessment.year_range", "year", 2000, startsOn.Year));
        }

        if (deadline is null)
        {
            errors.Add(new Error("validation.required", "deadline"));
        }
        else if (deadline <= startsOn)
        {
            errors.Add(new Error("assessment.deadline_not_future", "deadline", startsOn.ToString("yyyy-MM-dd")));
        }

        errors.AddRange(rules.Validate());
        if (errors.Count > 0)
        {
            return Failure.Validation(errors);
        }

        return new AssessmentCycle
        {
            Id = Guid.CreateVersion7(),
            Year = year,
            PolicyCode = policyCode,
            PolicyVersion = policyVersion,
            RulesJson = JsonSerializer.Serialize(rules, Json),
            StartsOn = startsOn,
            Deadline = deadline!.Value,
            Status = CycleStatus.Open,
            OpenedAt = now,
            OpenedBy = by,
        };
    }

    public void RecordExclusions(IEnumerable<CycleExclusion> exclusions) =>
        ExclusionsJson = JsonSerializer.Serialize(exclusions.ToList(), Json);

    /// <summary>
    /// Moves the filing deadline while reports are still filed (延期报送), e.g. for a center that is late for a reason the
    /// commission accepts: to today or later, never before the opening day, with a reason kept in the history.
    /// </summary>
    public Result<AssessmentCycle> MoveDeadline(DateOnly? to, string? reason, DateOnly today, Guid? by, DateTimeOffset now)
    {
        if (!AcceptsFiling)
        {
            return Failure.IllegalTransition("assessment.deadline_closed", Year);
        }

        var errors = new List<Error>();
        if (to is null)
        {
            errors.Add(new Error("validation.required", "deadline"));
        }
        else if (to <= StartsOn)
        {
            errors.Add(new Error("assessment.deadline_not_future", "deadline", StartsOn.ToString("yyyy-MM-dd")));
        }
        else if (to < today)
        {
            errors.Add(new Error("assessment.deadline_past", "deadline", today.ToString("yyyy-MM-dd")));
        }
        else if (to == Deadline)
        {
            errors.Add(new Error("assessment.deadline_unchanged", "deadline", Deadline.ToString("yyyy-MM-dd")));
        }

        var why = reason?.Trim();
        if (string.IsNullOrEmpty(why))
        {
            errors.Add(new Error("validation.required", "reason"));
        }
        else if (why.Length > MaxReasonLength)
        {
            errors.Add(new Error("validation.too_long", "reason", MaxReasonLength));
        }

        if (errors.Count > 0)
        {
            return Failure.Validation(errors);
        }

        var history = DeadlineChanges.ToList();
        history.Add(new DeadlineChange(Deadline, to!.Value, why!, by, now));
        DeadlineChangesJson = JsonSerializer.Serialize(history, Json);
        Deadline = to.Value;
        return this;
    }

    public const int MaxReasonLength = 500;

    /// <summary>True from the day after the deadline.</summary>
    public bool DeadlinePassed(DateOnly today) => today > Deadline;

    /// <summary>Scoring runs once the deadline has passed and until the results are published.</summary>
    public Result<AssessmentCycle> MarkScored(DateOnly today, Guid? by, DateTimeOffset now)
    {
        if (Status == CycleStatus.Published)
        {
            return Failure.IllegalTransition("assessment.cycle_published", Year);
        }

        if (!DeadlinePassed(today))
        {
            return Failure.IllegalTransition("assessment.before_deadline", Deadline.ToString("yyyy-MM-dd"));
        }

        Status = CycleStatus.Scored;
        ScoredAt = now;
        ScoredBy = by;
        return this;
    }

    public Result<AssessmentCycle> Publish(Guid? by, DateTimeOffset now)
    {
        if (Status == CycleStatus.Published)
        {
            return Failure.IllegalTransition("assessment.cycle_published", Year);
        }

        if (Status != CycleStatus.Scored)
        {
            return Failure.IllegalTransition("assessment.not_scored");
        }

        Status = CycleStatus.Published;
        PublishedAt = now;
        PublishedBy = by;
        return this;
    }
}

/// <summary>One move of a cycle's filing deadline: from, to, why, who and when.</summary>
public sealed record DeadlineChange(DateOnly From, DateOnly To, string Reason, Guid? By, DateTimeOffset At);
