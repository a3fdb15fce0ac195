using System.Text.Json;
using System.Text.Json.Serialization;
using InnoCenter.Domain.Assessment;
using InnoCenter.Domain.Common;

namespace InnoCenter.Domain.Policy;

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
