using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Plans;

/// <summary>A free indicator's evidence file is read by whoever may see the center's plan (its staff, the officers).</summary>
public sealed class PlanActualAttachmentAccess(AppDbContext db, PlanQueries queries) : IAttachmentAccess
{
    public string OwnerType => PlanActualHandlers.EvidenceOwner;

    public async Task<bool> CanReadAsync(Guid ownerId, CurrentUser user, CancellationToken ct)
    {
        var centerId = await db.PlanActuals.AsNoTracking().Where(a => a.Id == ownerId).Select(a => (Guid?)a.CenterId).FirstOrDefaultAsync(ct);
        return centerId is { } id && await queries.CanSeeAsync(id, ct);
    }
}
