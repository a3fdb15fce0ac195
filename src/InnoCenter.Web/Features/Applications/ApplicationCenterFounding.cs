using InnoCenter.Domain.Applications;
using InnoCenter.Domain.Centers;
using InnoCenter.Domain.Common;
using InnoCenter.Domain.Organizations;
using InnoCenter.Web.Features.Centers;

namespace InnoCenter.Web.Features.Applications;

/// <summary>An approved application founds its Center with the consortium as the founding members.</summary>
public sealed class ApplicationCenterFounding(CenterHandlers centers) : ICenterFounding
{
    public async Task<Result<Guid>> FoundAsync(Application application, CancellationToken ct)
    {
        var founding = new CenterFounding(
            application.Id,
            application.CenterName,
            application.KeyArea,
            application.LeadOrganizationId,
            application.ApprovalNumber!,
            application.PlaqueNumber!,
            application.ApprovedOn!.Value,
            application.Members.Select(m => new CenterFoundingMember(m.OrganizationId, KindOf(m.Kind), m.EquitySharePercent)).ToList());
        var created = await centers.CreateFromApprovedApplicationAsync(founding, ct);
        return created.IsSuccess ? created.Value.Id : created.Failure!;
    }

    /// <summary>A consortium member is one of the five kinds a center knows; an organisation typed "other" joins as an enterprise.</summary>
    private static MemberKind KindOf(OrganizationType type) => type switch
    {
        OrganizationType.University => MemberKind.University,
        OrganizationType.ResearchInstitute => MemberKind.ResearchInstitute,
        OrganizationType.IndustryOrganization => MemberKind.IndustryOrganization,
        OrganizationType.FinancialInstitution => MemberKind.FinancialInstitution,
        _ => MemberKind.Enterprise,
    };
}
