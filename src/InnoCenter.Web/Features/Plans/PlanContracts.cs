namespace InnoCenter.Web.Features.Plans;

/// <summary>An indicator of a plan as shown: the ledger figure it names and that figure's label, or none for a free indicator.</summary>
public sealed record PlanIndicatorDto(string Name, string Unit, string? Figure, string? FigureLabel, decimal? Year1, decimal? Year2, decimal? Year3);

/// <summary>One revision of a center's plan (0 is the approved application's plan, which has no reason or decision).</summary>
public sealed record PlanRevisionDto(
    Guid? Id, int Number, string Status, string StatusLabel, int EffectiveFromYear, string? Reason, DateTimeOffset? ProposedAt,
    DateTimeOffset? DecidedAt, string? DecisionNote, IReadOnlyList<PlanIndicatorDto> Indicators, int Version);

/// <summary>A center's construction plan: the application's, every revision newest first, and what the caller may do.</summary>
public sealed record PlanDto(
    Guid CenterId, string CenterName, int FirstYear, int LastYear, IReadOnlyList<PlanRevisionDto> Revisions, bool CanPropose, bool CanDecide,
    bool HasOpenProposal);

/// <summary>A planned indicator against its actual in a year.</summary>
public sealed record PlanLineDto(
    string Name, string Unit, string? Figure, string? FigureLabel, decimal Target, decimal? Actual, decimal? CompletionPercent, bool BehindSchedule,
    string? Evidence, int? ActualVersion, Guid? EvidenceFileId = null, string? EvidenceFileName = null);

/// <summary>Plan against actuals for a center and year, under the revision in force that year.</summary>
public sealed record PlanProgressDto(
    Guid CenterId, string CenterName, int Year, int FirstYear, int LastYear, int RevisionNumber, IReadOnlyList<PlanLineDto> Lines, decimal? Completion,
    int BehindCount, bool RulesConfigured, bool CanReport);

/// <summary>A center behind its plan in a year: the warning a board lists.</summary>
public sealed record PlanWarningDto(Guid CenterId, string CenterName, int Year, int BehindCount, decimal? Completion, IReadOnlyList<string> Indicators);

/// <summary>The center proposes new targets, from a year, with a reason.</summary>
public sealed record ProposeRevisionRequest
{
    public int? EffectiveFromYear { get; init; }

    public string? Reason { get; init; }

    public IReadOnlyList<PlanIndicatorRequest> Indicators { get; init; } = [];
}

/// <param name="Figure">A key of LedgerRollupKeys, or empty for a free indicator.</param>
public sealed record PlanIndicatorRequest(string? Name, string? Unit, string? Figure, decimal? Year1, decimal? Year2, decimal? Year3);

/// <summary>An Admin's decision on a proposed revision; a rejection needs the reason.</summary>
public sealed record RevisionDecisionRequest(string? Reason, int? Version);

/// <summary>The center reports a free indicator's actual for a year, with its evidence.</summary>
public sealed record ReportActualRequest(int? Year, string? Indicator, decimal? Value, string? Evidence, int? Version);

/// <summary>A proposed revision waiting for an Admin's decision.</summary>
public sealed record PendingRevisionDto(Guid Id, Guid CenterId, string CenterName, int Number, int EffectiveFromYear, string Reason, DateTimeOffset ProposedAt);
