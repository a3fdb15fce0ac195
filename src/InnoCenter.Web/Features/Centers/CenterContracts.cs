namespace InnoCenter.Web.Features.Centers;

public sealed record CenterFilter
{
    /// <summary>Part of the name, the approval number or the plaque number.</summary>
    public string? Name { get; init; }

    /// <summary>Active, UnderRectification, Revoked, RecommendedNational or National.</summary>
    public string? Status { get; init; }

    /// <summary>A key-area code of the policy pack.</summary>
    public string? KeyArea { get; init; }

    /// <summary>From the query string only: in a Razor page a route value is also called "page" and would win.</summary>

    [Microsoft.AspNetCore.Mvc.FromQuery(Name = "page")]

    public int? Page { get; init; }

    public int? PageSize { get; init; }
}

public sealed record CenterSummaryDto(
    Guid Id,
    string Name,
    string KeyArea,
    string KeyAreaLabel,
    Guid LeadOrganizationId,
    string LeadOrganizationName,
    string ApprovalNumber,
    DateOnly ApprovedOn,
    string Status,
    string StatusLabel,
    int MemberCount);

public sealed record LegalEntityDto(string? Name, string? CreditCode, decimal? RegisteredCapital, DateOnly? FoundedOn, Guid? OrganizationId);

public sealed record CenterMemberDto(
    Guid MembershipId,
    Guid OrganizationId,
    string OrganizationName,
    string CreditCode,
    string Kind,
    string KindLabel,
    string Region,
    string RegionLabel,
    decimal? EquitySharePercent,
    bool IsLead,
    DateOnly JoinedOn,
    DateOnly? LeftOn);

public sealed record CenterDto(
    Guid Id,
    Guid ApplicationId,
    string Name,
    string KeyArea,
    string KeyAreaLabel,
    Guid LeadOrganizationId,
    string LeadOrganizationName,
    string ApprovalNumber,
    string PlaqueNumber,
    DateOnly ApprovedOn,
    LegalEntityDto LegalEntity,
    string Status,
    string StatusLabel,
    DateOnly StatusSince,
    IReadOnlyList<string> AllowedNextStatuses,
    IReadOnlyList<CenterMemberDto> CurrentMembers,
    bool DecisionBodyLacksIndependent,
    bool CanEdit,
    int Version);

/// <summary>What anyone may read about a recognised center.</summary>
public sealed record PublicCenterDto(
    Guid Id,
    string Name,
    string KeyAreaLabel,
    string LeadOrganizationName,
    string? LegalEntityName,
    string ApprovalNumber,
    string PlaqueNumber,
    DateOnly ApprovedOn,
    string Status,
    string StatusLabel,
    IReadOnlyList<PublicMemberDto> Members);

public sealed record PublicMemberDto(string Name, string KindLabel, string RegionLabel, bool IsLead);

public sealed record LegalEntityRequest
{
    public string? Name { get; init; }

    public string? CreditCode { get; init; }

    /// <summary>注册资本 in yuan.</summary>
    public decimal? RegisteredCapital { get; init; }

    public DateOnly? FoundedOn { get; init; }

    public int? Version { get; init; }
}

public sealed record StatusChangeRequest
{
    /// <summary>The status to move to.</summary>
    public string? To { get; init; }

    /// <summary>The decision's document number (文号).</summary>
    public string? Reference { get; init; }

    public string? Reason { get; init; }

    public DateOnly? EffectiveOn { get; init; }

    public int? Version { get; init; }
}

public sealed record StatusChangeDto(
    Guid Id, string From, string FromLabel, string To, string ToLabel, string Basis, string BasisLabel, string Reference, string Reason,
    DateOnly EffectiveOn, DateTimeOffset RecordedAt);

/// <summary>Joins, leaves and share changes that take effect together on one day.</summary>
public sealed record MembershipChangeRequest
{
    public DateOnly? EffectiveOn { get; init; }

    public IReadOnlyList<MembershipStepRequest>? Steps { get; init; }
}

public sealed record MembershipStepRequest
{
    /// <summary>Join, Leave or Share.</summary>
    public string? Action { get; init; }

    /// <summary>The organisation's credit code.</summary>
    public string? CreditCode { get; init; }

    /// <summary>For a join: Enterprise, University, ResearchInstitute, IndustryOrganization or FinancialInstitution (default: from the organisation's type).</summary>
    public string? Kind { get; init; }

    /// <summary>For a join or a share change: the equity share in percent; empty for none.</summary>
    public decimal? EquitySharePercent { get; init; }
}

/// <summary>The membership on one day where it changed: counts by kind and by region (京津冀 view), and the equity total.</summary>
public sealed record CompositionPointDto(
    DateOnly On, int Total, IReadOnlyDictionary<string, int> ByKind, IReadOnlyDictionary<string, int> ByRegion, decimal EquityTotal);

public sealed record SeatRequest
{
    /// <summary>DecisionBody or AdvisoryCommittee.</summary>
    public string? Body { get; init; }

    /// <summary>MemberRepresentative, IndependentIndustry, IndependentScientist (decision body) or Expert (advisory committee).</summary>
    public string? Kind { get; init; }

    public string? PersonName { get; init; }

    public string? Position { get; init; }

    public string? Affiliation { get; init; }

    /// <summary>For a member representative: the credit code of the member organisation.</summary>
    public string? RepresentedCreditCode { get; init; }

    public DateOnly? Since { get; init; }
}

public sealed record EndSeatRequest
{
    public DateOnly? Until { get; init; }
}

public sealed record SeatDto(
    Guid Id, string Body, string BodyLabel, string Kind, string KindLabel, string PersonName, string? Position, string? Affiliation,
    Guid? RepresentedOrganizationId, string? RepresentedOrganizationName, DateOnly Since, DateOnly? Until);

public sealed record GovernanceDto(IReadOnlyList<SeatDto> DecisionBody, IReadOnlyList<SeatDto> AdvisoryCommittee, bool DecisionBodyLacksIndependent);

/// <summary>A center as a choice in a picker.</summary>
public sealed record CenterOption(Guid Id, string Name);

/// <summary>A status change a policy rule decides for one center (see <c>CenterStatusHandlers.ChangeStatusesByRuleAsync</c>).</summary>
public sealed record RuleStatusChange(Guid CenterId, Domain.Centers.CenterStatus To, string RuleCode, string Reason, DateOnly EffectiveOn);
