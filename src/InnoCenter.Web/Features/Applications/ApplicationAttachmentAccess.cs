using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Files;

namespace InnoCenter.Web.Features.Applications;

/// <summary>An application's materials are read by whoever may read the application.</summary>
/// <remarks>
/// <see cref="ApplicationQueries"/> needs <see cref="Attachments"/>, which needs every <see cref="IAttachmentAccess"/>:
/// taking the queries in the constructor made a cycle the container refuses, so they are resolved when first asked.
/// </remarks>
public sealed class ApplicationAttachmentAccess(IServiceProvider services) : IAttachmentAccess
{
    public string OwnerType => ApplicationHandlers.OwnerType;

    public Task<bool> CanReadAsync(Guid ownerId, CurrentUser user, CancellationToken ct) =>
        services.GetRequiredService<ApplicationQueries>().CanReadAsync(ownerId, ct);
}
