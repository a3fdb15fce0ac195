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

/// <summary>指标体系: dimensions (考核维度) with points, and indicators (指标) in them.</summary>
public sealed record IndicatorSystem
{
    public IReadOnlyList<IndicatorDimension> Dimensions { get; init; } = [];

    public IReadOnlyList<Indicator> Indicators { get; init; } = [];
}

/// <summary>A dimension (考核维度) of the indicator system and its share of the 100 points.</summary>
public sealed record IndicatorDimension
{
    public required string Code { get; init; }

    public required string Zh { get; init; }

    public required string En { get; init; }

    public required decimal Points { get; init; }

    /// <summary>True when the points are a default the source document does not fix; Admins may change them before a cycle opens.</summary>
    public bool IsDefault { get; init; }

    public string Label(bool english) => english ? En : Zh;
}

public enum IndicatorKind
{
    /// <summary>定量: scored from a value by its rule.</summary>
    Quantitative,

    /// <summary>定性: scored by the expert panel's grade.</summary>
    Qualitative,
}

/// <summary>An indicator (考核指标).</summary>
public sealed record Indicator
{
    public required string Code { get; init; }

    /// <summary>Code of the <see cref="IndicatorDimension"/> it belongs to.</summary>
    public required string Dimension { get; init; }

    public required string Zh { get; init; }

    public required string En { get; init; }

    /// <summary>项, 万元, %, 人次…; none for an expert grade.</summary>
    public LocalizedText? Unit { get; init; }

    [JsonConverter(typeof(CamelCaseEnumConverter<IndicatorKind>))]
    public required IndicatorKind Kind { get; init; }

    public required IndicatorSource Source { get; init; }

    /// <summary>Relative weight inside the dimension (see <see cref="AssessmentRules"/> for how weights compose).</summary>
    public required decimal Weight { get; init; }

    public required ScoringRule Rule { get; init; }

    /// <summary>Whether the center must attach evidence (佐证材料) for the value it reports.</summary>
    public bool EvidenceRequired { get; init; }

    /// <summary>True when the weight and thresholds are defaults the source document does not fix.</summary>
    public bool IsDefault { get; init; }

    public string Label(bool english) => english ? En : Zh;
}

/// <summary>
/// Where an indicator's value comes from. In JSON: <c>"manual"</c> (the center enters it, with evidence),
/// <c>{ "ledger": "key" }</c> (a ledger roll-up figure), <c>{ "ratio": { "numerator": "key", "denominator": "key",
/// "scale": 100 } }</c> (numerator ÷ denominator × scale; scale defaults to 1) or <c>{ "weighted": { "key": 4, … } }</c>
/// (Σ weight × figure). Keys are <see cref="LedgerRollupKeys"/>.
/// </summary>
[JsonConverter(typeof(IndicatorSourceJsonConverter))]
public abstract record IndicatorSource
{
    /// <summary>The roll-up keys it reads.</summary>
    public abstract IEnumerable<string> Keys { get; }
}

public sealed record ManualSource : IndicatorSource
{
    public static readonly ManualSource Instance = new();

    public override IEnumerable<string> Keys => [];
}

public sealed record LedgerSource(string Key) : IndicatorSource
{
    public override IEnumerable<string> Keys => [Key];
}

public sealed record RatioSource(string Numerator, string Denominator, decimal Scale = 1m) : IndicatorSource
{
    public override IEnumerable<string> Keys => [Numerator, Denominator];
}

public sealed record WeightedSource(IReadOnlyDictionary<string, decimal> Weights) : IndicatorSource
{
    public override IEnumerable<string> Keys => Weights.Keys;
}

/// <summary>
/// How a value becomes a fraction 0–1 of the indicator's full marks. JSON carries the shape in <c>"type"</c>, which
/// must be the first property of the rule object.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(LinearRule), "linear")]
[JsonDerivedType(typeof(BandsRule), "bands")]
[JsonDerivedType(typeof(PerUnitRule), "perUnit")]
[JsonDerivedType(typeof(ExpertGradeRule), "expertGrade")]
public abstract record ScoringRule;

/// <summary>
/// 0 at <see cref="ZeroAt"/>, full marks at <see cref="FullAt"/>, linear between and clamped outside. With ZeroAt
/// above FullAt it is a decreasing rule (less is better).
/// </summary>
public sealed record LinearRule : ScoringRule
{
    public required decimal ZeroAt { get; init; }

    public required decimal FullAt { get; init; }
}

/// <summary>
/// Steps: the first band, highest <see cref="ScoreBand.Min"/> first, whose Min the value reaches gives its fraction of
/// full marks; a value below every band scores 0. Bands are fractions, not points, so that they keep their meaning when
/// an Admin changes the indicator's weight.
/// </summary>
public sealed record BandsRule : ScoringRule
{
    public required IReadOnlyList<ScoreBand> Bands { get; init; }
}

public sealed record ScoreBand(decimal Min, decimal Fraction);

/// <summary>
/// Points per unit up to a cap, as provincial tables write them ("1 point per patent, at most 5"): the fraction of full
/// marks is min(value × PointsPerUnit, Cap) ÷ Cap. The shipped packs set Cap to the indicator's default weight so that
/// the numbers read as real points under the default weights.
/// </summary>
public sealed record PerUnitRule : ScoringRule
{
    public required decimal PointsPerUnit { get; init; }

    public required decimal Cap { get; init; }
}

/// <summary>The expert panel grades the indicator; each grade is a fraction of full marks.</summary>
public sealed record ExpertGradeRule : ScoringRule
{
    public required IReadOnlyList<ExpertGrade> Grades { get; init; }

    public ExpertGrade? Find(string? code) => Grades.FirstOrDefault(g => g.Code == code);
}

public sealed record ExpertGrade(string Code, string Zh, string En, decimal Fraction)
{
    public string Label(bool english) => english ? En : Zh;
}

/// <summary>A grade (考核等级) and the lowest total that earns it.</summary>
public sealed record GradeBand
{
    public required string Code { get; init; }

    public required string Zh { get; init; }

    public required string En { get; init; }

    public required decimal Min { get; init; }

    public bool IsDefault { get; init; }

    public string Label(bool english) => english ? En : Zh;
}

/// <summary>What a published result leads to (考核结果运用). Grades are named by their <see cref="GradeBand.Code"/>.</summary>
public sealed record ConsequenceRules
{
    /// <summary>Grades that count as a failing year (不合格).</summary>
    public IReadOnlyList<string> FailingGrades { get; init; } = [];

    /// <summary>Grades flagged for a reward (予以奖励).</summary>
    public IReadOnlyList<string> RewardGrades { get; init; } = [];

    /// <summary>Grades that keep the center eligible for continued support (继续支持).</summary>
    public IReadOnlyList<string> SupportGrades { get; init; } = [];

    public FailurePolicy? OnFailure { get; init; }

    public bool IsFailing(string grade) => FailingGrades.Contains(grade);
}

/// <summary>What failing leads to.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(RevokeAfterConsecutiveFailures), "revokeAfterConsecutive")]
[JsonDerivedType(typeof(RectificationThenRecheck), "rectification")]
public abstract record FailurePolicy
{
    /// <summary>Whether the loss of the title is announced publicly (公告).</summary>
    public bool PublicNotice { get; init; }
}

/// <summary>
/// The title is revoked at the N-th consecutive failing result (Tianjin: 连续两年年度评估不合格者，取消资格).
/// Consecutive means consecutive assessed years: a year in which the center was not assessed neither breaks nor extends
/// the chain unless <see cref="SkippedYearsBreakChain"/> is set.
/// </summary>
public sealed record RevokeAfterConsecutiveFailures : FailurePolicy
{
    public required int ConsecutiveFailures { get; init; }

    public bool SkippedYearsBreakChain { get; init; }
}

/// <summary>
/// A failing result opens a rectification period (整改期) of N years, at whose end experts re-check the center on site
/// (现场检查); failing the re-check removes the title, passing it restores the center to normal standing.
/// </summary>
public sealed record RectificationThenRecheck : FailurePolicy
{
    public required int RectificationYears { get; init; }

    public bool RecheckOnSite { get; init; }
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

/// <summary>Reads and writes an enum as its camel-case name ("quantitative"); reading ignores case.</summary>
public sealed class CamelCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    where TEnum : struct, Enum;

/// <summary>The JSON forms of <see cref="IndicatorSource"/>: a string <c>"manual"</c> or an object with exactly one of ledger, ratio, weighted.</summary>
public sealed class IndicatorSourceJsonConverter : JsonConverter<IndicatorSource>
{
    public override IndicatorSource Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            var text = reader.GetString();
            return string.Equals(text, "manual", StringComparison.OrdinalIgnoreCase)
                ? ManualSource.Instance
                : throw new JsonException($"Unknown indicator source \"{text}\": expected \"manual\" or an object with ledger, ratio or weighted.");
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("An indicator source is \"manual\" or an object with ledger, ratio or weighted.");
        }

        using var document = JsonDocument.ParseValue(ref reader);
        var properties = document.RootElement.EnumerateObject().ToList();
        if (properties.Count != 1)
        {
            throw new JsonException("An indicator source object has exactly one of ledger, ratio or weighted.");
        }

        var property = properties[0];
        return property.Name.ToLowerInvariant() switch
        {
            "ledger" => new LedgerSource(ReadString(property.Value, "ledger")),
            "ratio" => ReadRatio(property.Value),
            "weighted" => ReadWeighted(property.Value),
            "funds" => new FundsSource(ReadString(property.Value, "funds")),
            _ => throw new JsonException($"Unknown indicator source \"{property.Name}\": expected ledger, ratio or weighted."),
        };
    }

    public override void Write(Utf8JsonWriter writer, IndicatorSource value, JsonSerializerOptions options)
    {
        switch (value)
        {
            case ManualSource:
                writer.WriteStringValue("manual");
                return;
            case FundsSource funds:
                funds.Write(writer);
                return;
            case LedgerSource ledger:
                writer.WriteStartObject();
                writer.WriteString("ledger", ledger.Key);
                writer.WriteEndObject();
                return;
            case RatioSource ratio:
                writer.WriteStartObject();
                writer.WriteStartObject("ratio");
                writer.WriteString("numerator", ratio.Numerator);
                writer.WriteString("denominator", ratio.Denominator);
                writer.WriteNumber("scale", ratio.Scale);
                writer.WriteEndObject();
                writer.WriteEndObject();
                return;
            case WeightedSource weighted:
                writer.WriteStartObject();
                writer.WriteStartObject("weighted");
                foreach (var (key, weight) in weighted.Weights)
                {
                    writer.WriteNumber(key, weight);
                }

                writer.WriteEndObject();
                writer.WriteEndObject();
                return;
            default:
                throw new JsonException($"Cannot write indicator source {value.GetType().Name}.");
        }
    }

    private static RatioSource ReadRatio(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("A ratio source is an object with numerator, denominator and an optional scale.");
        }

        string? numerator = null, denominator = null;
        var scale = 1m;
        foreach (var p in element.EnumerateObject())
        {
            switch (p.Name.ToLowerInvariant())
            {
                case "numerator": numerator = ReadString(p.Value, "numerator"); break;
                case "denominator": denominator = ReadString(p.Value, "denominator"); break;
                case "scale": scale = ReadNumber(p.Value, "scale"); break;
                default: throw new JsonException($"Unknown property \"{p.Name}\" in a ratio source.");
            }
        }

        return new RatioSource(
            numerator ?? throw new JsonException("A ratio source needs a numerator."),
            denominator ?? throw new JsonException("A ratio source needs a denominator."),
            scale);
    }

    private static WeightedSource ReadWeighted(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("A weighted source is an object of roll-up key → weight.");
        }

        var weights = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var p in element.EnumerateObject())
        {
            if (!weights.TryAdd(p.Name, ReadNumber(p.Value, p.Name)))
            {
                throw new JsonException($"The key \"{p.Name}\" appears twice in a weighted source.");
            }
        }

        return new WeightedSource(weights);
    }

    private static string ReadString(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.String
            ? element.GetString()!
            : throw new JsonException($"\"{name}\" must be a string.");

    private static decimal ReadNumber(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetDecimal(out var number)
            ? number
            : throw new JsonException($"\"{name}\" must be a number.");
}

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
