namespace InnoCenter.Web.Features.Experts;

/// <summary>What an expert keeps up themselves; employers go through <see cref="AffiliationChangeRequest"/>.</summary>
public sealed record OwnProfileRequest
{
    public IReadOnlyList<string>? Domains { get; init; }

    public IReadOnlyList<string>? KeyAreas { get; init; }

    public string? Expertise { get; init; }

    public string? Phone { get; init; }

    /// <summary>Not available for reviews until this day (inclusive); empty when available.</summary>
    public DateOnly? UnavailableUntil { get; init; }

    public int? Version { get; init; }
}

/// <summary>The employers an expert asks to be recorded; nothing changes until an Admin confirms.</summary>
public sealed record AffiliationChangeRequest
{
    public string? AffiliationCreditCode { get; init; }

    public string? AffiliationName { get; init; }

    public DateOnly? AffiliatedSince { get; init; }

    public IReadOnlyList<AffiliationRequest>? PastAffiliations { get; init; }

    public string? Note { get; init; }
}

/// <summary>A conflict declared with an organisation; an Admin may name the expert, an expert declares their own.</summary>
public sealed record StandingConflictRequest(string? CreditCode, string? OrganizationName, string? Reason, Guid? ExpertId = null);

public sealed record ChangeDecisionRequest(string? Reason, int? Version);

public sealed record StandingConflictDto(Guid Id, string CreditCode, string OrganizationName, string Reason, bool ByAdmin, DateTimeOffset DeclaredAt);

public sealed record AffiliationChangeDto(
    Guid Id,
    Guid ExpertId,
    string ExpertName,
    string CurrentCreditCode,
    string CurrentName,
    string CreditCode,
    string OrganizationName,
    DateOnly? AffiliatedSince,
    IReadOnlyList<AffiliationDto> PastAffiliations,
    string? Note,
    string Status,
    DateTimeOffset RequestedAt,
    DateTimeOffset? DecidedAt,
    string? DecisionReason,
    int Version);

/// <summary>The signed-in expert's own record, declared conflicts and the change waiting for an Admin.</summary>
public sealed record OwnProfileDto(
    Guid ExpertId,
    string Name,
    string? Title,
    string AffiliationCreditCode,
    string AffiliationName,
    DateOnly? AffiliatedSince,
    IReadOnlyList<AffiliationDto> PastAffiliations,
    IReadOnlyList<string> Domains,
    IReadOnlyList<string> KeyAreas,
    string? Expertise,
    string? Phone,
    DateOnly? UnavailableUntil,
    IReadOnlyList<StandingConflictDto> Conflicts,
    AffiliationChangeDto? PendingChange,
    AffiliationChangeDto? LastDecidedChange,
    int Version);
