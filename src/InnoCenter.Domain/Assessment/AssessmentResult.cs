using System.Text.Json;
using InnoCenter.Domain.Common;
using InnoCenter.Domain.Policy;

namespace InnoCenter.Domain.Assessment;

/// <summary>One indicator's line on a scorecard, as stored with the result.</summary>
public sealed record ResultLine(
    string Indicator,
    string Dimension,
    IndicatorScoreStatus Status,
    decimal? Value,
    decimal? Numerator,
    decimal? Denominator,
    string? Grade,
    decimal MaxPoints,
    decimal Points);

/// <summary>One dimension's line on a scorecard.</summary>
public sealed record ResultDimension(string Dimension, decimal MaxPoints, decimal Points);

/// <summary>The stored breakdown of a result: dimensions and indicators in pack order.</summary>
public sealed record ResultDetail(IReadOnlyList<ResultDimension> Dimensions, IReadOnlyList<ResultLine> Lines);

/// <summary>
/// 考核结果 of a center in a cycle: total, grade and the breakdown the scorecard shows. Scoring the cycle again replaces
/// it; publishing makes it final and visible to the center.
/// </summary>
public sealed class AssessmentResult : IAudited
{
    private ResultDetail? _detail;

    private AssessmentResult()
    {
    }

    public Guid Id { get; private set; }

    public Guid CycleId { get; private set; }

    public Guid CenterId { get; private set; }

    public Guid ReportId { get; private set; }

    public int Year { get; private set; }

    public decimal Total { get; private set; }

    /// <summary>The grade band's code (excellent, good, pass, fail in the shipped packs).</summary>
    public string Grade { get; private set; } = string.Empty;

    /// <summary>Every indicator has its value or grade; only then may the cycle be published.</summary>
    public bool IsComplete { get; private set; }

    /// <summary>未按期报送: no report was filed by the deadline; the grade is the pack's rule for that, with no indicator read.</summary>
    public bool Unfiled { get; private set; }

    public string DetailJson { get; private set; } = "{}";

    public DateTimeOffset ScoredAt { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public bool IsPublished => PublishedAt is not null;

    public ResultDetail Detail => _detail ??= JsonSerializer.Deserialize<ResultDetail>(DetailJson, AssessmentCycle.Json) ?? new ResultDetail([], []);

    public static AssessmentResult From(Guid cycleId, Guid reportId, int year, CenterScore score, DateTimeOffset now)
    {
        var detail = new ResultDetail(
            score.Dimensions.Select(d => new ResultDimension(d.Dimension, d.MaxPoints, d.Points)).ToList(),
            score.Indicators.Select(i => new ResultLine(i.Indicator, i.Dimension, i.Status, i.Value, i.Numerator, i.Denominator, i.Grade, i.MaxPoints, i.Points)).ToList());
        return new AssessmentResult
        {
            Id = Guid.CreateVersion7(),
            CycleId = cycleId,
            CenterId = score.CenterId,
            ReportId = reportId,
            Year = year,
            Total = score.Total,
            Grade = score.Grade.Code,
            IsComplete = score.IsComplete,
            DetailJson = JsonSerializer.Serialize(detail, AssessmentCycle.Json),
            ScoredAt = now,
        };
    }

    /// <summary>The result of a center that filed nothing by the deadline: the pack's grade for it, 0 points, no breakdown.</summary>
    public static AssessmentResult ForUnfiled(Guid cycleId, Guid reportId, int year, Guid centerId, GradeBand grade, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        CycleId = cycleId,
        CenterId = centerId,
        ReportId = reportId,
        Year = year,
        Total = 0m,
        Grade = grade.Code,
        IsComplete = true,
        Unfiled = true,
        DetailJson = JsonSerializer.Serialize(new ResultDetail([], []), AssessmentCycle.Json),
        ScoredAt = now,
    };

    public void Publish(DateTimeOffset now) => PublishedAt ??= now;
}

/// <summary>
/// 考核结果运用: the consequence of a published result, recorded as a decision — what happened (reward, revocation,
/// rectification and its re-check year, re-check passed or failed, or nothing), the standing afterwards, whether the
/// center stays eligible for continued support, and whether the loss of the title is announced publicly.
/// </summary>
public sealed class AssessmentDecision : IAudited
{
    private AssessmentDecision()
    {
    }

    public Guid Id { get; private set; }

    public Guid CycleId { get; private set; }

    public Guid CenterId { get; private set; }

    public int Year { get; private set; }

    public string Grade { get; private set; } = string.Empty;

    public ConsequenceKind Kind { get; private set; }

    public AssessmentStanding StandingAfter { get; private set; }

    /// <summary>继续支持: the result keeps the center eligible for further support.</summary>
    public bool ContinuedSupport { get; private set; }

    public bool PublicNotice { get; private set; }

    /// <summary>The year whose result is the re-check, when this decision opened a rectification.</summary>
    public int? RecheckYear { get; private set; }

    /// <summary>Failing results in a row, this one included (0 when it passed).</summary>
    public int ConsecutiveFailures { get; private set; }

    public string PolicyCode { get; private set; } = string.Empty;

    public int PolicyVersion { get; private set; }

    public DateTimeOffset DecidedAt { get; private set; }

    public Guid? DecidedBy { get; private set; }

    /// <summary>Whether the decision takes the title away.</summary>
    public bool RemovesTitle => Kind is ConsequenceKind.Revoke or ConsequenceKind.RecheckFailedRemove;

    public static AssessmentDecision Record(AssessmentCycle cycle, Guid centerId, string grade, Consequence c, Guid? by, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        CycleId = cycle.Id,
        CenterId = centerId,
        Year = cycle.Year,
        Grade = grade,
        Kind = c.Kind,
        StandingAfter = c.Standing,
        ContinuedSupport = c.ContinuedSupport,
        PublicNotice = c.PublicNotice,
        RecheckYear = c.RecheckYear,
        ConsecutiveFailures = c.ConsecutiveFailures,
        PolicyCode = cycle.PolicyCode,
        PolicyVersion = cycle.PolicyVersion,
        DecidedAt = now,
        DecidedBy = by,
    };
}
