using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Portal;

/// <summary>
/// A published document's attachments are public: a document exists on the portal only once published. A withdrawn
/// document's stay with the Admins.
/// </summary>
public sealed class DocumentAttachmentAccess(AppDbContext db) : IAttachmentAccess
{
    public string OwnerType => PortalOwnerTypes.Document;

    public Task<bool> CanReadAsync(Guid ownerId, CurrentUser user, CancellationToken ct) =>
        db.PortalDocuments.AsNoTracking().AnyAsync(d => d.Id == ownerId && (d.WithdrawnAt == null || user.IsAdmin), ct);
}
