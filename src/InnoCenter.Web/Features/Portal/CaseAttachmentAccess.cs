using InnoCenter.Domain.Portal;
using InnoCenter.Web.Data;
using InnoCenter.Web.Features.Centers;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Portal;

/// <summary>
/// Who may read a case's images: its center's staff and the Admins always; anyone else only while the case is
/// published (the public file endpoint also asks that the published version shows the image).
/// </summary>
public sealed class CaseAttachmentAccess(AppDbContext db, CenterAccess centers) : IAttachmentAccess
{
    public string OwnerType => CaseHandlers.OwnerType;

    public async Task<bool> CanReadAsync(Guid ownerId, CurrentUser user, CancellationToken ct)
    {
        var c = await db.PortalCases.AsNoTracking().Where(x => x.Id == ownerId).Select(x => new { x.CenterId, x.Status }).FirstOrDefaultAsync(ct);
        if (c is null)
        {
            return false;
        }

        return c.Status == CaseStatus.Published || user.IsAdmin || await centers.CanEditAsync(c.CenterId, ct);
    }
}
