using InnoCenter.Domain.Portal;

namespace InnoCenter.Web.Features.Portal;

/// <summary>What a center writes: on create the center too; on edit the case's version it was read at.</summary>
public sealed record CaseRequest(
    Guid? CenterId, string? Title, string? Summary, string? Body, string? Task, IReadOnlyList<string>? Evidence, int? Version);

public sealed record CaseReturnRequest(string? Remarks, int? Version);

public sealed record CaseWithdrawRequest(string? Reason, int? Version);

public sealed record CaseFeatureRequest(bool Featured, int? Version);

public sealed record CaseActionRequest(int? Version);

public sealed record CaseVersionDto(
    Guid Id, int Number, CaseVersionStatus Status, string Title, string Summary, string Body, string BodyHtml, string Task,
    string TaskLabel, IReadOnlyList<string> Evidence, string? Remarks, DateTimeOffset UpdatedAt, DateTimeOffset? SubmittedAt,
    DateTimeOffset? PublishedAt);

/// <summary>A case as its center and the Admins see it, every version included (newest first).</summary>
public sealed record CaseDto(
    Guid Id, Guid CenterId, string CenterName, CaseStatus Status, bool Featured, Guid? PublishedVersionId, string? WithdrawnReason,
    DateTimeOffset CreatedAt, int Version, IReadOnlyList<CaseVersionDto> Versions)
{
    public CaseVersionDto Latest => Versions[0];
}

/// <summary>One row of the staff list of cases.</summary>
public sealed record CaseRow(
    Guid Id, string CenterName, string Title, string TaskLabel, CaseStatus Status, CaseVersionStatus LatestStatus, int LatestNumber,
    bool Featured, DateTimeOffset UpdatedAt);

public sealed record CaseFilter(Guid? CenterId, CaseVersionStatus? Review, int? Page, int? PageSize);

/// <summary>A published case as the public reads it.</summary>
public sealed record PublicCaseDto(
    Guid Id, Guid CenterId, string CenterName, string Title, string Summary, string BodyHtml, string Task, string TaskLabel,
    int VersionNumber, DateTimeOffset PublishedAt, IReadOnlyList<EvidenceGroup> Evidence);

public sealed record EvidenceGroup(string KindLabel, int Count);

public sealed record PublicCaseRow(Guid Id, string Title, string Summary, string Task, string TaskLabel, string CenterName, bool Featured, DateTimeOffset PublishedAt);

public sealed record PublicCaseFilter(string? Task, int? Page, int? PageSize);

public sealed record ImageUploaded(Guid Id, string Url, string Markdown);
