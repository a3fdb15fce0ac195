using System.Text.Json;
using InnoCenter.Domain.Assessment;
using InnoCenter.Domain.Policy;

namespace InnoCenter.Domain.Tests.Assessment;

/// <summary>The repository's pack files, read the way the web app's PolicyProvider reads them, and small hand-made rules.</summary>
public static class TestPacks
{
    /// <summary>The options of <c>PolicyProvider.JsonOptions</c> in the web project (which the domain tests do not reference).</summary>
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static PolicyPack Parse(string json) =>
        JsonSerializer.Deserialize<PolicyPack>(json, JsonOptions) ?? throw new InvalidOperationException("Empty pack.");

    public static string PackPath(string fileName)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "policies", fileName);
            if (File.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "InnoCenter.slnx")))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"policies/{fileName} not found above {AppContext.BaseDirectory}.");
    }

    public static PolicyPack Load(string fileName) => Parse(File.ReadAllText(PackPath(fileName)));

    public static PolicyPack Tianjin => Load("tianjin-2020.json");

    public static PolicyPack National => Load("national-2018.json");

    public static readonly IReadOnlyList<GradeBand> DefaultBands =
    [
        new() { Code = "excellent", Zh = "优秀", En = "Excellent", Min = 90 },
        new() { Code = "good", Zh = "良好", En = "Good", Min = 80 },
        new() { Code = "pass", Zh = "合格", En = "Pass", Min = 60 },
        new() { Code = "fail", Zh = "不合格", En = "Fail", Min = 0 },
    ];

    public static readonly IReadOnlyList<ExpertGrade> Grades =
    [
        new("A", "好", "Strong", 1m),
        new("B", "较好", "Good", 0.75m),
        new("C", "一般", "Fair", 0.5m),
        new("D", "较差", "Weak", 0m),
    ];

    public static ConsequenceRules Consecutive(int failures = 2, bool gapsBreak = false) => new()
    {
        FailingGrades = ["fail"],
        RewardGrades = ["excellent"],
        SupportGrades = ["excellent", "good", "pass"],
        OnFailure = new RevokeAfterConsecutiveFailures { ConsecutiveFailures = failures, SkippedYearsBreakChain = gapsBreak, PublicNotice = true },
    };

    public static ConsequenceRules Rectification(int years = 1) => new()
    {
        FailingGrades = ["fail"],
        RewardGrades = ["excellent"],
        SupportGrades = ["excellent", "good", "pass"],
        OnFailure = new RectificationThenRecheck { RectificationYears = years, RecheckOnSite = true, PublicNotice = true },
    };

    public static Indicator Manual(string code, string dimension, decimal weight, ScoringRule rule) => new()
    {
        Code = code,
        Dimension = dimension,
        Zh = code,
        En = code,
        Kind = rule is ExpertGradeRule ? IndicatorKind.Qualitative : IndicatorKind.Quantitative,
        Source = ManualSource.Instance,
        Weight = weight,
        Rule = rule,
    };

    /// <summary>One dimension of 100 points holding the given indicators; default bands and the consecutive-failure rule.</summary>
    public static AssessmentRules OneDimension(params Indicator[] indicators) => new()
    {
        IndicatorSystem = new IndicatorSystem
        {
            Dimensions = [new IndicatorDimension { Code = "all", Zh = "全部", En = "All", Points = 100 }],
            Indicators = indicators,
        },
        GradeBands = DefaultBands,
        Consequences = Consecutive(),
    };

    /// <summary>A single manual indicator worth 100 points, scored 0 → 100 linearly, so its value is the total.</summary>
    public static AssessmentRules ValueIsTotal() =>
        OneDimension(Manual("x", "all", 1, new LinearRule { ZeroAt = 0, FullAt = 100 }));

    public static CenterInputs Manual(Guid id, params (string Code, decimal Value)[] values) =>
        new(id) { ManualValues = values.ToDictionary(v => v.Code, v => v.Value) };
}
