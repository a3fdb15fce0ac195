using InnoCenter.Web.Features.Reviews;
using InnoCenter.Web.Infrastructure.Files;

namespace InnoCenter.Web.Features.Assessment;

/// <summary>Opens the cycle of a year. Without a pack named, the pack in force; a named pack must be stored (the newest version unless one is given).</summary>
public sealed record OpenCycleRequest
{
    public int? Year { get; init; }

    public DateOnly? Deadline { get; init; }

    public string? PolicyCode { get; init; }

    public int? PolicyVersion { get; init; }
}

public sealed record ReportCounts(int Total, int Due, int Overdue, int Submitted, int Returned, int Accepted);

public sealed record ExclusionDto(Guid CenterId, string CenterName, string Outcome, string OutcomeLabel);

public sealed record CycleDto(
    Guid Id,
    int Year,
    string PolicyCode,
    int PolicyVersion,
    DateOnly StartsOn,
    DateOnly Deadline,
    bool DeadlinePassed,
    string Status,
    string StatusLabel,
    DateTimeOffset OpenedAt,
    DateTimeOffset? ScoredAt,
    DateTimeOffset? PublishedAt,
    ReportCounts Reports,
    IReadOnlyList<ExclusionDto> Excluded,
    int Version,
    IReadOnlyList<DeadlineChangeDto> DeadlineChanges);

/// <summary>One move of a cycle's deadline, as the Admin's cycle page lists it.</summary>
public sealed record DeadlineChangeDto(DateOnly From, DateOnly To, string Reason, DateTimeOffset At);

/// <summary>Move a cycle's filing deadline (延期报送): the new last day, why, and the cycle's version as read.</summary>
public sealed record MoveDeadlineRequest
{
    public DateOnly? Deadline { get; init; }

    public string? Reason { get; init; }

    public int? Version { get; init; }
}

/// <summary>A cycle as a center's user sees it in the list: the year, the deadline and their own report.</summary>
public sealed record CycleRow(Guid Id, int Year, DateOnly Deadline, string Status, string StatusLabel, int Reports, Guid? MyReportId, string? MyReportStatusLabel, string? MyCenterName);

/// <summary>How a report stands against the deadline: due (待报送), overdue (逾期), submitted, returned, accepted.</summary>
public static class Filing
{
    public const string Due = "due";
    public const string Overdue = "overdue";
    public const string Submitted = "submitted";
    public const string Returned = "returned";
    public const string Accepted = "accepted";

    public static readonly string[] All = [Due, Overdue, Submitted, Returned, Accepted];
}

public sealed record ReportFilter
{
    public string? State { get; init; }

    public string? Search { get; init; }

    /// <summary>From the query string only: in a Razor page a route value is also called "page" and would win.</summary>
    [Microsoft.AspNetCore.Mvc.FromQuery(Name = "page")]
    public int? Page { get; init; }

    public int? PageSize { get; init; }
}

public sealed record ReportRow(
    Guid Id, Guid CenterId, string CenterName, string Status, string StatusLabel, string Filing, string FilingLabel,
    DateTimeOffset? SubmittedAt, bool SubmittedLate, bool IsRecheck);

/// <summary>A ledger figure of a report: the ledger's value and the reported one, with the reason and evidence of a correction.</summary>
public sealed record FigureDto(
    string Key, string Label, string Unit, decimal? LedgerValue, decimal? Value, bool Corrected, string? Reason, AttachmentDto? Evidence,
    IReadOnlyList<string> UsedBy, bool Computed = false);

/// <summary>A manual indicator's value; <paramref name="Computed"/> when another module fills it (the center does not type it).</summary>
public sealed record ManualValueDto(string Code, string Label, string Unit, decimal? Value, bool EvidenceRequired, AttachmentDto? Evidence, string Dimension, bool Computed = false);

public sealed record QualitativeDto(string Code, string Label, string Dimension, string? Grade, string? GradeLabel);

public sealed record ReportDto(
    Guid Id,
    Guid CycleId,
    int Year,
    Guid CenterId,
    string CenterName,
    string Status,
    string StatusLabel,
    bool IsRecheck,
    DateOnly Deadline,
    bool Overdue,
    DateTimeOffset? SubmittedAt,
    bool SubmittedLate,
    string? ReturnReason,
    DateTimeOffset LedgerReadAt,
    AttachmentDto? OperationReport,
    IReadOnlyList<FigureDto> Figures,
    IReadOnlyList<ManualValueDto> ManualValues,
    IReadOnlyList<QualitativeDto> Qualitative,
    bool CanEdit,
    bool CanDecide,
    Guid? ReviewSubjectId,
    ReviewStatus? Review,
    bool ResultVisible,
    string PolicyCode,
    int PolicyVersion,
    int Version);

/// <summary>A value change: the number as typed (so "N/A" or a wrong unit is refused by name), the reason for a correction, the evidence file.</summary>
public sealed record ValueRequest
{
    public string? Value { get; init; }

    public string? Reason { get; init; }

    public int? Version { get; init; }
}

public sealed record ReportDecisionRequest
{
    public string? Reason { get; init; }

    public int? Version { get; init; }
}

public sealed record ScoreRunDto(Guid CycleId, int Scored, int Complete, int Incomplete, IReadOnlyList<GradeCount> Grades, int Unfiled = 0);

public sealed record GradeCount(string Grade, string Label, int Count);

public sealed record DecisionDto(
    Guid Id, Guid CenterId, string CenterName, int Year, string Grade, string GradeLabel, string Kind, string KindLabel, string Standing,
    bool ContinuedSupport, bool PublicNotice, int? RecheckYear, int ConsecutiveFailures, DateTimeOffset DecidedAt, string Explanation);

public sealed record PublishDto(Guid CycleId, int Published, IReadOnlyList<DecisionDto> Decisions);
