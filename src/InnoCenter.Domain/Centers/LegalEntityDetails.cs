using InnoCenter.Domain.Organizations;

namespace InnoCenter.Domain.Centers;

/// <summary>Validated details of a center's legal entity.</summary>
public sealed record LegalEntityDetails(string Name, Uscc CreditCode, long RegisteredCapitalFen, DateOnly FoundedOn, Guid? OrganizationId);
