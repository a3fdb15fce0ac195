using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Files;

namespace InnoCenter.Web.Features.Applications;

/// <summary>An application's materials are read by whoever may read the application.</summary>
public sealed class ApplicationAttachmentAccess(ApplicationAccess access) : IAttachmentAccess
{
    public string OwnerType => ApplicationHandlers.OwnerType;

    public Task<bool> CanReadAsync(Guid ownerId, CurrentUser user, CancellationToken ct) => access.CanReadAsync(ownerId, ct);
}
