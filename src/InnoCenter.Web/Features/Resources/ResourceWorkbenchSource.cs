using InnoCenter.Domain.Resources;
using InnoCenter.Web.Features.Workbench;
using InnoCenter.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Resources;

/// <summary>The module's part of the workbench: bookings of the resources the user manages that wait for a decision.</summary>
public sealed class ResourceWorkbenchSource(BookingQueries bookings, ResourceAccess access, TimeProvider clock) : IWorkbenchSource
{
    public const string Module = "resources.workbench.module";

    public async Task<IReadOnlyList<WorkItem>> ItemsForAsync(CurrentUser user, CancellationToken ct)
    {
        if (user.IsAdmin || access.OrganizationId is null)
        {
            return [];
        }

        var now = clock.GetUtcNow();
        var count = await (await bookings.ManagedBookingsAsync(ct))
            .CountAsync(b => b.Status == BookingStatus.Pending && b.ExpiresAt > now, ct);
        return count == 0 ? [] : [new WorkItem(Module, "resources.workbench.approvals", count, "/Resources/Approvals")];
    }
}
