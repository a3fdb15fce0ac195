using InnoCenter.Domain.Funds;

namespace InnoCenter.Web.Features.Funds;

/// <param name="Pending">"tranches": grants with a tranche awaiting release; "changes": with an adjustment or extension awaiting a decision.</param>
public sealed record GrantFilter(Guid? CenterId = null, string? Status = null, int? Year = null, int? Page = null, int? PageSize = null, string? Pending = null);

public sealed record GrantRow(
    Guid Id, Guid CenterId, string CenterName, string Title, string DocumentNumber, string Source, string SourceLabel,
    string Form, string FormLabel, DateOnly PeriodFrom, DateOnly PeriodTo, string Status, string StatusLabel, decimal Amount);

public sealed record ShareDto(string Source, string SourceLabel, decimal Amount);

public sealed record LineDto(Guid Id, string Category, string CategoryLabel, decimal Amount, decimal Spent, decimal Left, decimal? ExecutionPercent, IReadOnlyList<ShareDto> Shares);

public sealed record TargetDto(string Indicator, string IndicatorLabel, decimal TargetValue);

public sealed record EventDto(string? From, string To, string ToLabel, string? Reason, Guid By, DateTimeOffset At);

public sealed record ChangeDto(
    Guid Id, string Kind, string KindLabel, string Status, string StatusLabel, Guid? FromLineId, Guid? ToLineId, decimal? Amount,
    DateOnly? OldPeriodTo, DateOnly? NewPeriodTo, string Reason, Guid RequestedBy, DateTimeOffset RequestedAt, Guid? DecidedBy, string? DecisionReason);

public sealed record TrancheDto(
    Guid Id, int Sequence, decimal Amount, DateOnly PlannedOn, bool IsFinal, string Status, string StatusLabel, DateOnly? ReleasedOn,
    Guid PlannedBy, int Version, IReadOnlyList<string> Holds);

public sealed record ReceiptDto(Guid Id, string Source, string SourceLabel, decimal Amount, DateOnly ReceivedOn, Guid? TrancheId, string? Note, Guid? EvidenceFileId);

public sealed record ClawbackDto(Guid Id, decimal Amount, string Reason, DateTimeOffset RecordedAt, DateOnly? SettledOn, int Version);

public sealed record SourceFigure(string Source, string SourceLabel, decimal Planned, decimal Received, decimal? ArrivedPercent);

/// <summary>A grant's figures, every sum taken by the database over the fen columns.</summary>
public sealed record GrantFigures(
    decimal Budget, decimal Received, decimal Spent, decimal ClawedBack, decimal Balance, decimal? ExecutionPercent,
    decimal? MatchingPercent, decimal? FiscalArrivedPercent, int RemainingDays, IReadOnlyList<SourceFigure> Sources);

public sealed record GrantDto(
    Guid Id, Guid CenterId, string CenterName, string Title, string DocumentNumber, string Source, string SourceLabel, string Form,
    string FormLabel, DateOnly PeriodFrom, DateOnly PeriodTo, string Status, string StatusLabel, decimal Amount, string PolicyCode,
    int PolicyVersion, Guid DraftedBy, Guid? ApprovedBy, int Version, bool HasAcceptanceEvidence, DateTimeOffset? PublishedAt,
    IReadOnlyList<LineDto> Lines, IReadOnlyList<TargetDto> Targets, IReadOnlyList<EventDto> History, IReadOnlyList<ChangeDto> Changes,
    IReadOnlyList<TrancheDto> Tranches, IReadOnlyList<ReceiptDto> Receipts, IReadOnlyList<ClawbackDto> Clawbacks,
    GrantFigures Figures, IReadOnlyList<FundWarning> Warnings);

/// <summary>A transition's body: the version the client saw and, where the step needs one, the reason.</summary>
public sealed record GrantStepRequest(int? Version, string? Reason);

public sealed record AdjustmentRequest(Guid? FromLineId, Guid? ToLineId, decimal? Amount, string? Reason, int? Version);

public sealed record ExtensionRequest(DateOnly? PeriodTo, string? Reason, int? Version);

public sealed record ChangeDecisionRequest(bool Approve, string? Reason, int? Version);

public sealed record TrancheRequest(decimal? Amount, DateOnly? PlannedOn, bool IsFinal);

public sealed record TrancheReleaseRequest(DateOnly? ReleasedOn, int? Version);

public sealed record ClawbackRequest(decimal? Amount, string? Reason);

public sealed record ReversalRequest(string? Reason);

public sealed record ExpenditureFilter(Guid? GrantId = null, string? Category = null, DateOnly? From = null, DateOnly? To = null, int? Page = null, int? PageSize = null);

public sealed record ExpenditureDto(
    Guid Id, Guid GrantId, Guid LineId, string Category, string CategoryLabel, DateOnly SpentOn, string Payee, string? Purpose, decimal Amount,
    Guid? ReversesId, bool Reversed, string? Reason, DateTimeOffset RecordedAt, IReadOnlyList<VoucherDto> Vouchers);

public sealed record VoucherDto(Guid FileId, string Name, string Kind, long Size);

/// <summary>One warning of the set-based board: what, on which grant (and line or source), and the figure behind it.</summary>
public sealed record FundWarning(Guid GrantId, string GrantTitle, Guid CenterId, string CenterName, string Kind, string Message, string? Subject, decimal? Figure);

public sealed record GrantCreated(Guid Id, int Version);

/// <summary>A published allocation as the public sees it (资金安排公开): nothing else of the module is public.</summary>
public sealed record PublicGrant(
    Guid Id, string CenterName, string Title, string DocumentNumber, string SourceLabel, string FormLabel, decimal Amount, int Year,
    DateOnly PeriodFrom, DateOnly PeriodTo, string? AcceptanceResult, DateTimeOffset PublishedAt);
