using InnoCenter.Domain.Policy;

namespace InnoCenter.Domain.Assessment;

/// <summary>A dimension's score: its full marks, its rounded points and its indicators in pack order.</summary>
public sealed record DimensionScore(string Dimension, decimal MaxPoints, decimal Points, IReadOnlyList<IndicatorScore> Indicators);

/// <summary>A center's score for a cycle: dimensions in pack order, the total 0–100 and its grade.</summary>
public sealed record CenterScore(Guid CenterId, IReadOnlyList<DimensionScore> Dimensions, decimal Total, GradeBand Grade)
{
    public IEnumerable<IndicatorScore> Indicators => Dimensions.SelectMany(d => d.Indicators);

    /// <summary>True when every indicator has its value or grade; only a complete score may be published.</summary>
    public bool IsComplete => Indicators.All(i => i.IsComplete);
}

/// <summary>
/// Scores centers by the assessment rules of a pack. Built once per cycle; <see cref="ScoreAll"/> takes every center's
/// inputs, loaded by the caller with a few set-based queries, and scores them in memory with no further look-up.
/// <para>
/// Rounding: the total is the exact sum of every indicator's exact points, rounded once to the pack's decimals (half away
/// from zero), and the grade is read from that rounded total. The rounded dimension points are then apportioned from the
/// total, and the rounded indicator points from their dimension, by largest remainder (ties to the earlier one in the
/// pack), so a report's parts add up to its whole and full marks are exactly 100.
/// </para>
/// </summary>
public sealed class AssessmentCalculator
{
    private readonly AssessmentRules _rules;
    private readonly IReadOnlyList<DimensionPlan> _plan;
    private readonly decimal _step;

    public AssessmentCalculator(AssessmentRules rules)
    {
        var errors = rules.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("The assessment rules are invalid: " + string.Join("; ", errors), nameof(rules));
        }

        _rules = rules;
        _step = 1m / Pow10(rules.ScoreDecimals);
        _plan = rules.IndicatorSystem.Dimensions
            .Select(d =>
            {
                var indicators = rules.IndicatorSystem.Indicators.Where(i => i.Dimension == d.Code).ToList();
                var weights = indicators.Sum(i => i.Weight);
                return new DimensionPlan(d, indicators.Select(i => (i, d.Points * i.Weight / weights)).ToList());
            })
            .ToList();
    }

    public AssessmentRules Rules => _rules;

    /// <summary>Full marks of each indicator, unrounded, by indicator code.</summary>
    public IReadOnlyDictionary<string, decimal> MaxPoints =>
        _plan.SelectMany(d => d.Indicators).ToDictionary(x => x.Indicator.Code, x => x.MaxPoints);

    /// <summary>Scores every center; the result is in the order of the inputs.</summary>
    public IReadOnlyList<CenterScore> ScoreAll(IEnumerable<CenterInputs> centers) => centers.Select(Score).ToList();

    public CenterScore Score(CenterInputs center)
    {
        var decimals = _rules.ScoreDecimals;
        var raw = new List<IndicatorScore[]>(_plan.Count);
        var exactTotal = 0m;
        foreach (var dimension in _plan)
        {
            var scores = new IndicatorScore[dimension.Indicators.Count];
            for (var i = 0; i < scores.Length; i++)
            {
                var (indicator, max) = dimension.Indicators[i];
                scores[i] = IndicatorScorer.Score(indicator, max, center, decimals);
                exactTotal += scores[i].ExactPoints;
            }

            raw.Add(scores);
        }

        var total = Math.Round(exactTotal, decimals, MidpointRounding.AwayFromZero);
        var dimensionPoints = Apportion(raw.Select(s => s.Sum(x => x.ExactPoints)).ToArray(), total, _step);

        var dimensions = new DimensionScore[_plan.Count];
        for (var d = 0; d < _plan.Count; d++)
        {
            var indicatorPoints = Apportion(raw[d].Select(s => s.ExactPoints).ToArray(), dimensionPoints[d], _step);
            var indicators = raw[d].Select((s, i) => s with { Points = indicatorPoints[i] }).ToList();
            dimensions[d] = new DimensionScore(_plan[d].Dimension.Code, _plan[d].Dimension.Points, dimensionPoints[d], indicators);
        }

        return new CenterScore(center.CenterId, dimensions, total, _rules.GradeFor(total));
    }

    /// <summary>
    /// Rounds each part down to the step, then gives the steps still missing to reach <paramref name="target"/> to the
    /// parts with the largest remainders (earlier part first on a tie). Should the floors overshoot the target, which
    /// only the last digit of decimal arithmetic can cause, the steps are taken from the smallest remainders instead.
    /// </summary>
    internal static decimal[] Apportion(decimal[] exact, decimal target, decimal step)
    {
        if (exact.Length == 0)
        {
            return [];
        }

        var result = new decimal[exact.Length];
        var remainders = new decimal[exact.Length];
        for (var i = 0; i < exact.Length; i++)
        {
            result[i] = Math.Floor(exact[i] / step) * step;
            remainders[i] = exact[i] - result[i];
        }

        var units = (int)Math.Round((target - result.Sum()) / step);
        var order = Enumerable.Range(0, exact.Length).OrderByDescending(i => remainders[i]).ThenBy(i => i).ToArray();
        for (var k = 0; k < Math.Abs(units); k++)
        {
            if (units > 0)
            {
                result[order[k % order.Length]] += step;
            }
            else
            {
                result[order[order.Length - 1 - (k % order.Length)]] -= step;
            }
        }

        return result;
    }

    private static decimal Pow10(int n)
    {
        var p = 1m;
        for (var i = 0; i < n; i++)
        {
            p *= 10m;
        }

        return p;
    }

    private sealed record DimensionPlan(IndicatorDimension Dimension, IReadOnlyList<(Indicator Indicator, decimal MaxPoints)> Indicators);
}
