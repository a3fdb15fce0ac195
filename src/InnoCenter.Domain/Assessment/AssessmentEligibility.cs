using InnoCenter.Domain.Policy;

namespace InnoCenter.Domain.Assessment;

/// <summary>Whether, and why (not), a center is assessed in a cycle.</summary>
public enum EligibilityOutcome
{
    /// <summary>Files an annual report and is assessed.</summary>
    Assessed,

    /// <summary>Its rectification period is over: this cycle's assessment is its re-check (整改复查).</summary>
    Recheck,

    /// <summary>Recognised too recently (未运行满规定年限), or after the assessed year.</summary>
    NotYetEligible,

    /// <summary>The title is revoked.</summary>
    Revoked,

    /// <summary>A periodic evaluation year (定期评估当年不进行考核).</summary>
    EvaluationYear,

    /// <summary>Under rectification, the re-check not yet due.</summary>
    InRectification,
}

/// <summary>What eligibility needs to know of a center.</summary>
public sealed record CenterFacts(Guid CenterId, DateOnly RecognisedOn, AssessmentStanding Standing = AssessmentStanding.Active, int? RecheckYear = null);

/// <summary>
/// Who is assessed in the cycle of year Y that starts on a given date.
/// <list type="bullet">
/// <item>Revoked centers never are.</item>
/// <item>A center must have been recognised in or before Y, and on or before the cycle's start minus the pack's minimum
/// years (at least a year before the cycle: 已运行满一年).</item>
/// <item>A center under rectification is re-checked in its re-check year, even if that is an evaluation year, since the
/// rectification can only end with the re-check; before that year it is not assessed.</item>
/// <item>Packs with periodic evaluation (national: every 3 years) skip the N-th, 2N-th… calendar year after the year of
/// recognition: recognised in 2019, evaluated (not annually assessed) in 2022 and 2025.</item>
/// </list>
/// </summary>
public static class AssessmentEligibility
{
    public static EligibilityOutcome Decide(AssessmentRules rules, CenterFacts center, int year, DateOnly cycleStartsOn)
    {
        if (center.Standing == AssessmentStanding.Revoked)
        {
            return EligibilityOutcome.Revoked;
        }

        if (center.RecognisedOn.Year > year
            || center.RecognisedOn > cycleStartsOn.AddYears(-rules.Eligibility.MinimumYearsRecognised))
        {
            return EligibilityOutcome.NotYetEligible;
        }

        if (center.Standing == AssessmentStanding.UnderRectification)
        {
            return center.RecheckYear is int recheck && year >= recheck
                ? EligibilityOutcome.Recheck
                : EligibilityOutcome.InRectification;
        }

        return rules.Eligibility.IsEvaluationYear(center.RecognisedOn, year)
            ? EligibilityOutcome.EvaluationYear
            : EligibilityOutcome.Assessed;
    }

    /// <summary>The outcome for every center of a cycle, in input order.</summary>
    public static IReadOnlyList<(CenterFacts Center, EligibilityOutcome Outcome)> DecideAll(
        AssessmentRules rules, IEnumerable<CenterFacts> centers, int year, DateOnly cycleStartsOn) =>
        centers.Select(c => (c, Decide(rules, c, year, cycleStartsOn))).ToList();

    /// <summary>Whether the outcome means the center files a report in this cycle.</summary>
    public static bool FilesReport(this EligibilityOutcome outcome) =>
        outcome is EligibilityOutcome.Assessed or EligibilityOutcome.Recheck;
}
