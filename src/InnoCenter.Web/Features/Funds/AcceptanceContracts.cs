namespace InnoCenter.Web.Features.Funds;

/// <summary>A grant's performance self-evaluation (绩效自评) and acceptance verdict (验收结论), and what the user may do with it.</summary>
public sealed record EvaluationDto(
    Guid GrantId, string Title, string CenterName, string Status, string StatusLabel, int Version, DateTimeOffset? RequestedAt,
    DateTimeOffset? SubmittedAt, string? Verdict, string? VerdictLabel, DateTimeOffset? VerdictAt, bool MayRequest, bool MayReport,
    bool MayDecide, IReadOnlyList<EvaluationTargetDto> Targets, IReadOnlyList<VerdictOption> Verdicts);

public sealed record EvaluationTargetDto(
    Guid Id, string Indicator, string IndicatorLabel, decimal TargetValue, decimal? ActualValue, string? Comment, string? Verdict,
    string? VerdictLabel, IReadOnlyList<VoucherDto> Evidence);

public sealed record VerdictOption(string Code, string Label);

public sealed record TargetVerdict(Guid TargetId, string? Verdict);

/// <summary>The Admin's verdict: one per target and one for the grant, with the reason, on the version read.</summary>
public sealed record VerdictRequest(string? Verdict, string? Reason, IReadOnlyList<TargetVerdict>? Targets, int? Version);
