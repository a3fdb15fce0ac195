using FsCheck;
using FsCheck.Xunit;
using InnoCenter.Domain.Assessment;
using InnoCenter.Domain.Policy;

namespace InnoCenter.Domain.Tests.Assessment;

public sealed class AssessmentCalculatorTests
{
    [Theory]
    [InlineData(0, "fail")]
    [InlineData(59.99, "fail")]
    [InlineData(60, "pass")]
    [InlineData(79.99, "pass")]
    [InlineData(80, "good")]
    [InlineData(89.99, "good")]
    [InlineData(90, "excellent")]
    [InlineData(100, "excellent")]
    public void The_total_is_graded_by_the_bands_at_their_edges(decimal value, string grade)
    {
        var score = new AssessmentCalculator(TestPacks.ValueIsTotal()).Score(TestPacks.Manual(Guid.NewGuid(), ("x", value)));

        Assert.Equal(value, score.Total);
        Assert.Equal(grade, score.Grade.Code);
    }

    [Theory]
    [InlineData(89.994, 89.99, "good")]
    [InlineData(89.995, 90.00, "excellent")] // rounded once, half away from zero, then graded
    [InlineData(59.995, 60.00, "pass")]
    [InlineData(59.9949, 59.99, "fail")]
    public void The_total_is_rounded_to_the_pack_decimals_before_it_is_graded(decimal value, decimal total, string grade)
    {
        var score = new AssessmentCalculator(TestPacks.ValueIsTotal()).Score(TestPacks.Manual(Guid.NewGuid(), ("x", value)));

        Assert.Equal(total, score.Total);
        Assert.Equal(grade, score.Grade.Code);
    }

    [Theory]
    [InlineData(0, "fail")]
    [InlineData(59.99, "fail")]
    [InlineData(60, "pass")]
    [InlineData(60.01, "pass")]
    [InlineData(80, "good")]
    [InlineData(90, "excellent")]
    public void Grade_for_reads_the_first_band_the_total_reaches(decimal total, string grade) =>
        Assert.Equal(grade, TestPacks.ValueIsTotal().GradeFor(total).Code);

    [Fact]
    public void Grade_for_refuses_a_total_below_every_band_since_a_score_is_never_negative() =>
        Assert.Throws<InvalidOperationException>(() => TestPacks.ValueIsTotal().GradeFor(-0.01m));

    private static AssessmentRules ThirdsAndRest() => new()
    {
        IndicatorSystem = new IndicatorSystem
        {
            Dimensions =
            [
                new IndicatorDimension { Code = "a", Zh = "甲", En = "A", Points = 25 },
                new IndicatorDimension { Code = "b", Zh = "乙", En = "B", Points = 75 },
            ],
            Indicators =
            [
                TestPacks.Manual("a1", "a", 1, new LinearRule { ZeroAt = 0, FullAt = 1 }),
                TestPacks.Manual("a2", "a", 1, new LinearRule { ZeroAt = 0, FullAt = 1 }),
                TestPacks.Manual("a3", "a", 1, new LinearRule { ZeroAt = 0, FullAt = 1 }),
                TestPacks.Manual("b1", "b", 3, new LinearRule { ZeroAt = 0, FullAt = 1 }),
            ],
        },
        GradeBands = TestPacks.DefaultBands,
        Consequences = TestPacks.Consecutive(),
    };

    [Fact]
    public void Full_marks_are_exactly_100_and_the_rounded_parts_add_up_to_their_dimension()
    {
        var score = new AssessmentCalculator(ThirdsAndRest()).Score(
            TestPacks.Manual(Guid.NewGuid(), ("a1", 1), ("a2", 1), ("a3", 1), ("b1", 1)));

        Assert.Equal(100m, score.Total);
        Assert.Equal(new[] { 25m, 75m }, score.Dimensions.Select(d => d.Points));
        // 25 ÷ 3 = 8.333…: rounded down to 8.33 each, the missing cent goes to the first (ties keep pack order).
        Assert.Equal(new[] { 8.34m, 8.33m, 8.33m }, score.Dimensions[0].Indicators.Select(i => i.Points));
        Assert.Equal(25m / 3m, score.Dimensions[0].Indicators[0].MaxPoints);
        Assert.Equal("excellent", score.Grade.Code);
    }

    [Fact]
    public void An_indicator_is_worth_its_weight_share_of_its_dimension_points()
    {
        var rules = ThirdsAndRest();
        var calculator = new AssessmentCalculator(rules);

        Assert.Equal(75m, calculator.MaxPoints["b1"]);

        var doubled = rules with
        {
            IndicatorSystem = rules.IndicatorSystem with
            {
                Dimensions =
                [
                    new IndicatorDimension { Code = "a", Zh = "甲", En = "A", Points = 50 },
                    new IndicatorDimension { Code = "b", Zh = "乙", En = "B", Points = 50 },
                ],
            },
        };
        var recalculated = new AssessmentCalculator(doubled);

        Assert.Equal(50m / 3m, recalculated.MaxPoints["a1"]);
        Assert.Equal(50m, recalculated.MaxPoints["b1"]);
        var half = recalculated.Score(TestPacks.Manual(Guid.NewGuid(), ("a1", 0.5m), ("a2", 0.5m), ("a3", 0.5m), ("b1", 0.5m)));
        Assert.Equal(50m, half.Total);
        Assert.Equal("fail", half.Grade.Code);
    }

    [Fact]
    public void A_result_with_a_missing_value_is_incomplete_but_still_totalled()
    {
        var score = new AssessmentCalculator(ThirdsAndRest()).Score(TestPacks.Manual(Guid.NewGuid(), ("a1", 1), ("b1", 1)));

        Assert.False(score.IsComplete);
        Assert.Equal(75m + 25m / 3m, score.Dimensions.Sum(d => d.Indicators.Sum(i => i.ExactPoints)));
        Assert.Equal(83.33m, score.Total);
        Assert.Equal(2, score.Indicators.Count(i => i.Status == IndicatorScoreStatus.Missing));
    }

    [Fact]
    public void Invalid_rules_are_refused_by_the_calculator()
    {
        var broken = TestPacks.ValueIsTotal() with { GradeBands = [] };

        var error = Assert.Throws<ArgumentException>(() => new AssessmentCalculator(broken));
        Assert.Contains("policy.assessment.required", error.Message);
    }

    [Fact]
    public void The_tianjin_pack_scores_a_center_from_its_ledger_figures_manual_values_and_grades()
    {
        var calculator = new AssessmentCalculator(TestPacks.Tianjin.Assessment);
        var center = SampleCenter(Guid.NewGuid(), 0);

        var score = calculator.Score(center);

        Assert.True(score.IsComplete);
        Assert.Equal(new[] { "results", "transfer", "industry-support", "talent", "international", "operation" }, score.Dimensions.Select(d => d.Dimension));
        var rdShare = score.Indicators.Single(i => i.Indicator == "rd-staff-share");
        Assert.Equal(30m, rdShare.Numerator);
        Assert.Equal(100m, rdShare.Denominator);
        Assert.Equal(30m, rdShare.Value);
        Assert.Equal(3m, rdShare.Points); // 30 % is half-way from 10 % to 50 %: half of 6
        var standards = score.Indicators.Single(i => i.Indicator == "standards");
        Assert.Equal(4m + 3m + 2m, standards.Value); // one international, one national, one industry standard
        Assert.Equal(score.Total, score.Dimensions.Sum(d => d.Points));
        Assert.All(score.Dimensions, d => Assert.Equal(d.Points, d.Indicators.Sum(i => i.Points)));
    }

    [Fact]
    public void Scoring_many_centers_at_once_gives_what_scoring_them_one_by_one_gives()
    {
        var calculator = new AssessmentCalculator(TestPacks.Tianjin.Assessment);
        var centers = Enumerable.Range(0, 60).Select(i => SampleCenter(Guid.NewGuid(), i)).ToList();

        var together = calculator.ScoreAll(centers);
        var oneByOne = centers.Select(c => new AssessmentCalculator(TestPacks.Tianjin.Assessment).Score(c)).ToList();

        Assert.Equal(centers.Select(c => c.CenterId), together.Select(s => s.CenterId));
        Assert.Equal(oneByOne.Select(Flatten), together.Select(Flatten));
        Assert.True(together.Select(s => s.Grade.Code).Distinct().Count() > 1, "the sample should span more than one grade");
    }

    private static string Flatten(CenterScore s) =>
        $"{s.CenterId}|{s.Total}|{s.Grade.Code}|" + string.Join(";", s.Indicators.Select(i => $"{i.Indicator}={i.Status}:{i.Value}:{i.Points}"));

    /// <summary>A center whose figures grow with <paramref name="n"/>, so a set of them spans the grades.</summary>
    internal static CenterInputs SampleCenter(Guid id, int n) => new(id)
    {
        Figures = new Dictionary<string, decimal>
        {
            [LedgerRollupKeys.InventionApplications] = n % 9,
            [LedgerRollupKeys.InventionGrants] = n % 7,
            [LedgerRollupKeys.PctApplications] = n % 5,
            [LedgerRollupKeys.CommonKeyBreakthroughs] = n % 4,
            [LedgerRollupKeys.TransferDeals] = n % 8,
            [LedgerRollupKeys.TransferContractValueWan] = n * 23.5m,
            [LedgerRollupKeys.TransferFirstCommercial] = n % 3,
            [LedgerRollupKeys.IncubatedEnterprises] = n % 5,
            [LedgerRollupKeys.SmeServed] = n * 1.7m,
            [LedgerRollupKeys.StandardsInternational] = 1,
            [LedgerRollupKeys.StandardsNational] = 1,
            [LedgerRollupKeys.StandardsIndustry] = 1,
            [LedgerRollupKeys.StaffRd] = 30,
            [LedgerRollupKeys.StaffTotal] = n == 0 ? 100 : 100 + n,
            [LedgerRollupKeys.TalentHighLevel] = n % 3,
            [LedgerRollupKeys.TrainingPersonTimes] = n * 5,
            [LedgerRollupKeys.IntlProjects] = n % 5,
            [LedgerRollupKeys.IntlJointLabs] = n % 3,
            [LedgerRollupKeys.IntlIntroductions] = n % 4,
        },
        ManualValues = new Dictionary<string, decimal>
        {
            ["shared-resource-hours"] = n * 40,
            ["rd-spending-share"] = 5 + n % 30,
            ["fund-execution-rate"] = Math.Min(100, n * 3),
            ["plan-completion"] = Math.Min(100, n * 4),
        },
        ExpertGrades = new Dictionary<string, string>
        {
            ["results-quality"] = "ABCD"[n % 4].ToString(),
            ["industry-support"] = "ABCD"[(n / 2) % 4].ToString(),
            ["plan-implementation"] = "ABCD"[(n / 3) % 4].ToString(),
        },
    };
}

/// <summary>Whatever the figures, a score stays within 0–100 and its rounded parts add up to the rounded whole.</summary>
public sealed class AssessmentCalculatorPropertyTests
{
    private static readonly AssessmentCalculator Tianjin = new(TestPacks.Tianjin.Assessment);
    private static readonly string[] Keys = [.. LedgerRollupKeys.All.Order(StringComparer.Ordinal)];

    [Property(MaxTest = 300)]
    public bool Parts_add_up_and_the_total_stays_within_0_to_100(NonNegativeInt[] figures, NonNegativeInt manual, byte grades)
    {
        var inputs = new CenterInputs(Guid.NewGuid())
        {
            Figures = Keys.Select((k, i) => (k, i < figures.Length ? (decimal)figures[i].Get : 0m)).ToDictionary(x => x.k, x => x.Item2),
            ManualValues = new Dictionary<string, decimal>
            {
                ["shared-resource-hours"] = manual.Get,
                ["rd-spending-share"] = manual.Get % 101,
                ["fund-execution-rate"] = manual.Get % 101,
                ["plan-completion"] = manual.Get % 101,
            },
            ExpertGrades = new Dictionary<string, string>
            {
                ["results-quality"] = "ABCD"[grades % 4].ToString(),
                ["industry-support"] = "ABCD"[(grades / 4) % 4].ToString(),
                ["plan-implementation"] = "ABCD"[(grades / 16) % 4].ToString(),
            },
        };

        var score = Tianjin.Score(inputs);
        var exact = score.Indicators.Sum(i => i.ExactPoints);

        return score.Total is >= 0m and <= 100m
            && score.Total == Math.Round(exact, 2, MidpointRounding.AwayFromZero)
            && score.Dimensions.Sum(d => d.Points) == score.Total
            && score.Dimensions.All(d => d.Indicators.Sum(i => i.Points) == d.Points && d.Points <= d.MaxPoints)
            && score.Indicators.All(i => i.Points >= 0m && Math.Abs(i.Points - i.ExactPoints) < 0.02m)
            && score.Grade == Tianjin.Rules.GradeFor(score.Total);
    }
}
