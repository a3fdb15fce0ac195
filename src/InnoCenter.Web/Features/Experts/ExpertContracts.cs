namespace InnoCenter.Web.Features.Experts;

/// <summary>What a client sends to add or edit an expert. Codes and e-mails travel as strings, so a wrong one gets a message.</summary>
public sealed record ExpertRequest
{
    public string? Name { get; init; }

    /// <summary>职称.</summary>
    public string? Title { get; init; }

    /// <summary>Credit code of the current employer; conflicts are judged on it.</summary>
    public string? AffiliationCreditCode { get; init; }

    public string? AffiliationName { get; init; }

    public DateOnly? AffiliatedSince { get; init; }

    /// <summary>Expert-domain codes from the policy (economics, technology, industry, management, law); at least one.</summary>
    public IReadOnlyList<string>? Domains { get; init; }

    /// <summary>Key-area codes from the policy.</summary>
    public IReadOnlyList<string>? KeyAreas { get; init; }

    public string? Expertise { get; init; }

    public string? Phone { get; init; }

    public string? Email { get; init; }

    /// <summary>E-mail of the sign-in (a user with the Expert role) to link; empty for a pool entry without a sign-in.</summary>
    public string? UserEmail { get; init; }

    public bool? IsActive { get; init; }

    public IReadOnlyList<AffiliationRequest>? PastAffiliations { get; init; }

    /// <summary>The version the client last read; required for an edit.</summary>
    public int? Version { get; init; }
}

public sealed record AffiliationRequest(string? CreditCode, string? OrganizationName, DateOnly? StartedOn, DateOnly? EndedOn);

public sealed record AffiliationDto(string CreditCode, string OrganizationName, DateOnly? StartedOn, DateOnly EndedOn);

public sealed record ExpertDto(
    Guid Id,
    Guid? UserId,
    string? UserEmail,
    string Name,
    string? Title,
    string AffiliationCreditCode,
    string AffiliationName,
    DateOnly? AffiliatedSince,
    IReadOnlyList<string> Domains,
    IReadOnlyList<string> DomainLabels,
    IReadOnlyList<string> KeyAreas,
    IReadOnlyList<string> KeyAreaLabels,
    string? Expertise,
    string? Phone,
    string? Email,
    bool IsActive,
    IReadOnlyList<AffiliationDto> PastAffiliations,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Version);

/// <summary>A panel the expert sits or sat on, for the expert's page.</summary>
public sealed record ExpertAssignmentDto(Guid SubjectId, string SubjectTitle, int Year, string Status, bool IsLeader);

public sealed record ExpertFilter
{
    /// <summary>Name, employer name or employer credit code.</summary>
    public string? Search { get; init; }

    public string? Domain { get; init; }

    public string? KeyArea { get; init; }

    public bool? Active { get; init; }

    /// <summary>From the query string only: in a Razor page a route value is also called "page" and would win.</summary>

    [Microsoft.AspNetCore.Mvc.FromQuery(Name = "page")]

    public int? Page { get; init; }

    public int? PageSize { get; init; }
}
