using InnoCenter.Domain.Assessment;
using InnoCenter.Domain.Policy;

namespace InnoCenter.Domain.Tests.Assessment;

/// <summary>Where values come from: the ledger roll-up, ratios, weighted sums, manual entries and expert grades.</summary>
public sealed class IndicatorSourceTests
{
    private static readonly RatioSource RdShare = new(LedgerRollupKeys.StaffRd, LedgerRollupKeys.StaffTotal, 100m);

    private static Dictionary<string, decimal> Figures(params (string Key, decimal Value)[] figures) =>
        figures.ToDictionary(f => f.Key, f => f.Value);

    private static Indicator Quantitative(IndicatorSource source, ScoringRule rule) => new()
    {
        Code = "i",
        Dimension = "all",
        Zh = "指标",
        En = "Indicator",
        Kind = IndicatorKind.Quantitative,
        Source = source,
        Weight = 1,
        Rule = rule,
    };

    [Fact]
    public void A_ratio_keeps_its_numerator_and_denominator_and_scales_to_percent()
    {
        var value = IndicatorScorer.ValueOf(RdShare, Figures((LedgerRollupKeys.StaffRd, 30), (LedgerRollupKeys.StaffTotal, 120)), null);

        Assert.Equal(25m, value.Value);
        Assert.Equal(30m, value.Numerator);
        Assert.Equal(120m, value.Denominator);
    }

    [Fact]
    public void A_ratio_with_a_zero_denominator_has_no_value_and_scores_zero_as_undefined()
    {
        var indicator = Quantitative(RdShare, new LinearRule { ZeroAt = 10, FullAt = 50 });
        var inputs = new CenterInputs(Guid.NewGuid()) { Figures = Figures((LedgerRollupKeys.StaffRd, 3), (LedgerRollupKeys.StaffTotal, 0)) };

        var score = IndicatorScorer.Score(indicator, 6m, inputs, 2);

        Assert.Equal(IndicatorScoreStatus.Undefined, score.Status);
        Assert.Null(score.Value);
        Assert.Equal(3m, score.Numerator);
        Assert.Equal(0m, score.Denominator);
        Assert.Equal(0m, score.Points);
        Assert.True(score.IsComplete);
    }

    [Fact]
    public void A_ratio_whose_keys_are_absent_from_the_roll_up_is_undefined()
    {
        var score = IndicatorScorer.Score(Quantitative(RdShare, new LinearRule { ZeroAt = 10, FullAt = 50 }), 6m, new CenterInputs(Guid.NewGuid()), 2);

        Assert.Equal(IndicatorScoreStatus.Undefined, score.Status);
        Assert.Equal(0m, score.Denominator);
    }

    [Fact]
    public void A_weighted_source_sums_the_figures_by_their_weights_and_counts_absent_keys_as_zero()
    {
        var source = new WeightedSource(new Dictionary<string, decimal>
        {
            [LedgerRollupKeys.StandardsInternational] = 4,
            [LedgerRollupKeys.StandardsNational] = 3,
            [LedgerRollupKeys.StandardsIndustry] = 2,
            [LedgerRollupKeys.StandardsGroup] = 1,
        });

        var value = IndicatorScorer.ValueOf(source, Figures((LedgerRollupKeys.StandardsInternational, 1), (LedgerRollupKeys.StandardsIndustry, 2), (LedgerRollupKeys.StandardsGroup, 3)), null);

        Assert.Equal(4m + 4m + 3m, value.Value);
        Assert.Null(value.Numerator);
    }

    [Fact]
    public void A_ledger_figure_absent_from_the_roll_up_counts_as_zero_and_is_scored()
    {
        var indicator = Quantitative(new LedgerSource(LedgerRollupKeys.InventionGrants), new PerUnitRule { PointsPerUnit = 1, Cap = 6 });

        var score = IndicatorScorer.Score(indicator, 6m, new CenterInputs(Guid.NewGuid()), 2);

        Assert.Equal(IndicatorScoreStatus.Scored, score.Status);
        Assert.Equal(0m, score.Value);
        Assert.Equal(0m, score.Points);
    }

    [Fact]
    public void A_ledger_figure_scores_by_the_rule_and_the_indicator_full_marks()
    {
        var indicator = Quantitative(new LedgerSource(LedgerRollupKeys.InventionGrants), new PerUnitRule { PointsPerUnit = 1, Cap = 6 });
        var inputs = new CenterInputs(Guid.NewGuid()) { Figures = Figures((LedgerRollupKeys.InventionGrants, 2)) };

        var score = IndicatorScorer.Score(indicator, 9m, inputs, 2);

        Assert.Equal(2m / 6m, score.Fraction);
        Assert.Equal(3m, score.Points);
    }

    [Fact]
    public void A_manual_value_not_yet_entered_is_missing_and_makes_the_result_incomplete()
    {
        var indicator = Quantitative(ManualSource.Instance, new LinearRule { ZeroAt = 10, FullAt = 30 });

        var score = IndicatorScorer.Score(indicator, 2m, new CenterInputs(Guid.NewGuid()), 2);

        Assert.Equal(IndicatorScoreStatus.Missing, score.Status);
        Assert.False(score.IsComplete);
        Assert.Equal(0m, score.Points);
    }

    [Fact]
    public void A_manual_value_is_read_by_the_indicator_code_and_ignores_same_named_figures()
    {
        var indicator = Quantitative(ManualSource.Instance, new LinearRule { ZeroAt = 10, FullAt = 30 });
        var inputs = new CenterInputs(Guid.NewGuid())
        {
            ManualValues = new Dictionary<string, decimal> { ["i"] = 20m },
            Figures = Figures(("i", 30m)),
        };

        var score = IndicatorScorer.Score(indicator, 2m, inputs, 2);

        Assert.Equal(20m, score.Value);
        Assert.Equal(1m, score.Points);
    }

    [Fact]
    public void An_expert_grade_not_yet_given_is_missing_and_an_unknown_one_is_invalid()
    {
        var indicator = TestPacks.Manual("q", "all", 1, new ExpertGradeRule { Grades = TestPacks.Grades });

        var missing = IndicatorScorer.Score(indicator, 5m, new CenterInputs(Guid.NewGuid()), 2);
        var invalid = IndicatorScorer.Score(indicator, 5m,
            new CenterInputs(Guid.NewGuid()) { ExpertGrades = new Dictionary<string, string> { ["q"] = "E" } }, 2);

        Assert.Equal(IndicatorScoreStatus.Missing, missing.Status);
        Assert.Equal(IndicatorScoreStatus.InvalidGrade, invalid.Status);
        Assert.Equal("E", invalid.Grade);
        Assert.False(invalid.IsComplete);
        Assert.Equal(0m, invalid.Points);
    }

    [Fact]
    public void Sources_frozen_under_the_former_cross_region_key_read_the_cross_region_figure_under_its_neutral_name()
    {
        // A pack version stored, or a cycle's rules frozen, before the key was renamed: never rewritten, still read.
        var ledger = System.Text.Json.JsonSerializer.Deserialize<IndicatorSource>("""{ "ledger": "members.beijing_hebei" }""");
        var ratio = System.Text.Json.JsonSerializer.Deserialize<IndicatorSource>("""{ "ratio": { "numerator": "members.beijing_hebei", "denominator": "members.total", "scale": 100 } }""");
        var weighted = System.Text.Json.JsonSerializer.Deserialize<IndicatorSource>("""{ "weighted": { "members.beijing_hebei": 2 } }""");
        var figures = Figures(("members.cross_region", 3), (LedgerRollupKeys.MembersTotal, 12));

        Assert.Equal(new LedgerSource("members.cross_region"), ledger);
        Assert.Equal(25m, IndicatorScorer.ValueOf(ratio!, figures, null).Value);
        Assert.Equal(6m, IndicatorScorer.ValueOf(weighted!, figures, null).Value);
        Assert.Contains("members.cross_region", LedgerRollupKeys.Ordered);
        Assert.DoesNotContain("members.beijing_hebei", LedgerRollupKeys.Ordered);
    }
}
