using System.Text.Json;
using InnoCenter.Domain.Assessment;
using InnoCenter.Domain.Policy;

namespace InnoCenter.Domain.Tests.Assessment;

/// <summary>The pack files of the repository, the JSON forms of rules and sources, and the validation that refuses a broken pack.</summary>
public sealed class PolicyPackAssessmentTests
{
    [Theory]
    [InlineData("tianjin-2020.json", "tianjin-2020")]
    [InlineData("national-2018.json", "national-2018")]
    public void Both_pack_files_load_and_their_assessment_rules_validate(string file, string code)
    {
        var pack = TestPacks.Load(file);

        Assert.Equal(code, pack.Code);
        Assert.Empty(pack.Assessment.Validate());
        Assert.Equal(100m, pack.Assessment.IndicatorSystem.Dimensions.Sum(d => d.Points));
        Assert.NotEmpty(pack.KeyAreas);
        Assert.NotEmpty(pack.RequiredMaterials);
        Assert.NotEmpty(pack.ExpertDomains);
        Assert.Equal(new[] { "excellent", "good", "pass", "fail" }, pack.Assessment.GradeBands.Select(b => b.Code));
        Assert.Equal(new[] { 90m, 80m, 60m }, pack.Assessment.GradeBands.Where(b => b.IsDefault).Select(b => b.Min));
    }

    [Fact]
    public void The_tianjin_pack_carries_the_default_indicator_system_of_the_seed_dimensions()
    {
        var rules = TestPacks.Tianjin.Assessment;

        Assert.Equal(
            new[] { ("技术成果数量及质量", 25m), ("技术成果转移扩散和产业化", 25m), ("对行业发展的支撑作用", 20m), ("人才队伍建设", 15m), ("国际合作", 10m), ("规划实施、日常运营和资金使用", 5m) },
            rules.IndicatorSystem.Dimensions.Select(d => (d.Zh, d.Points)));
        Assert.All(rules.IndicatorSystem.Dimensions, d => Assert.True(d.IsDefault));
        Assert.All(rules.IndicatorSystem.Indicators, i => Assert.True(i.IsDefault));
        var revoke = Assert.IsType<RevokeAfterConsecutiveFailures>(rules.Consequences.OnFailure);
        Assert.Equal(2, revoke.ConsecutiveFailures);
        Assert.True(revoke.PublicNotice);
        Assert.Equal(1, rules.Eligibility.MinimumYearsRecognised);
        Assert.Null(rules.Eligibility.EvaluationEveryYears);

        var rdStaff = rules.IndicatorSystem.Indicators.Single(i => i.Code == "rd-staff-share");
        Assert.Equal(new RatioSource(LedgerRollupKeys.StaffRd, LedgerRollupKeys.StaffTotal, 100m), rdStaff.Source);
        Assert.Equal(new LinearRule { ZeroAt = 10, FullAt = 50 }, rdStaff.Rule);
        var rdSpending = rules.IndicatorSystem.Indicators.Single(i => i.Code == "rd-spending-share");
        Assert.Same(ManualSource.Instance, rdSpending.Source);
        Assert.Equal(new LinearRule { ZeroAt = 10, FullAt = 30 }, rdSpending.Rule);
        var standards = Assert.IsType<WeightedSource>(rules.IndicatorSystem.Indicators.Single(i => i.Code == "standards").Source);
        Assert.Equal(4m, standards.Weights[LedgerRollupKeys.StandardsInternational]);
        Assert.Equal(1m, standards.Weights[LedgerRollupKeys.StandardsGroup]);
    }

    [Fact]
    public void The_national_pack_has_the_national_key_areas_experts_and_assessment_path()
    {
        var pack = TestPacks.National;

        Assert.Contains("37号", pack.Source);
        Assert.Equal(10, pack.KeyAreas.Count);
        Assert.Contains(pack.KeyAreas, k => k.Zh == "生物医药及高性能医疗器械");
        Assert.Equal(new[] { "technology", "management", "finance" }, pack.ExpertDomains.Select(d => d.Code));
        var rectification = Assert.IsType<RectificationThenRecheck>(pack.Assessment.Consequences.OnFailure);
        Assert.Equal(1, rectification.RectificationYears);
        Assert.True(rectification.RecheckOnSite);
        Assert.Equal(1, pack.Assessment.Eligibility.MinimumYearsRecognised);
        Assert.Equal(3, pack.Assessment.Eligibility.EvaluationEveryYears);
        Assert.Equal(new[] { "excellent" }, pack.Assessment.Consequences.RewardGrades);
    }

    [Fact]
    public void Between_them_the_packs_use_every_rule_shape_and_every_source_form()
    {
        var indicators = TestPacks.Tianjin.Assessment.IndicatorSystem.Indicators
            .Concat(TestPacks.National.Assessment.IndicatorSystem.Indicators).ToList();

        Assert.Equal(
            new[] { nameof(BandsRule), nameof(ExpertGradeRule), nameof(LinearRule), nameof(PerUnitRule) },
            indicators.Select(i => i.Rule.GetType().Name).Distinct().Order());
        Assert.Equal(
            new[] { nameof(FundsSource), nameof(LedgerSource), nameof(ManualSource), nameof(RatioSource), nameof(WeightedSource) },
            indicators.Select(i => i.Source.GetType().Name).Distinct().Order());
    }

    [Fact]
    public void Rules_written_back_to_json_read_back_to_the_same_scores()
    {
        var rules = TestPacks.Tianjin.Assessment;

        var json = JsonSerializer.Serialize(rules, TestPacks.JsonOptions);
        var read = JsonSerializer.Deserialize<AssessmentRules>(json, TestPacks.JsonOptions)!;

        Assert.Contains("\"type\":\"perUnit\"", json);
        Assert.Contains("\"source\":\"manual\"", json);
        Assert.Contains("\"kind\":\"qualitative\"", json);
        Assert.Empty(read.Validate());
        var center = AssessmentCalculatorTests.SampleCenter(Guid.NewGuid(), 17);
        var before = new AssessmentCalculator(rules).Score(center);
        var after = new AssessmentCalculator(read).Score(center);
        Assert.Equal(before.Indicators.Select(i => (i.Indicator, i.Points)), after.Indicators.Select(i => (i.Indicator, i.Points)));
        Assert.Equal(before.Total, after.Total);
    }

    private static Indicator ParseIndicator(string source, string rule) =>
        JsonSerializer.Deserialize<Indicator>(
            $$"""{ "code": "i", "dimension": "d", "zh": "指标", "en": "Indicator", "kind": "Quantitative", "source": {{source}}, "weight": 1, "rule": {{rule}} }""",
            TestPacks.JsonOptions)!;

    [Fact]
    public void Every_source_form_reads_from_json()
    {
        const string rule = """{ "type": "linear", "zeroAt": 0, "fullAt": 1 }""";

        Assert.Same(ManualSource.Instance, ParseIndicator("\"manual\"", rule).Source);
        Assert.Equal(new LedgerSource("ip.pct_applications"), ParseIndicator("""{ "ledger": "ip.pct_applications" }""", rule).Source);
        Assert.Equal(new RatioSource("staff.rd", "staff.total"), ParseIndicator("""{ "ratio": { "numerator": "staff.rd", "denominator": "staff.total" } }""", rule).Source);
        var weighted = Assert.IsType<WeightedSource>(ParseIndicator("""{ "weighted": { "standards.national": 3, "standards.local": 1 } }""", rule).Source);
        Assert.Equal(new[] { "standards.national", "standards.local" }, weighted.Weights.Keys);
    }

    [Fact]
    public void Every_rule_shape_reads_from_json_by_its_type()
    {
        const string source = "\"manual\"";

        Assert.Equal(new LinearRule { ZeroAt = 50, FullAt = 10 }, ParseIndicator(source, """{ "type": "linear", "zeroAt": 50, "fullAt": 10 }""").Rule);
        var bands = Assert.IsType<BandsRule>(ParseIndicator(source, """{ "type": "bands", "bands": [ { "min": 4, "fraction": 1 }, { "min": 1, "fraction": 0.5 } ] }""").Rule);
        Assert.Equal(new[] { new ScoreBand(4, 1m), new ScoreBand(1, 0.5m) }, bands.Bands);
        Assert.Equal(new PerUnitRule { PointsPerUnit = 1, Cap = 5 }, ParseIndicator(source, """{ "type": "perUnit", "pointsPerUnit": 1, "cap": 5 }""").Rule);
        var grades = Assert.IsType<ExpertGradeRule>(ParseIndicator(source, """{ "type": "expertGrade", "grades": [ { "code": "A", "zh": "好", "en": "Strong", "fraction": 1 } ] }""").Rule);
        Assert.Equal(new ExpertGrade("A", "好", "Strong", 1m), Assert.Single(grades.Grades));
    }

    [Theory]
    [InlineData("\"ledger\"", """{ "type": "linear", "zeroAt": 0, "fullAt": 1 }""")]
    [InlineData("""{ "ledger": "staff.rd", "weighted": { "staff.rd": 1 } }""", """{ "type": "linear", "zeroAt": 0, "fullAt": 1 }""")]
    [InlineData("""{ "formula": "staff.rd" }""", """{ "type": "linear", "zeroAt": 0, "fullAt": 1 }""")]
    [InlineData("""{ "ratio": { "numerator": "staff.rd" } }""", """{ "type": "linear", "zeroAt": 0, "fullAt": 1 }""")]
    [InlineData("\"manual\"", """{ "type": "sigmoid", "mid": 3 }""")]
    [InlineData("\"manual\"", """{ "type": "linear", "zeroAt": 0 }""")]
    public void A_malformed_source_or_rule_is_a_json_error(string source, string rule) =>
        Assert.ThrowsAny<JsonException>(() => ParseIndicator(source, rule));

    [Theory]
    [InlineData("points-not-100", "policy.assessment.points_not_100")]
    [InlineData("unknown-dimension", "policy.assessment.unknown_dimension")]
    [InlineData("empty-dimension", "policy.assessment.dimension_empty")]
    [InlineData("duplicate-indicator", "policy.assessment.duplicate_code")]
    [InlineData("zero-weight", "policy.assessment.not_positive")]
    [InlineData("bands-not-descending", "policy.assessment.not_descending")]
    [InlineData("bands-without-full-marks", "policy.assessment.no_full_marks")]
    [InlineData("fraction-above-one", "policy.assessment.fraction_out_of_range")]
    [InlineData("flat-linear", "policy.assessment.linear_flat")]
    [InlineData("zero-cap", "policy.assessment.not_positive")]
    [InlineData("unknown-ledger-key", "policy.assessment.unknown_ledger_key")]
    [InlineData("qualitative-by-number", "policy.assessment.kind_rule_mismatch")]
    [InlineData("quantitative-by-grade", "policy.assessment.kind_rule_mismatch")]
    [InlineData("qualitative-from-ledger", "policy.assessment.qualitative_source")]
    [InlineData("grade-bands-out-of-order", "policy.assessment.not_descending")]
    [InlineData("grade-bands-without-floor", "policy.assessment.grade_bands_floor")]
    [InlineData("unknown-failing-grade", "policy.assessment.unknown_grade")]
    [InlineData("unknown-unfiled-grade", "policy.assessment.unknown_grade")]
    [InlineData("failing-grade-supported", "policy.assessment.failing_grade_rewarded")]
    [InlineData("no-failure-policy", "policy.assessment.required")]
    [InlineData("evaluation-every-year", "policy.assessment.out_of_range")]
    [InlineData("zero-rectification", "policy.assessment.not_positive")]
    [InlineData("no-filing-period", "policy.assessment.out_of_range")]
    public void A_broken_pack_is_refused_with_the_reason(string breakage, string code)
    {
        var errors = Break(TestPacks.Tianjin.Assessment, breakage).Validate();

        Assert.Contains(errors, e => e.Code == code);
    }

    private static AssessmentRules Break(AssessmentRules rules, string breakage)
    {
        var system = rules.IndicatorSystem;
        var indicators = system.Indicators.ToList();
        AssessmentRules WithIndicator(int index, Indicator indicator)
        {
            indicators[index] = indicator;
            return rules with { IndicatorSystem = system with { Indicators = indicators } };
        }

        var perUnitAt = indicators.FindIndex(i => i.Rule is PerUnitRule);
        var gradeAt = indicators.FindIndex(i => i.Rule is ExpertGradeRule);
        var linearAt = indicators.FindIndex(i => i.Rule is LinearRule);
        var bands = new BandsRule { Bands = [new ScoreBand(4, 1m), new ScoreBand(5, 0.5m)] };

        return breakage switch
        {
            "points-not-100" => rules with { IndicatorSystem = system with { Dimensions = [.. system.Dimensions.Select((d, i) => i == 0 ? d with { Points = d.Points + 1 } : d)] } },
            "unknown-dimension" => WithIndicator(0, indicators[0] with { Dimension = "nowhere" }),
            "empty-dimension" => rules with { IndicatorSystem = system with { Indicators = [.. indicators.Where(i => i.Dimension != "international")] } },
            "duplicate-indicator" => WithIndicator(1, indicators[1] with { Code = indicators[0].Code }),
            "zero-weight" => WithIndicator(0, indicators[0] with { Weight = 0 }),
            "bands-not-descending" => WithIndicator(perUnitAt, indicators[perUnitAt] with { Rule = bands }),
            "bands-without-full-marks" => WithIndicator(perUnitAt, indicators[perUnitAt] with { Rule = new BandsRule { Bands = [new ScoreBand(4, 0.8m)] } }),
            "fraction-above-one" => WithIndicator(gradeAt, indicators[gradeAt] with { Rule = new ExpertGradeRule { Grades = [new ExpertGrade("A", "好", "Strong", 1.2m), new ExpertGrade("B", "较好", "Good", 1m)] } }),
            "flat-linear" => WithIndicator(linearAt, indicators[linearAt] with { Rule = new LinearRule { ZeroAt = 10, FullAt = 10 } }),
            "zero-cap" => WithIndicator(perUnitAt, indicators[perUnitAt] with { Rule = new PerUnitRule { PointsPerUnit = 1, Cap = 0 } }),
            "unknown-ledger-key" => WithIndicator(perUnitAt, indicators[perUnitAt] with { Source = new LedgerSource("ip.invention_aplications") }),
            "qualitative-by-number" => WithIndicator(gradeAt, indicators[gradeAt] with { Rule = new LinearRule { ZeroAt = 0, FullAt = 1 } }),
            "quantitative-by-grade" => WithIndicator(perUnitAt, indicators[perUnitAt] with { Rule = new ExpertGradeRule { Grades = TestPacks.Grades } }),
            "qualitative-from-ledger" => WithIndicator(gradeAt, indicators[gradeAt] with { Source = new LedgerSource(LedgerRollupKeys.ProjectsTotal) }),
            "grade-bands-out-of-order" => rules with { GradeBands = [.. rules.GradeBands.Reverse()] },
            "grade-bands-without-floor" => rules with { GradeBands = [.. rules.GradeBands.Take(3)], Consequences = rules.Consequences with { FailingGrades = ["pass"], SupportGrades = ["excellent", "good"] } },
            "unknown-failing-grade" => rules with { Consequences = rules.Consequences with { FailingGrades = ["bad"] } },
            "unknown-unfiled-grade" => rules with { Consequences = rules.Consequences with { UnfiledGrade = "absent" } },
            "failing-grade-supported" => rules with { Consequences = rules.Consequences with { SupportGrades = ["excellent", "good", "pass", "fail"] } },
            "no-failure-policy" => rules with { Consequences = rules.Consequences with { OnFailure = null } },
            "evaluation-every-year" => rules with { Eligibility = rules.Eligibility with { EvaluationEveryYears = 1 } },
            "no-filing-period" => rules with { FilingMonths = 0 },
            "zero-rectification" => rules with { Consequences = rules.Consequences with { OnFailure = new RectificationThenRecheck { RectificationYears = 0 } } },
            _ => throw new ArgumentOutOfRangeException(nameof(breakage), breakage, null),
        };
    }

    [Fact]
    public void A_pack_without_assessment_rules_loads_but_does_not_validate()
    {
        var pack = TestPacks.Parse("""{ "code": "bare", "version": 1, "name": { "zh": "空", "en": "Bare" } }""");

        Assert.Empty(pack.Assessment.IndicatorSystem.Indicators);
        Assert.Contains(pack.Assessment.Validate(), e => e.Code == "policy.assessment.required");
    }
}
