using InnoCenter.Domain.Common;
using InnoCenter.Domain.Policy;

namespace InnoCenter.Domain.Assessment;

/// <summary>A center's standing as far as assessment is concerned; the Centers module maps it onto its status.</summary>
public enum AssessmentStanding
{
    Active,

    /// <summary>整改期: a failing result opened a rectification period that ends with a re-check.</summary>
    UnderRectification,

    /// <summary>The title is revoked or removed (取消资格/予以调整); never assessed again.</summary>
    Revoked,
}

/// <summary>A published result of an earlier year.</summary>
public sealed record PublishedResult(int Year, string Grade);

/// <summary>
/// What the assessment knows of a center: its published results in earlier years (assessed years only), its standing,
/// and — while under rectification — the year whose result is the re-check.
/// </summary>
public sealed record CenterHistory(IReadOnlyList<PublishedResult> Results, AssessmentStanding Standing = AssessmentStanding.Active, int? RecheckYear = null)
{
    public static CenterHistory New() => new([]);
}

public enum ConsequenceKind
{
    None,

    /// <summary>予以奖励: the grade is one the pack rewards.</summary>
    FlagReward,

    /// <summary>取消资格: the consecutive-failure rule revoked the title.</summary>
    Revoke,

    /// <summary>进入整改期: a failing result opened a rectification period.</summary>
    StartRectification,

    /// <summary>整改复查通过: the re-check passed; the center is back to normal standing.</summary>
    RecheckPassed,

    /// <summary>整改复查未通过: the re-check failed; the title is removed.</summary>
    RecheckFailedRemove,
}

/// <summary>
/// The consequence of a year's published result, to be recorded as a decision: what happens, the center's standing
/// afterwards, whether it stays eligible for continued support (继续支持), whether the loss of the title is announced,
/// the re-check year when a rectification opened, and the length of the failing chain (for a warning on the report).
/// </summary>
public sealed record Consequence(
    ConsequenceKind Kind,
    AssessmentStanding Standing,
    bool ContinuedSupport,
    bool PublicNotice,
    int? RecheckYear,
    int ConsecutiveFailures);

/// <summary>
/// Decides the consequence of a year's result from the pack's consequence rules and the center's history.
/// <list type="bullet">
/// <item>A center under rectification whose re-check year has come is re-checked by this result, whatever failure
/// policy the pack of this cycle has: a rectification once opened is closed by its re-check. A re-check earns no reward;
/// it decides only whether the title stays.</item>
/// <item>Otherwise a failing grade either counts toward the consecutive-failure limit or opens a rectification
/// period; a grade the pack rewards is flagged for reward.</item>
/// <item>Continued support needs a support grade and a standing of Active afterwards.</item>
/// </list>
/// </summary>
public static class ConsequenceEngine
{
    public static Result<Consequence> Decide(AssessmentRules rules, CenterHistory history, int year, string grade)
    {
        var c = rules.Consequences;
        if (rules.FindGrade(grade) is null)
        {
            return Failure.Validation(new Error("assessment.unknown_grade", "grade", grade));
        }

        if (history.Standing == AssessmentStanding.Revoked)
        {
            return Failure.IllegalTransition("assessment.center_revoked");
        }

        if (history.Results.Any(r => r.Year >= year))
        {
            return Failure.Conflict("assessment.year_already_decided", "year", year);
        }

        var failing = c.IsFailing(grade);
        var chain = failing ? TrailingFailures(rules, history.Results, year) + 1 : 0;

        if (history.Standing == AssessmentStanding.UnderRectification)
        {
            if (history.RecheckYear is not int recheckYear)
            {
                return Failure.Validation(new Error("assessment.recheck_year_missing", "recheckYear"));
            }

            if (year < recheckYear)
            {
                return Failure.IllegalTransition("assessment.rectification_in_progress", recheckYear);
            }

            var notice = c.OnFailure?.PublicNotice ?? false;
            return failing
                ? new Consequence(ConsequenceKind.RecheckFailedRemove, AssessmentStanding.Revoked, false, notice, null, chain)
                : new Consequence(ConsequenceKind.RecheckPassed, AssessmentStanding.Active, Supported(c, grade), false, null, chain);
        }

        if (failing)
        {
            switch (c.OnFailure)
            {
                case RevokeAfterConsecutiveFailures consecutive when chain >= consecutive.ConsecutiveFailures:
                    return new Consequence(ConsequenceKind.Revoke, AssessmentStanding.Revoked, false, consecutive.PublicNotice, null, chain);
                case RectificationThenRecheck rectification:
                    var recheck = year + rectification.RectificationYears;
                    return new Consequence(ConsequenceKind.StartRectification, AssessmentStanding.UnderRectification, false, false, recheck, chain);
            }
        }

        var kind = c.RewardGrades.Contains(grade) ? ConsequenceKind.FlagReward : ConsequenceKind.None;
        return new Consequence(kind, AssessmentStanding.Active, Supported(c, grade), false, null, chain);
    }

    /// <summary>
    /// Failing results immediately before <paramref name="year"/>, latest first, stopping at the first non-failing one.
    /// A year with no published result is passed over unless the consecutive rule says a skipped year breaks the chain.
    /// </summary>
    private static int TrailingFailures(AssessmentRules rules, IReadOnlyList<PublishedResult> results, int year)
    {
        var gapsBreak = rules.Consequences.OnFailure is RevokeAfterConsecutiveFailures { SkippedYearsBreakChain: true };
        var count = 0;
        var expected = year - 1;
        foreach (var result in results.OrderByDescending(r => r.Year))
        {
            if ((gapsBreak && result.Year != expected) || !rules.Consequences.IsFailing(result.Grade))
            {
                break;
            }

            count++;
            expected = result.Year - 1;
        }

        return count;
    }

    private static bool Supported(ConsequenceRules c, string grade) => c.SupportGrades.Contains(grade);
}
