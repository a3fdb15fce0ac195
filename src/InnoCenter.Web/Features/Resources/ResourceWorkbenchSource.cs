using InnoCenter.Domain.Resources;
using InnoCenter.Web.Features.Workbench;
using InnoCenter.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Resources;

/// <summary>
/// The module's part of the workbench: bookings of the resources the user manages that wait for a decision, and the
/// user's organisation's statements that are overdue (the oldest one linked).
/// </summary>
public sealed class ResourceWorkbenchSource(BookingQueries bookings, StatementPayments payments, ResourceAccess access, TimeProvider clock) : IWorkbenchSource
{
    public const string Module = "resources.workbench.module";

    public async Task<IReadOnlyList<WorkItem>> ItemsForAsync(CurrentUser user, CancellationToken ct)
    {
        if (user.IsAdmin || access.OrganizationId is not { } org)
        {
            return [];
        }

        var items = new List<WorkItem>();
        var now = clock.GetUtcNow();
        var count = await (await bookings.ManagedBookingsAsync(ct))
            .CountAsync(b => b.Status == BookingStatus.Pending && b.ExpiresAt > now, ct);
        if (count > 0)
        {
            items.Add(new WorkItem(Module, "resources.workbench.approvals", count, "/Resources/Approvals"));
        }

        if (access.CanBook && await payments.OverdueMonthsAsync(org, ct) is { Count: > 0 } overdue)
        {
            var (y, m) = overdue[0];
            items.Add(new WorkItem(Module, "resources.workbench.overdue", overdue.Count, $"/Resources/Statement?month={y:0000}-{m:00}", overdue.Count));
        }

        return items;
    }
}
