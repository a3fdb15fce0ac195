using InnoCenter.Domain.Plans;
using InnoCenter.Web.Data;
using InnoCenter.Web.Features.Centers;
using InnoCenter.Web.Features.Workbench;
using InnoCenter.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;
using InnoCenter.Web.Infrastructure.Localization;

namespace InnoCenter.Web.Features.Plans;

/// <summary>
/// The plan's part of the workbench. The officer: revisions waiting for a decision, and the centers behind their plan
/// this year. A center's staff: their plan behind schedule this year.
/// </summary>
public sealed class PlanWorkbenchSource(AppDbContext db, CenterAccess centers, PlanQueries queries, PlanBehindSnapshots behindCounts, TimeProvider clock) : IWorkbenchSource
{
    public const string Module = "workbench.module.plans";

    public async Task<IReadOnlyList<WorkItem>> ItemsForAsync(CurrentUser user, CancellationToken ct)
    {
        var today = clock.TodayInBeijing();
        if (user.IsAdmin)
        {
            var items = new List<WorkItem>();
            var proposed = db.PlanRevisions.AsNoTracking().Where(r => r.Status == PlanRevisionStatus.Proposed);
            var count = await proposed.CountAsync(ct);
            if (count > 0)
            {
                var only = count == 1 ? await proposed.Select(r => r.CenterId).FirstAsync(ct) : (Guid?)null;
                items.Add(new WorkItem(Module, "workbench.plans.revisionsToDecide", count, only is { } id ? PlanLinks.Center(id) : PlanLinks.Behind + "#revisions"));
            }

            var behind = await behindCounts.GetAsync(async () => new PlanBehindCount(today.Year, (await queries.WarningsAsync(today.Year, today, CancellationToken.None)).Count));
            if (behind.Year != today.Year)
            {
                // The first minute of a new year still holds last year's count: count this year's on the spot.
                behind = new PlanBehindCount(today.Year, (await queries.WarningsAsync(today.Year, today, ct)).Count);
            }

            if (behind.Count > 0)
            {
                items.Add(new WorkItem(Module, "workbench.plans.centersBehind", behind.Count, PlanLinks.Behind));
            }

            return items;
        }

        if (!user.IsInRole(Roles.CenterUser))
        {
            return [];
        }

        var own = await centers.EditableAsync(ct);
        var mine = new List<WorkItem>();
        foreach (var id in own.Take(5))
        {
            var progress = await queries.ProgressAsync(id, today.Year, ct);
            if (progress.IsSuccess && progress.Value.BehindCount > 0)
            {
                mine.Add(new WorkItem(Module, "workbench.plans.ownBehind", progress.Value.BehindCount, PlanLinks.Center(id, today.Year)));
            }
        }

        return mine;
    }
}
