using InnoCenter.Domain.Reviews;

namespace InnoCenter.Web.Features.Reviews;

/// <summary>Where a review stands, for the modules whose records are reviewed (applications, annual reports).</summary>
public sealed record ReviewStatus(
    Guid? SubjectId,
    bool PanelDrawn,
    int Scored,
    int PanelSize,
    bool PanelOpinionWritten,
    decimal? TotalScore,
    string? Recommendation,
    bool SiteInspectionRecorded,
    string? SiteInspectionConclusion);

/// <summary>Links into the review pages, for other modules and notifications.</summary>
public static class ReviewLinks
{
    /// <summary>The subject's review page: an Admin sees panel, draw, score matrix and site inspection; an expert their scoring form.</summary>
    public static string Subject(Guid subjectId) => $"/Reviews/Subject/{subjectId}";

    public static string Inspection(Guid subjectId) => $"/Reviews/Inspection/{subjectId}";

    public const string My = "/Reviews/My";
}

/// <summary>Registers or refreshes a subject through the API (the modules in this process call <see cref="ReviewSubjectHandlers.EnsureSubjectAsync"/>).</summary>
public sealed record SubjectRequest
{
    public string? Kind { get; init; }

    public Guid? ReferenceId { get; init; }

    public string? Title { get; init; }

    public string? KeyArea { get; init; }

    public int? Year { get; init; }

    public IReadOnlyList<string>? PartyCreditCodes { get; init; }
}

public sealed record PartyDto(string CreditCode, string? OrganizationName);

public sealed record SubjectDto(
    Guid Id,
    string Kind,
    string KindLabel,
    Guid ReferenceId,
    string Title,
    string? KeyArea,
    string? KeyAreaLabel,
    int Year,
    IReadOnlyList<PartyDto> Parties,
    ReviewStatus Status);

public sealed record SubjectFilter
{
    public string? Search { get; init; }

    public string? Kind { get; init; }

    public int? Year { get; init; }

    /// <summary>From the query string only: in a Razor page a route value is also called "page" and would win.</summary>

    [Microsoft.AspNetCore.Mvc.FromQuery(Name = "page")]

    public int? Page { get; init; }

    public int? PageSize { get; init; }
}

public sealed record SubjectRow(Guid Id, string Kind, string KindLabel, string Title, int Year, string? KeyAreaLabel, bool PanelDrawn, int PanelSize, int Scored, bool OpinionWritten, bool Inspected);

public sealed record ConflictFindingDto(string Kind, string CreditCode, string OrganizationName, DateOnly? EndedOn, bool Dismissed, string? DismissalReason);

public sealed record ConflictDto(
    Guid ExpertId, string ExpertName, string AffiliationName, bool InConflict, bool Declared, string? DeclarationReason, bool DeclaredByAdmin,
    IReadOnlyList<ConflictFindingDto> Findings);

public sealed record DeclarationRequest(Guid? ExpertId, string? Reason);

public sealed record DismissalRequest(Guid? ExpertId, string? CreditCode, string? Reason);

public sealed record DrawRequest(int? Size);

public sealed record AssignRequest(Guid? ExpertId, Guid? ReplacesMemberId);

public sealed record ReasonRequest(string? Reason);

public sealed record LeaderRequest(Guid? MemberId);

public sealed record PanelMemberDto(
    Guid Id, Guid ExpertId, string ExpertName, string AffiliationName, IReadOnlyList<string> DomainLabels, string Status, string Source,
    bool IsLeader, bool InConflict, bool Submitted, string? DeclineReason, string? RemovedReason, Guid? ReplacesMemberId, bool Replaced);

public sealed record DrawDto(
    Guid Id, string Kind, string Seed, string Algorithm, string SnapshotSha256, int EligibleCount, int ExcludedOnPanel, int ExcludedInactive,
    int ExcludedConflicted, int ExcludedAtLoadCap, IReadOnlyList<string> DrawnNames, DateTimeOffset DrawnAt);

public sealed record QuotaDto(IReadOnlyList<string> Domains, string Label, int Min);

public sealed record PanelDto(
    Guid Id, int Size, int Vacancies, IReadOnlyList<QuotaDto> Quotas, IReadOnlyList<PanelMemberDto> Members, IReadOnlyList<DrawDto> Draws,
    string? Opinion, string? OpinionRecommendation, DateTimeOffset? OpinionAt, int Version);

public sealed record VerificationDto(bool Matches, bool SnapshotIntact, string Seed, int EligibleCount, IReadOnlyList<string> Recorded, IReadOnlyList<string> Rerun);

/// <summary>One of the signed-in expert's panel seats.</summary>
public sealed record AssignmentDto(
    Guid MemberId, Guid SubjectId, string SubjectTitle, string Kind, string KindLabel, int Year, string? KeyAreaLabel, string Status,
    bool IsLeader, bool InConflict, bool Submitted, DateTimeOffset InvitedAt);

public sealed record ScoreRequest
{
    /// <summary>Points per criterion code of the panel's scoring form.</summary>
    public Dictionary<string, decimal?>? Points { get; init; }

    public string? Comment { get; init; }

    /// <summary>Approve, ApproveWithConditions or Reject.</summary>
    public string? Recommendation { get; init; }
}

public sealed record CriterionDto(string Code, string Label, decimal MaxPoints);

/// <summary>A score sheet as the reader may see it: Admins see who gave it; experts see an anonymous label.</summary>
public sealed record ScoreRowDto(
    string Label, Guid? ExpertId, IReadOnlyDictionary<string, decimal> Points, decimal Total, string Recommendation, string RecommendationLabel,
    string Comment, bool? Outlier, bool Mine, DateTimeOffset SubmittedAt);

public sealed record AggregateDto(
    IReadOnlyDictionary<string, decimal?> Criteria, decimal? Total, bool Trimmed, int Count, decimal? MedianTotal, decimal OutlierThreshold);

public sealed record ScoresDto(
    IReadOnlyList<CriterionDto> Criteria, decimal MaxTotal, IReadOnlyList<ScoreRowDto> Rows, AggregateDto Aggregate, int PanelSize,
    string? Opinion, string? OpinionRecommendation);

public sealed record OpinionRequest(string? Text, string? Recommendation);

public sealed record ChecklistItemDto(string Code, string Label);

public sealed record ParticipantRequest(string? Kind, Guid? ExpertId, string? Name, string? Affiliation);

public sealed record FindingRequest(string? ItemCode, string? Result, string? Note);

public sealed record InspectionRequest
{
    public DateOnly? Date { get; init; }

    public string? Place { get; init; }

    public IReadOnlyList<ParticipantRequest>? Participants { get; init; }

    public IReadOnlyList<FindingRequest>? Findings { get; init; }

    /// <summary>Pass, PassWithConditions or Fail.</summary>
    public string? Conclusion { get; init; }

    public string? ConclusionNote { get; init; }

    /// <summary>Required when editing an existing record.</summary>
    public int? Version { get; init; }
}

public sealed record ParticipantDto(string Kind, Guid? ExpertId, string Name, string? Affiliation);

public sealed record FindingDto(string ItemCode, string Item, string Result, string ResultLabel, string? Note);

public sealed record InspectionDto(
    Guid Id, Guid SubjectId, DateOnly Date, string Place, IReadOnlyList<ParticipantDto> Participants, IReadOnlyList<FindingDto> Findings,
    string Conclusion, string ConclusionLabel, string? ConclusionNote, DateTimeOffset RecordedAt, DateTimeOffset UpdatedAt, int Version,
    IReadOnlyList<Infrastructure.Files.AttachmentDto> Files);

internal static class ReviewEnumText
{
    public static string KindKey(ReviewSubjectKind kind) => $"reviews.kind.{kind}";
}
