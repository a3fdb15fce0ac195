using InnoCenter.Domain.Portal;
using InnoCenter.Web.Data;
using InnoCenter.Web.Features.Centers;
using InnoCenter.Web.Features.Workbench;
using InnoCenter.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;
using InnoCenter.Web.Infrastructure.Localization;

namespace InnoCenter.Web.Features.Portal;

/// <summary>
/// The portal's part of the workbench: for an Admin, cases submitted for review and inquiries still to answer (those
/// past their due day counted as overdue); for a center's staff, cases returned to them with remarks.
/// </summary>
public sealed class PortalWorkbenchSource(AppDbContext db, CenterAccess centers, PortalHomeQueries home, TimeProvider clock) : IWorkbenchSource
{
    public const string Module = "portal.workbench.module";

    public async Task<IReadOnlyList<WorkItem>> ItemsForAsync(CurrentUser user, CancellationToken ct)
    {
        var items = new List<WorkItem>();
        if (user.IsAdmin)
        {
            var toReview = await db.PortalCaseVersions.AsNoTracking().CountAsync(v => v.Status == CaseVersionStatus.Submitted, ct);
            items.Add(new WorkItem(Module, "portal.workbench.toReview", toReview, "/Portal/Manage/Cases?review=Submitted"));
            var today = clock.TodayInBeijing();
            var waiting = await db.PortalInquiries.AsNoTracking().Where(i => i.AnsweredAt == null)
                .GroupBy(_ => 1).Select(g => new { All = g.Count(), Overdue = g.Count(i => i.DueOn < today) }).FirstOrDefaultAsync(ct);
            items.Add(new WorkItem(Module, "portal.workbench.inquiries", waiting?.All ?? 0, "/Portal/Manage/Inquiries", waiting?.Overdue ?? 0));
            // 国办秘函〔2019〕19号: a home page without an update for two weeks fails; warn before it does.
            if (await home.IsStaleAsync(ct))
            {
                items.Add(new WorkItem(Module, "portal.workbench.stale", 1, "/Portal/Manage/Cases", 1));
            }
        }
        else if (user.IsInRole(Roles.CenterUser))
        {
            var own = await centers.EditableAsync(ct);
            if (own.Count > 0)
            {
                var returned = await db.PortalCaseVersions.AsNoTracking()
                    .CountAsync(v => v.Status == CaseVersionStatus.Returned && db.PortalCases.Any(c => c.Id == v.CaseId && own.Contains(c.CenterId)), ct);
                items.Add(new WorkItem(Module, "portal.workbench.returned", returned, "/Portal/Manage/Cases?review=Returned"));
            }
        }

        return items.Where(i => i.Count > 0).ToList();
    }
}
