using InnoCenter.Web.Data;
using InnoCenter.Web.Features.Centers;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Portal;

/// <summary>
/// Who may read a case's images: its center's staff and the Admins always; anyone else only an image that the case's
/// published version shows — an image uploaded for a later draft of a published case stays private.
/// </summary>
public sealed class CaseAttachmentAccess(AppDbContext db, CenterAccess centers, PublicCaseQueries published) : IAttachmentAccess
{
    public string OwnerType => CaseHandlers.OwnerType;

    public async Task<bool> CanReadAsync(Guid ownerId, CurrentUser user, CancellationToken ct)
    {
        var centerId = await db.PortalCases.AsNoTracking().Where(x => x.Id == ownerId).Select(x => (Guid?)x.CenterId).FirstOrDefaultAsync(ct);
        return centerId is { } id && (user.IsAdmin || await centers.CanEditAsync(id, ct));
    }

    public async Task<bool> CanReadFileAsync(StoredFile file, CurrentUser user, CancellationToken ct) =>
        await published.IsPublicImageAsync(file, ct) || await CanReadAsync(file.OwnerId, user, ct);
}
