using InnoCenter.Domain.Applications;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Policy;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Applications;

/// <summary>
/// An application judged by the eligibility rules of the pack version it began under: read by the detail (the read
/// side) and by submission (the commands), so neither side calls the other for it.
/// </summary>
public sealed class ApplicationEligibility(AppDbContext db, PolicyVersions versions)
{
    /// <summary>The eligibility verdicts as the applicant and the formal reviewer see them.</summary>
    public async Task<IReadOnlyList<EligibilityResult>> EvaluateAsync(Application a, CancellationToken ct)
    {
        var orgIds = a.Members.Select(m => m.OrganizationId).Append(a.LeadOrganizationId).Distinct().ToList();
        var leadCode = await db.Organizations.Where(o => o.Id == a.LeadOrganizationId).Select(o => o.CreditCode).FirstAsync(ct);
        var present = await db.StoredFiles
            .Where(f => f.OwnerType == ApplicationHandlers.OwnerType && f.OwnerId == a.Id && f.IsCurrent)
            .Select(f => f.Slot).Distinct().ToListAsync(ct);
        var pack = await versions.ForCaseAsync(a.PolicyCode, a.PolicyVersion, ct);
        var input = new EligibilityInput(
            leadCode,
            a.Members.Select(m => (m.Kind, m.Region, m.EquitySharePercent)).ToList(),
            present,
            pack.RequiredMaterials,
            pack.RegionScope);
        return EligibilityEvaluator.Evaluate(pack.Applications.Eligibility, input);
    }
}
