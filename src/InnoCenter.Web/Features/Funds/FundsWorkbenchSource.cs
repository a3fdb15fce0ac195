using InnoCenter.Domain.Funds;
using InnoCenter.Web.Data;
using InnoCenter.Web.Features.Workbench;
using InnoCenter.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Funds;

/// <summary>What waits for a second Admin: drafts to approve, tranches to release and changes to decide — not one's own.</summary>
public sealed class FundsWorkbenchSource(AppDbContext db) : IWorkbenchSource
{
    public async Task<IReadOnlyList<WorkItem>> ItemsForAsync(CurrentUser user, CancellationToken ct)
    {
        if (!user.IsAdmin || user.Id is not { } me)
        {
            return [];
        }

        var drafts = await db.FundGrants.CountAsync(g => g.Status == GrantStatus.Draft && g.DraftedBy != me, ct);
        var tranches = await db.FundTranches.CountAsync(t => t.Status == TrancheStatus.Planned && t.PlannedBy != me, ct);
        var changes = await db.FundGrantChanges.CountAsync(c => c.Status == ChangeStatus.Pending && c.RequestedBy != me, ct);
        var items = new List<WorkItem>();
        if (drafts > 0)
        {
            items.Add(new WorkItem("funds.title", "funds.workbench.drafts", drafts, "/Funds?status=Draft"));
        }

        if (tranches > 0)
        {
            items.Add(new WorkItem("funds.title", "funds.workbench.tranches", tranches, "/Funds?pending=tranches"));
        }

        if (changes > 0)
        {
            items.Add(new WorkItem("funds.title", "funds.workbench.changes", changes, "/Funds?pending=changes"));
        }

        return items;
    }
}
