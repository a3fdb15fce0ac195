using InnoCenter.Domain.Common;

namespace InnoCenter.Domain.Policy;

/// <summary>
/// 规划实施 rules of a pack: when a center counts as behind its construction plan, how completion is capped, and which
/// quantitative indicator of the assessment the plan's completion fills.
/// </summary>
public sealed record PlanRules
{
    /// <summary>A planned indicator below this percentage of what is due by now is behind schedule (进度滞后).</summary>
    public decimal BehindSchedulePercent { get; init; }

    /// <summary>Each indicator's completion counts at most this percentage in the year's plan completion.</summary>
    public decimal CompletionCapPercent { get; init; }

    /// <summary>
    /// The code of the assessment's quantitative, <c>manual</c> indicator that the year's plan completion fills
    /// (规划完成率), so the center does not type it; null where the pack has none.
    /// </summary>
    public string? CompletionIndicator { get; init; }

    /// <summary>False for a pack written before plan supervision existed: it raises no warnings and fills nothing.</summary>
    public bool IsConfigured => BehindSchedulePercent != 0 || CompletionCapPercent != 0 || CompletionIndicator is not null;

    public IReadOnlyList<Error> Validate(AssessmentRules assessment)
    {
        var errors = new List<Error>();
        if (!IsConfigured)
        {
            return errors;
        }

        if (BehindSchedulePercent is <= 0 or > 100)
        {
            errors.Add(new Error("policy.plans.percent_range", "plans.behindSchedulePercent", 100));
        }

        if (CompletionCapPercent < 100)
        {
            errors.Add(new Error("policy.plans.cap_below_full", "plans.completionCapPercent", 100));
        }

        if (CompletionIndicator is { } code)
        {
            var indicator = assessment.IndicatorSystem.Indicators.FirstOrDefault(i => i.Code == code);
            if (indicator is null || indicator.Kind != IndicatorKind.Quantitative || indicator.Source is not ManualSource)
            {
                errors.Add(new Error("policy.plans.completion_indicator", "plans.completionIndicator", code));
            }
        }

        return errors;
    }
}
