using System.Text.Json;
using System.Text.Json.Serialization;
using InnoCenter.Domain.Assessment;
using InnoCenter.Domain.Common;

namespace InnoCenter.Domain.Policy;

/// <summary>
/// The annual assessment (年度考核) of a policy pack: the indicator system, the grade bands, the consequences of a
/// result and who is assessed in a year.
/// <para>
/// How the weights compose: the dimensions' points add up to 100. Inside a dimension, an indicator's full marks are
/// the dimension's points × the indicator's weight ÷ the sum of the weights of that dimension's indicators, so an Admin
/// may change a dimension's points without re-balancing its indicators. An indicator's rule turns its value (or the
/// panel's grade) into a fraction 0–1 of those full marks. The total is rounded once to <see cref="ScoreDecimals"/>
/// (half away from zero, 四舍五入) and graded by <see cref="GradeBands"/>; the rounded parts shown on a report are
/// apportioned by largest remainder so that they add up to the rounded total exactly.
/// </para>
/// A cycle freezes the pack version it opened under, so changing weights for a later year means a new pack version.
/// </summary>
public sealed record AssessmentRules
{
    public IndicatorSystem IndicatorSystem { get; init; } = new();

    /// <summary>考核等级, highest first: a total gets the first band whose <see cref="GradeBand.Min"/> it reaches.</summary>
    public IReadOnlyList<GradeBand> GradeBands { get; init; } = [];

    public ConsequenceRules Consequences { get; init; } = new();

    public EligibilityRules Eligibility { get; init; } = new();

    /// <summary>Whether published results are made public as a notice (公示/通报), not only told to each center.</summary>
    public bool NoticeOfResults { get; init; }

    /// <summary>Decimals of a published score.</summary>
    public int ScoreDecimals { get; init; } = 2;

    /// <summary>The filing period a new cycle proposes: its deadline this many months after the day it opens (an Admin may change it).</summary>
    public int FilingMonths { get; init; } = 2;

    public GradeBand? FindGrade(string? code) => GradeBands.FirstOrDefault(g => g.Code == code);

    /// <summary>The band of a (rounded) total. Only valid on rules that passed <see cref="Validate"/>.</summary>
    public GradeBand GradeFor(decimal total) =>
        GradeBands.FirstOrDefault(b => total >= b.Min)
        ?? throw new InvalidOperationException($"No grade band covers the total {total}; validate the rules first.");

    /// <summary>Everything wrong with these rules; empty when a cycle may run on them. The app refuses a pack that has any.</summary>
    public IReadOnlyList<Error> Validate() => AssessmentRulesValidator.Validate(this);
}

/// <summary>Who is assessed in a year.</summary>
public sealed record EligibilityRules
{
    /// <summary>A center is assessed only if recognised at least this many years before the cycle starts (已运行满一年).</summary>
    public int MinimumYearsRecognised { get; init; } = 1;

    /// <summary>
    /// Periodic evaluation (定期评估) every N years, with no annual assessment in those years; null when the pack has none.
    /// Evaluation years are the N-th, 2N-th… calendar years after the year of recognition.
    /// </summary>
    public int? EvaluationEveryYears { get; init; }

    public bool IsEvaluationYear(DateOnly recognisedOn, int year)
    {
        var sinceRecognition = year - recognisedOn.Year;
        return EvaluationEveryYears is int period && sinceRecognition > 0 && sinceRecognition % period == 0;
    }
}
