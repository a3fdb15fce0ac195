using InnoCenter.Domain.Assessment;
using InnoCenter.Domain.Common;

namespace InnoCenter.Domain.Plans;

/// <summary>
/// A revision of a center's construction plan (建设方案调整): the center's user proposes new targets with a reason and the
/// year from which they count; an Admin approves or rejects it with a reason. Approved revisions are the plan's history:
/// the plan in force for a year is the latest approved revision that counts from that year or before, or else the
/// approved application's planned indicators (number 0, kept where the application keeps them — it can no longer change).
/// </summary>
public sealed class PlanRevision : IAudited, IVersioned
{
    /// <summary>A three-year plan (三年建设目标): the shape of the application's goals, not a policy number.</summary>
    public const int PlanYears = 3;

    public const int MaxIndicators = 50;

    private readonly List<PlanIndicator> _indicators = [];

    private PlanRevision()
    {
    }

    public Guid Id { get; private set; }

    public Guid CenterId { get; private set; }

    /// <summary>1, 2, … per center; 0 is the application's plan.</summary>
    public int Number { get; private set; }

    /// <summary>The calendar year of the plan's first year (the year the center was approved).</summary>
    public int FirstYear { get; private set; }

    /// <summary>The first calendar year the revised targets count for.</summary>
    public int EffectiveFromYear { get; private set; }

    public string Reason { get; private set; } = string.Empty;

    public PlanRevisionStatus Status { get; private set; }

    public Guid? ProposedBy { get; private set; }

    public DateTimeOffset ProposedAt { get; private set; }

    public Guid? DecidedBy { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? DecisionNote { get; private set; }

    public int Version { get; set; }

    public IReadOnlyList<PlanIndicator> Indicators => _indicators;

    public int LastYear => FirstYear + PlanYears - 1;

    public static Result<PlanRevision> Propose(
        Guid centerId, int number, int firstYear, int effectiveFromYear, string? reason, IReadOnlyList<PlanIndicatorInput> indicators, Guid? by, DateTimeOffset now)
    {
        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(reason))
        {
            errors.Add(new Error("plans.reason_required", "reason"));
        }
        else if (reason.Trim().Length > FieldLengths.Reason)
        {
            errors.Add(new Error("validation.max_length", "reason", FieldLengths.Reason));
        }

        if (effectiveFromYear < firstYear || effectiveFromYear > firstYear + PlanYears - 1)
        {
            errors.Add(new Error("plans.effective_year_range", "effectiveFromYear", firstYear, firstYear + PlanYears - 1));
        }

        var given = indicators.Where(i => !IsBlank(i)).ToList();
        if (given.Count == 0)
        {
            errors.Add(new Error("plans.indicators_required", "indicators"));
        }
        else if (given.Count > MaxIndicators)
        {
            errors.Add(new Error("plans.too_many_indicators", "indicators", MaxIndicators));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < indicators.Count; i++)
        {
            var ind = indicators[i];
            if (IsBlank(ind))
            {
                continue;
            }

            var at = $"indicators[{i}]";
            if (string.IsNullOrWhiteSpace(ind.Name))
            {
                errors.Add(new Error("validation.required", $"{at}.name"));
            }
            else if (ind.Name.Trim().Length > FieldLengths.Title)
            {
                errors.Add(new Error("validation.max_length", $"{at}.name", FieldLengths.Title));
            }
            else if (!names.Add(ind.Name.Trim()))
            {
                errors.Add(new Error("plans.duplicate_indicator", $"{at}.name", ind.Name.Trim()));
            }

            if (string.IsNullOrWhiteSpace(ind.Unit))
            {
                errors.Add(new Error("validation.required", $"{at}.unit"));
            }
            else if (ind.Unit.Trim().Length > FieldLengths.Unit)
            {
                errors.Add(new Error("validation.max_length", $"{at}.unit", FieldLengths.Unit));
            }

            if (!string.IsNullOrWhiteSpace(ind.Figure) && !LedgerRollupKeys.All.Contains(ind.Figure.Trim()))
            {
                errors.Add(new Error("plans.unknown_figure", $"{at}.figure", ind.Figure));
            }

            if (ind.Year1 is null && ind.Year2 is null && ind.Year3 is null)
            {
                errors.Add(new Error("plans.target_required", $"{at}.year1"));
            }

            foreach (var (target, field) in new[] { (ind.Year1, "year1"), (ind.Year2, "year2"), (ind.Year3, "year3") })
            {
                if (target < 0)
                {
                    errors.Add(new Error("plans.value_negative", $"{at}.{field}"));
                }
            }
        }

        if (errors.Count > 0)
        {
            return Failure.Validation(errors);
        }

        var revision = new PlanRevision
        {
            Id = Guid.CreateVersion7(),
            CenterId = centerId,
            Number = number,
            FirstYear = firstYear,
            EffectiveFromYear = effectiveFromYear,
            Reason = reason!.Trim(),
            Status = PlanRevisionStatus.Proposed,
            ProposedBy = by,
            ProposedAt = now,
        };
        for (var i = 0; i < given.Count; i++)
        {
            revision._indicators.Add(new PlanIndicator(revision.Id, i, given[i]));
        }

        return revision;
    }

    public Result<PlanRevision> Approve(string? note, Guid? by, DateTimeOffset now)
    {
        if (Status != PlanRevisionStatus.Proposed)
        {
            return Failure.IllegalTransition("plans.not_proposed", Status.ToString());
        }

        if (note?.Trim().Length > FieldLengths.Reason)
        {
            return Failure.Validation(new Error("validation.max_length", "reason", FieldLengths.Reason));
        }

        Status = PlanRevisionStatus.Approved;
        Decide(note, by, now);
        return this;
    }

    public Result<PlanRevision> Reject(string? reason, Guid? by, DateTimeOffset now)
    {
        if (Status != PlanRevisionStatus.Proposed)
        {
            return Failure.IllegalTransition("plans.not_proposed", Status.ToString());
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Failure.Validation(new Error("plans.reason_required", "reason"));
        }

        if (reason.Trim().Length > FieldLengths.Reason)
        {
            return Failure.Validation(new Error("validation.max_length", "reason", FieldLengths.Reason));
        }

        Status = PlanRevisionStatus.Rejected;
        Decide(reason, by, now);
        return this;
    }

    private void Decide(string? note, Guid? by, DateTimeOffset now)
    {
        DecisionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        DecidedBy = by;
        DecidedAt = now;
    }

    private static bool IsBlank(PlanIndicatorInput i) =>
        string.IsNullOrWhiteSpace(i.Name) && string.IsNullOrWhiteSpace(i.Unit) && string.IsNullOrWhiteSpace(i.Figure)
        && i.Year1 is null && i.Year2 is null && i.Year3 is null;
}
