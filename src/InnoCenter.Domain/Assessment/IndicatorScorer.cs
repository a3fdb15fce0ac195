using InnoCenter.Domain.Policy;

namespace InnoCenter.Domain.Assessment;

/// <summary>What a center brings to scoring: its figures for the year, the values it entered, the panel's grades.</summary>
public sealed record CenterInputs(Guid CenterId)
{
    private static readonly IReadOnlyDictionary<string, decimal> NoFigures = new Dictionary<string, decimal>();
    private static readonly IReadOnlyDictionary<string, string> NoGrades = new Dictionary<string, string>();

    /// <summary>
    /// The ledger roll-up of the year (keys of <see cref="LedgerRollupKeys"/>), with the corrections the center
    /// confirmed with evidence already applied. An absent key is 0.
    /// </summary>
    public IReadOnlyDictionary<string, decimal> Figures { get; init; } = NoFigures;

    /// <summary>Values of <c>manual</c> quantitative indicators, by indicator code.</summary>
    public IReadOnlyDictionary<string, decimal> ManualValues { get; init; } = NoFigures;

    /// <summary>The expert panel's agreed grade (专家组评定等级) of each qualitative indicator, by indicator code.</summary>
    public IReadOnlyDictionary<string, string> ExpertGrades { get; init; } = NoGrades;
}

public enum IndicatorScoreStatus
{
    Scored,

    /// <summary>No value entered or no grade given yet: scores 0, and the result cannot be published.</summary>
    Missing,

    /// <summary>A ratio whose denominator is 0: there is no value, and it scores 0.</summary>
    Undefined,

    /// <summary>A grade code the indicator's rule does not know: scores 0, and the result cannot be published.</summary>
    InvalidGrade,
}

/// <summary>
/// One indicator's score. <see cref="Numerator"/> and <see cref="Denominator"/> are filled for ratio sources so that a
/// report shows what a percentage was made of. <see cref="Points"/> is rounded; inside a <see cref="CenterScore"/>
/// the rounded points of a dimension add up to the dimension's rounded points.
/// </summary>
public sealed record IndicatorScore
{
    public required string Indicator { get; init; }

    public required string Dimension { get; init; }

    public required IndicatorScoreStatus Status { get; init; }

    public decimal? Value { get; init; }

    public decimal? Numerator { get; init; }

    public decimal? Denominator { get; init; }

    public string? Grade { get; init; }

    /// <summary>Fraction 0–1 of full marks that the rule gave.</summary>
    public required decimal Fraction { get; init; }

    /// <summary>Full marks of the indicator, unrounded.</summary>
    public required decimal MaxPoints { get; init; }

    public required decimal ExactPoints { get; init; }

    public required decimal Points { get; init; }

    public bool IsComplete => Status is IndicatorScoreStatus.Scored or IndicatorScoreStatus.Undefined;
}

/// <summary>A source's value and, for a ratio, what it was made of.</summary>
public readonly record struct SourceValue(decimal? Value, decimal? Numerator = null, decimal? Denominator = null);

/// <summary>Scores one indicator: its value from its source, the fraction from its rule, the points from its full marks.</summary>
public static class IndicatorScorer
{
    /// <summary>The fraction 0–1 of full marks a quantitative rule gives a value.</summary>
    public static decimal FractionFor(ScoringRule rule, decimal value) => rule switch
    {
        LinearRule linear => Clamp((value - linear.ZeroAt) / (linear.FullAt - linear.ZeroAt)),
        BandsRule bands => bands.Bands.FirstOrDefault(b => value >= b.Min)?.Fraction ?? 0m,
        PerUnitRule perUnit => Math.Min(Math.Max(value, 0m) * perUnit.PointsPerUnit, perUnit.Cap) / perUnit.Cap,
        ExpertGradeRule => throw new InvalidOperationException("An expert-grade rule scores a grade, not a value."),
        _ => throw new InvalidOperationException($"Unknown rule {rule.GetType().Name}."),
    };

    /// <summary>The value of a source from the center's figures; <paramref name="manualValue"/> serves manual sources.</summary>
    public static SourceValue ValueOf(IndicatorSource source, IReadOnlyDictionary<string, decimal> figures, decimal? manualValue)
    {
        switch (source)
        {
            case ManualSource:
                return new SourceValue(manualValue);
            case LedgerSource ledger:
                return new SourceValue(Figure(figures, ledger.Key));
            case FundsSource funds:
                return new SourceValue(Figure(figures, funds.Key));
            case RatioSource ratio:
                var numerator = Figure(figures, ratio.Numerator);
                var denominator = Figure(figures, ratio.Denominator);
                return new SourceValue(denominator == 0m ? null : numerator / denominator * ratio.Scale, numerator, denominator);
            case WeightedSource weighted:
                var sum = 0m;
                foreach (var (key, weight) in weighted.Weights)
                {
                    sum += Figure(figures, key) * weight;
                }

                return new SourceValue(sum);
            default:
                throw new InvalidOperationException($"Unknown source {source.GetType().Name}.");
        }
    }

    /// <summary>Scores an indicator worth <paramref name="maxPoints"/> for a center; points rounded to <paramref name="decimals"/>.</summary>
    public static IndicatorScore Score(Indicator indicator, decimal maxPoints, CenterInputs inputs, int decimals)
    {
        if (indicator.Rule is ExpertGradeRule gradeRule)
        {
            if (!inputs.ExpertGrades.TryGetValue(indicator.Code, out var code))
            {
                return Unscored(indicator, maxPoints, IndicatorScoreStatus.Missing, new SourceValue(null));
            }

            var grade = gradeRule.Find(code);
            if (grade is null)
            {
                return Unscored(indicator, maxPoints, IndicatorScoreStatus.InvalidGrade, new SourceValue(null)) with { Grade = code };
            }

            return Scored(indicator, maxPoints, grade.Fraction, new SourceValue(null), decimals) with { Grade = grade.Code };
        }

        decimal? manual = inputs.ManualValues.TryGetValue(indicator.Code, out var entered) ? entered : null;
        var value = ValueOf(indicator.Source, inputs.Figures, manual);
        if (value.Value is not decimal v)
        {
            var status = indicator.Source is RatioSource ? IndicatorScoreStatus.Undefined : IndicatorScoreStatus.Missing;
            return Unscored(indicator, maxPoints, status, value);
        }

        return Scored(indicator, maxPoints, FractionFor(indicator.Rule, v), value, decimals);
    }

    private static IndicatorScore Scored(Indicator indicator, decimal maxPoints, decimal fraction, SourceValue value, int decimals)
    {
        var exact = fraction * maxPoints;
        return new IndicatorScore
        {
            Indicator = indicator.Code,
            Dimension = indicator.Dimension,
            Status = IndicatorScoreStatus.Scored,
            Value = value.Value,
            Numerator = value.Numerator,
            Denominator = value.Denominator,
            Fraction = fraction,
            MaxPoints = maxPoints,
            ExactPoints = exact,
            Points = Math.Round(exact, decimals, MidpointRounding.AwayFromZero),
        };
    }

    private static IndicatorScore Unscored(Indicator indicator, decimal maxPoints, IndicatorScoreStatus status, SourceValue value) => new()
    {
        Indicator = indicator.Code,
        Dimension = indicator.Dimension,
        Status = status,
        Value = value.Value,
        Numerator = value.Numerator,
        Denominator = value.Denominator,
        Fraction = 0m,
        MaxPoints = maxPoints,
        ExactPoints = 0m,
        Points = 0m,
    };

    private static decimal Figure(IReadOnlyDictionary<string, decimal> figures, string key) =>
        figures.TryGetValue(key, out var value) ? value : 0m;

    private static decimal Clamp(decimal fraction) => Math.Min(Math.Max(fraction, 0m), 1m);
}
