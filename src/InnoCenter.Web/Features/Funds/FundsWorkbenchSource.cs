using InnoCenter.Domain.Funds;
using InnoCenter.Web.Data;
using InnoCenter.Web.Features.Workbench;
using InnoCenter.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Funds;

/// <summary>
/// What waits for a second Admin (drafts to approve, tranches to release, changes to decide — not one's own) and for an
/// Admin (self-evaluations to judge); what waits for a center's staff (self-evaluations asked of them).
/// </summary>
public sealed class FundsWorkbenchSource(AppDbContext db) : IWorkbenchSource
{
    public async Task<IReadOnlyList<WorkItem>> ItemsForAsync(CurrentUser user, CancellationToken ct)
    {
        if (!user.IsAdmin)
        {
            return await CenterItemsAsync(user, ct);
        }

        if (user.Id is not { } me)
        {
            return [];
        }

        var drafts = await db.FundGrants.CountAsync(g => g.Status == GrantStatus.Draft && g.DraftedBy != me, ct);
        var tranches = await db.FundTranches.CountAsync(t => t.Status == TrancheStatus.Planned && t.PlannedBy != me, ct);
        var changes = await db.FundGrantChanges.CountAsync(c => c.Status == ChangeStatus.Pending && c.RequestedBy != me, ct);
        var evaluations = await db.FundGrants.CountAsync(g => g.Status == GrantStatus.InExecution && g.EvaluationSubmittedAt != null, ct);
        var items = new List<WorkItem>();
        if (evaluations > 0)
        {
            items.Add(new WorkItem("funds.title", "funds.workbench.evaluations_to_decide", evaluations, "/Funds?pending=evaluations"));
        }

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

    /// <summary>The center's staff: self-evaluations the commission asked for and the center has not yet submitted.</summary>
    private async Task<IReadOnlyList<WorkItem>> CenterItemsAsync(CurrentUser user, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.CenterUser) || user.OrganizationId is not { } org)
        {
            return [];
        }

        var asked = await db.FundGrants
            .Where(g => g.Status == GrantStatus.InExecution && g.EvaluationRequestedAt != null && g.EvaluationSubmittedAt == null)
            .Join(db.Centers, g => g.CenterId, c => c.Id, (g, c) => c)
            .CountAsync(c => c.LeadOrganizationId == org || c.LegalEntityOrganizationId == org, ct);
        return asked > 0 ? [new WorkItem("funds.title", "funds.workbench.evaluations_to_file", asked, "/Funds?pending=evaluations")] : [];
    }
}
