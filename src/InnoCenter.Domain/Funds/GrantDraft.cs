namespace InnoCenter.Domain.Funds;

/// <summary>What an Admin drafts: the decision to support one center (支持项目/资金安排).</summary>
public sealed record GrantDraft(
    Guid? CenterId,
    string? Title,
    string? DocumentNumber,
    string? Source,
    string? Form,
    DateOnly? PeriodFrom,
    DateOnly? PeriodTo,
    IReadOnlyList<LineDraft>? Lines,
    IReadOnlyList<TargetDraft>? Targets);

public sealed record LineDraft(string? Category, IReadOnlyList<ShareDraft>? Shares);

public sealed record ShareDraft(string? Source, decimal? Amount);

public sealed record TargetDraft(string? Indicator, decimal? Value);
