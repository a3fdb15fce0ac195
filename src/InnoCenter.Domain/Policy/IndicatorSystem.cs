using System.Text.Json;
using System.Text.Json.Serialization;
using InnoCenter.Domain.Assessment;
using InnoCenter.Domain.Common;

namespace InnoCenter.Domain.Policy;

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
