using System.Text.Json;
using System.Text.Json.Serialization;
using InnoCenter.Domain.Assessment;
using InnoCenter.Domain.Common;

namespace InnoCenter.Domain.Policy;

/// <summary>
/// The checks behind <see cref="AssessmentRules.Validate"/>. Error fields are JSON paths inside the pack, so an Admin
/// sees where the pack is wrong; codes are <c>policy.assessment.*</c>.
/// </summary>
internal static class AssessmentRulesValidator
{
    private const string Root = "assessment";

    public static IReadOnlyList<Error> Validate(AssessmentRules rules)
    {
        var errors = new List<Error>();
        ValidateIndicatorSystem(rules.IndicatorSystem, errors);
        ValidateGradeBands(rules.GradeBands, errors);
        ValidateConsequences(rules, errors);
        ValidateEligibility(rules.Eligibility, errors);
        if (rules.ScoreDecimals is < 0 or > 4)
        {
            errors.Add(new Error("policy.assessment.out_of_range", $"{Root}.scoreDecimals", 0, 4));
        }

        if (rules.FilingMonths is < 1 or > 12)
        {
            errors.Add(new Error("policy.assessment.out_of_range", $"{Root}.filingMonths", 1, 12));
        }

        return errors;
    }

    private static void ValidateIndicatorSystem(IndicatorSystem system, List<Error> errors)
    {
        const string dims = Root + ".indicatorSystem.dimensions";
        const string inds = Root + ".indicatorSystem.indicators";

        if (system.Dimensions.Count == 0)
        {
            errors.Add(new Error("policy.assessment.required", dims));
            return;
        }

        for (var i = 0; i < system.Dimensions.Count; i++)
        {
            var d = system.Dimensions[i];
            var at = $"{dims}[{i}]";
            RequireNames(d.Code, d.Zh, d.En, at, errors);
            if (d.Points <= 0)
            {
                errors.Add(new Error("policy.assessment.not_positive", $"{at}.points", d.Points));
            }
        }

        Duplicates(system.Dimensions.Select(d => d.Code), dims, errors);

        var sum = system.Dimensions.Sum(d => d.Points);
        if (sum != 100m)
        {
            errors.Add(new Error("policy.assessment.points_not_100", dims, sum));
        }

        var dimensionCodes = system.Dimensions.Select(d => d.Code).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < system.Indicators.Count; i++)
        {
            ValidateIndicator(system.Indicators[i], $"{inds}[{i}]", dimensionCodes, errors);
        }

        Duplicates(system.Indicators.Select(x => x.Code), inds, errors);

        for (var i = 0; i < system.Dimensions.Count; i++)
        {
            var code = system.Dimensions[i].Code;
            if (!system.Indicators.Any(x => x.Dimension == code))
            {
                errors.Add(new Error("policy.assessment.dimension_empty", $"{dims}[{i}]", code));
            }
        }
    }

    private static void ValidateIndicator(Indicator indicator, string at, HashSet<string> dimensions, List<Error> errors)
    {
        RequireNames(indicator.Code, indicator.Zh, indicator.En, at, errors);
        if (!dimensions.Contains(indicator.Dimension))
        {
            errors.Add(new Error("policy.assessment.unknown_dimension", $"{at}.dimension", indicator.Dimension));
        }

        if (indicator.Weight <= 0)
        {
            errors.Add(new Error("policy.assessment.not_positive", $"{at}.weight", indicator.Weight));
        }

        var qualitative = indicator.Kind == IndicatorKind.Qualitative;
        if (qualitative != indicator.Rule is ExpertGradeRule)
        {
            errors.Add(new Error("policy.assessment.kind_rule_mismatch", $"{at}.rule", indicator.Code));
        }

        if (qualitative && indicator.Source is not ManualSource)
        {
            errors.Add(new Error("policy.assessment.qualitative_source", $"{at}.source", indicator.Code));
        }

        ValidateSource(indicator.Source, $"{at}.source", errors);
        ValidateRule(indicator.Rule, $"{at}.rule", errors);
    }

    private static void ValidateSource(IndicatorSource source, string at, List<Error> errors)
    {
        foreach (var key in source.Keys)
        {
            if (!LedgerRollupKeys.All.Contains(key))
            {
                errors.Add(new Error("policy.assessment.unknown_ledger_key", at, key));
            }
        }

        switch (source)
        {
            case RatioSource ratio when ratio.Scale <= 0:
                errors.Add(new Error("policy.assessment.not_positive", $"{at}.ratio.scale", ratio.Scale));
                break;
            case WeightedSource weighted when weighted.Weights.Count == 0:
                errors.Add(new Error("policy.assessment.required", $"{at}.weighted"));
                break;
            case WeightedSource weighted:
                foreach (var (key, weight) in weighted.Weights.Where(w => w.Value <= 0))
                {
                    errors.Add(new Error("policy.assessment.not_positive", $"{at}.weighted.{key}", weight));
                }

                break;
        }
    }

    private static void ValidateRule(ScoringRule rule, string at, List<Error> errors)
    {
        switch (rule)
        {
            case LinearRule linear when linear.ZeroAt == linear.FullAt:
                errors.Add(new Error("policy.assessment.linear_flat", at, linear.ZeroAt));
                break;
            case BandsRule bands:
                if (bands.Bands.Count == 0)
                {
                    errors.Add(new Error("policy.assessment.required", $"{at}.bands"));
                    break;
                }

                for (var i = 1; i < bands.Bands.Count; i++)
                {
                    if (bands.Bands[i].Min >= bands.Bands[i - 1].Min)
                    {
                        errors.Add(new Error("policy.assessment.not_descending", $"{at}.bands[{i}].min", bands.Bands[i].Min));
                    }
                }

                Fractions(bands.Bands.Select(b => b.Fraction), $"{at}.bands", errors);
                break;
            case PerUnitRule perUnit:
                if (perUnit.PointsPerUnit <= 0)
                {
                    errors.Add(new Error("policy.assessment.not_positive", $"{at}.pointsPerUnit", perUnit.PointsPerUnit));
                }

                if (perUnit.Cap <= 0)
                {
                    errors.Add(new Error("policy.assessment.not_positive", $"{at}.cap", perUnit.Cap));
                }

                break;
            case ExpertGradeRule grades:
                if (grades.Grades.Count == 0)
                {
                    errors.Add(new Error("policy.assessment.required", $"{at}.grades"));
                    break;
                }

                for (var i = 0; i < grades.Grades.Count; i++)
                {
                    var g = grades.Grades[i];
                    RequireNames(g.Code, g.Zh, g.En, $"{at}.grades[{i}]", errors);
                }

                Duplicates(grades.Grades.Select(g => g.Code), $"{at}.grades", errors);
                Fractions(grades.Grades.Select(g => g.Fraction), $"{at}.grades", errors);
                break;
        }
    }

    /// <summary>Every fraction within 0–1, and full marks reachable (one of them is 1).</summary>
    private static void Fractions(IEnumerable<decimal> fractions, string at, List<Error> errors)
    {
        var list = fractions.ToList();
        foreach (var f in list.Where(f => f is < 0 or > 1))
        {
            errors.Add(new Error("policy.assessment.fraction_out_of_range", at, f));
        }

        if (!list.Contains(1m))
        {
            errors.Add(new Error("policy.assessment.no_full_marks", at));
        }
    }

    private static void ValidateGradeBands(IReadOnlyList<GradeBand> bands, List<Error> errors)
    {
        const string at = Root + ".gradeBands";
        if (bands.Count == 0)
        {
            errors.Add(new Error("policy.assessment.required", at));
            return;
        }

        for (var i = 0; i < bands.Count; i++)
        {
            RequireNames(bands[i].Code, bands[i].Zh, bands[i].En, $"{at}[{i}]", errors);
            if (i > 0 && bands[i].Min >= bands[i - 1].Min)
            {
                errors.Add(new Error("policy.assessment.not_descending", $"{at}[{i}].min", bands[i].Min));
            }
        }

        Duplicates(bands.Select(b => b.Code), at, errors);

        if (bands[0].Min > 100)
        {
            errors.Add(new Error("policy.assessment.out_of_range", $"{at}[0].min", 0, 100));
        }

        if (bands.Min(b => b.Min) > 0)
        {
            errors.Add(new Error("policy.assessment.grade_bands_floor", at));
        }
    }

    private static void ValidateConsequences(AssessmentRules rules, List<Error> errors)
    {
        const string at = Root + ".consequences";
        var c = rules.Consequences;
        var grades = rules.GradeBands.Select(b => b.Code).ToHashSet(StringComparer.Ordinal);

        if (c.FailingGrades.Count == 0)
        {
            errors.Add(new Error("policy.assessment.required", $"{at}.failingGrades"));
        }

        GradesExist(c.FailingGrades, grades, $"{at}.failingGrades", errors);
        GradesExist(c.RewardGrades, grades, $"{at}.rewardGrades", errors);
        GradesExist(c.SupportGrades, grades, $"{at}.supportGrades", errors);
        GradesExist(c.UnfiledGrade is { } unfiled ? [unfiled] : [], grades, $"{at}.unfiledGrade", errors);

        foreach (var g in c.FailingGrades.Intersect(c.SupportGrades.Concat(c.RewardGrades)))
        {
            errors.Add(new Error("policy.assessment.failing_grade_rewarded", at, g));
        }

        switch (c.OnFailure)
        {
            case null:
                errors.Add(new Error("policy.assessment.required", $"{at}.onFailure"));
                break;
            case RevokeAfterConsecutiveFailures consecutive when consecutive.ConsecutiveFailures < 1:
                errors.Add(new Error("policy.assessment.not_positive", $"{at}.onFailure.consecutiveFailures", consecutive.ConsecutiveFailures));
                break;
            case RectificationThenRecheck rectification when rectification.RectificationYears < 1:
                errors.Add(new Error("policy.assessment.not_positive", $"{at}.onFailure.rectificationYears", rectification.RectificationYears));
                break;
        }
    }

    private static void ValidateEligibility(EligibilityRules eligibility, List<Error> errors)
    {
        const string at = Root + ".eligibility";
        if (eligibility.MinimumYearsRecognised < 0)
        {
            errors.Add(new Error("policy.assessment.out_of_range", $"{at}.minimumYearsRecognised", 0, 100));
        }

        // A period of 1 would make every year an evaluation year, so no annual assessment would ever run.
        if (eligibility.EvaluationEveryYears is < 2)
        {
            errors.Add(new Error("policy.assessment.out_of_range", $"{at}.evaluationEveryYears", 2, 100));
        }
    }

    private static void GradesExist(IEnumerable<string> codes, HashSet<string> grades, string at, List<Error> errors)
    {
        foreach (var code in codes.Where(c => !grades.Contains(c)))
        {
            errors.Add(new Error("policy.assessment.unknown_grade", at, code));
        }
    }

    private static void RequireNames(string code, string zh, string en, string at, List<Error> errors)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            errors.Add(new Error("policy.assessment.required", $"{at}.code"));
        }

        if (string.IsNullOrWhiteSpace(zh))
        {
            errors.Add(new Error("policy.assessment.required", $"{at}.zh"));
        }

        if (string.IsNullOrWhiteSpace(en))
        {
            errors.Add(new Error("policy.assessment.required", $"{at}.en"));
        }
    }

    private static void Duplicates(IEnumerable<string> codes, string at, List<Error> errors)
    {
        foreach (var code in codes.GroupBy(c => c, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            errors.Add(new Error("policy.assessment.duplicate_code", at, code));
        }
    }
}
