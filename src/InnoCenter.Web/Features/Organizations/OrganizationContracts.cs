using InnoCenter.Domain.Organizations;

namespace InnoCenter.Web.Features.Organizations;

/// <summary>What a client sends to create or edit an organisation. Codes travel as strings so a wrong one gets a message, not a parse error.</summary>
public sealed record OrganizationRequest
{
    public string? CreditCode { get; init; }

    public string? Name { get; init; }

    /// <summary>Enterprise, University, ResearchInstitute, IndustryOrganization, FinancialInstitution or Other.</summary>
    public string? Type { get; init; }

    /// <summary>Tianjin, Beijing, Hebei, OtherProvince or Abroad.</summary>
    public string? Region { get; init; }

    /// <summary>GB/T 2260 district code; required when the region is Tianjin.</summary>
    public string? DistrictCode { get; init; }

    public string? Address { get; init; }

    public string? ContactName { get; init; }

    public string? ContactPhone { get; init; }

    /// <summary>The version the client last read; an edit made against an older one is refused (409).</summary>
    public int? Version { get; init; }
}

public sealed record OrganizationDto(
    Guid Id,
    string CreditCode,
    string Name,
    string Type,
    string TypeLabel,
    string Region,
    string RegionLabel,
    string? DistrictCode,
    string? DistrictLabel,
    string? Address,
    string? ContactName,
    string? ContactPhone,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Version);

/// <summary>The answer to a create or edit: the record, and warnings that did not stop it (e.g. an unusual code prefix).</summary>
public sealed record OrganizationSaved(OrganizationDto Organization, IReadOnlyList<string> Warnings);

public sealed record OrganizationFilter
{
    public string? Name { get; init; }

    public string? Type { get; init; }

    public string? District { get; init; }

    public string? Region { get; init; }

    /// <summary>From the query string only: in a Razor page a route value is also called "page" and would win.</summary>
    [Microsoft.AspNetCore.Mvc.FromQuery(Name = "page")]
    public int? Page { get; init; }

    public int? PageSize { get; init; }
}
