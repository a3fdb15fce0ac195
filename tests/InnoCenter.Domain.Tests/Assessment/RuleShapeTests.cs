using InnoCenter.Domain.Assessment;
using InnoCenter.Domain.Policy;

namespace InnoCenter.Domain.Tests.Assessment;

/// <summary>Each rule shape at its boundaries: the fraction of full marks it gives a value.</summary>
public sealed class RuleShapeTests
{
    private static readonly LinearRule Increasing = new() { ZeroAt = 10, FullAt = 50 };
    private static readonly LinearRule Decreasing = new() { ZeroAt = 50, FullAt = 10 };

    [Theory]
    [InlineData(-5, 0)]      // below the zero point, even negative
    [InlineData(9.99, 0)]    // just below the zero point
    [InlineData(10, 0)]      // at the zero point
    [InlineData(10.4, 0.01)] // just above it
    [InlineData(30, 0.5)]    // half-way
    [InlineData(40, 0.75)]
    [InlineData(50, 1)]      // at full
    [InlineData(50.01, 1)]   // just above full: clamped
    [InlineData(1000, 1)]    // far above
    public void Linear_increasing_is_zero_up_to_its_zero_point_then_linear_then_full(decimal value, decimal fraction) =>
        Assert.Equal(fraction, IndicatorScorer.FractionFor(Increasing, value));

    [Theory]
    [InlineData(0, 1)]       // less is better: far below full
    [InlineData(10, 1)]      // at full
    [InlineData(20, 0.75)]
    [InlineData(30, 0.5)]
    [InlineData(50, 0)]      // at the zero point
    [InlineData(80, 0)]      // beyond it: clamped
    public void Linear_decreasing_gives_full_marks_at_the_low_end(decimal value, decimal fraction) =>
        Assert.Equal(fraction, IndicatorScorer.FractionFor(Decreasing, value));

    private static readonly BandsRule Bands = new()
    {
        Bands = [new ScoreBand(4, 1m), new ScoreBand(3, 0.75m), new ScoreBand(1, 0.5m)],
    };

    [Theory]
    [InlineData(-1, 0)]      // below every band
    [InlineData(0, 0)]
    [InlineData(0.99, 0)]    // just below the lowest band
    [InlineData(1, 0.5)]     // at the lowest band's edge
    [InlineData(2, 0.5)]     // inside it
    [InlineData(2.99, 0.5)]  // just below the next edge
    [InlineData(3, 0.75)]    // at the next edge
    [InlineData(3.99, 0.75)]
    [InlineData(4, 1)]       // at the top edge
    [InlineData(100, 1)]     // far above
    public void Bands_give_the_fraction_of_the_highest_band_the_value_reaches(decimal value, decimal fraction) =>
        Assert.Equal(fraction, IndicatorScorer.FractionFor(Bands, value));

    private static readonly PerUnitRule PerUnit = new() { PointsPerUnit = 1, Cap = 5 };

    [Theory]
    [InlineData(-2, 0)]      // a negative count scores nothing
    [InlineData(0, 0)]
    [InlineData(1, 0.2)]
    [InlineData(2.5, 0.5)]
    [InlineData(4, 0.8)]
    [InlineData(5, 1)]       // cap reached
    [InlineData(6, 1)]       // beyond the cap
    [InlineData(500, 1)]
    public void Per_unit_counts_points_up_to_the_cap(decimal value, decimal fraction) =>
        Assert.Equal(fraction, IndicatorScorer.FractionFor(PerUnit, value));

    [Theory]
    [InlineData(0, 0)]
    [InlineData(3, 0.5)]     // 3 × 2 = 6 of 12
    [InlineData(4.5, 0.75)]  // 4.5 × 2 = 9 of 12
    [InlineData(6, 1)]       // 6 × 2 = the cap
    [InlineData(7, 1)]
    public void Per_unit_with_several_points_per_unit_reaches_its_cap_sooner(decimal value, decimal fraction) =>
        Assert.Equal(fraction, IndicatorScorer.FractionFor(new PerUnitRule { PointsPerUnit = 2, Cap = 12 }, value));

    [Theory]
    [InlineData("A", 1)]
    [InlineData("B", 0.75)]
    [InlineData("C", 0.5)]
    [InlineData("D", 0)]
    public void Each_expert_grade_gives_its_fraction_of_full_marks(string grade, decimal fraction)
    {
        var rules = TestPacks.OneDimension(
            TestPacks.Manual("q", "all", 1, new ExpertGradeRule { Grades = TestPacks.Grades }));
        var score = new AssessmentCalculator(rules).Score(
            new CenterInputs(Guid.NewGuid()) { ExpertGrades = new Dictionary<string, string> { ["q"] = grade } });

        var indicator = Assert.Single(score.Indicators);
        Assert.Equal(IndicatorScoreStatus.Scored, indicator.Status);
        Assert.Equal(grade, indicator.Grade);
        Assert.Equal(fraction, indicator.Fraction);
        Assert.Equal(fraction * 100m, score.Total);
    }

    [Fact]
    public void An_expert_grade_rule_refuses_to_score_a_number() =>
        Assert.Throws<InvalidOperationException>(() =>
            IndicatorScorer.FractionFor(new ExpertGradeRule { Grades = TestPacks.Grades }, 3m));
}
