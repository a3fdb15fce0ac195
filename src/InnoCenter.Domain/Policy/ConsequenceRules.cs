using System.Text.Json;
using System.Text.Json.Serialization;
using InnoCenter.Domain.Assessment;
using InnoCenter.Domain.Common;

namespace InnoCenter.Domain.Policy;

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

    /// <summary>
    /// 未按期报送: the grade of a center whose report is still unsubmitted (a draft, or returned and not filed again) when
    /// the cycle is scored after its deadline; scored at 0 points with no indicator read. Null: the plan leaves it open, and
    /// the cycle cannot be scored until every report is accepted (the Admin moves the deadline with a reason instead).
    /// </summary>
    public string? UnfiledGrade { get; init; }

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
