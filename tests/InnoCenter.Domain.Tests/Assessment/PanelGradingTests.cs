using InnoCenter.Domain.Assessment;
using InnoCenter.Domain.Policy;

namespace InnoCenter.Domain.Tests.Assessment;

/// <summary>A finished panel's points become the grade of each qualitative indicator.</summary>
public sealed class PanelGradingTests
{
    private static readonly ExpertGradeRule Rule = new()
    {
        Grades = [new("A", "好", "Strong", 1m), new("B", "较好", "Good", 0.75m), new("C", "一般", "Fair", 0.5m), new("D", "较差", "Weak", 0m)],
    };

    private static Indicator Qualitative(string code, string dimension) => new()
    {
        Code = code, Dimension = dimension, Zh = code, En = code, Kind = IndicatorKind.Qualitative, Source = ManualSource.Instance, Weight = 1m, Rule = Rule,
    };

    [Theory]
    [InlineData(1.0, "A")]
    [InlineData(0.9, "A")]
    [InlineData(0.8, "B")]
    [InlineData(0.875, "B")]
    [InlineData(0.6, "C")]
    [InlineData(0.25, "D")]
    [InlineData(0.26, "C")]
    [InlineData(0.0, "D")]
    public void The_nearest_grade_wins_and_halfway_goes_to_the_lower_one(double fraction, string grade)
    {
        Assert.Equal(grade, PanelGrading.Nearest(Rule, (decimal)fraction).Code);
    }

    [Fact]
    public void A_criterion_of_the_indicators_code_judges_it_else_the_criterion_of_its_dimension_else_the_total()
    {
        var panel = new PanelResult(
            [new("own", 10m, 10m), new("results", 25m, 12.5m)],
            30m, 40m);
        var indicators = new[] { Qualitative("own", "results"), Qualitative("quality", "results"), Qualitative("other", "talent") };

        var grades = PanelGrading.GradesFor(indicators, panel);

        Assert.Equal("A", grades["own"]);
        Assert.Equal("C", grades["quality"]);
        Assert.Equal("B", grades["other"]);
    }

    [Fact]
    public void A_criterion_nobody_scored_leaves_the_indicator_without_a_grade_and_quantitative_indicators_are_ignored()
    {
        var panel = new PanelResult([new("results", 25m, null)], 10m, 25m);
        var quantitative = new Indicator
        {
            Code = "n", Dimension = "results", Zh = "n", En = "n", Kind = IndicatorKind.Quantitative, Source = new LedgerSource(LedgerRollupKeys.InventionGrants),
            Weight = 1m, Rule = new PerUnitRule { PointsPerUnit = 1m, Cap = 1m },
        };

        var grades = PanelGrading.GradesFor([Qualitative("quality", "results"), quantitative], panel);

        Assert.Empty(grades);
    }
}
