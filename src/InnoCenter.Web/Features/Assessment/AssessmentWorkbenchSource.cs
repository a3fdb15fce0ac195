using InnoCenter.Domain.Assessment;
using InnoCenter.Web.Data;
using InnoCenter.Web.Features.Centers;
using InnoCenter.Web.Features.Workbench;
using InnoCenter.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;
using InnoCenter.Web.Infrastructure.Localization;

namespace InnoCenter.Web.Features.Assessment;

/// <summary>
/// The assessment's part of the workbench. The officer: annual reports submitted and waiting to be accepted or returned.
/// A center's staff: their reports still to file (draft or returned) in an open cycle, overdue past the cycle's deadline.
/// </summary>
public sealed class AssessmentWorkbenchSource(AppDbContext db, CenterAccess centers, TimeProvider clock) : IWorkbenchSource
{
    public const string Module = "workbench.module.assessment";

    public async Task<IReadOnlyList<WorkItem>> ItemsForAsync(CurrentUser user, CancellationToken ct)
    {
        if (user.IsAdmin)
        {
            var submitted = db.AnnualReports.AsNoTracking().Where(r => r.Status == ReportStatus.Submitted);
            var count = await submitted.CountAsync(ct);
            // With one cycle in play, straight to its list of submitted reports.
            var cycles = count == 0 ? [] : await submitted.Select(r => r.CycleId).Distinct().Take(2).ToListAsync(ct);
            var link = cycles.Count == 1 ? $"/Assessment/Cycle/{cycles[0]}?state={Filing.Submitted}" : "/Assessment";
            return [new WorkItem(Module, "workbench.assessment.reportsToAccept", count, link)];
        }

        if (!user.IsInRole(Roles.CenterUser))
        {
            return [];
        }

        var own = await centers.EditableAsync(ct);
        if (own.Count == 0)
        {
            return [];
        }

        var today = clock.TodayInBeijing();
        var due = db.AnnualReports.AsNoTracking()
            .Where(r => own.Contains(r.CenterId) && (r.Status == ReportStatus.Draft || r.Status == ReportStatus.Returned))
            .Join(db.AssessmentCycles.Where(c => c.Status == CycleStatus.Open), r => r.CycleId, c => c.Id, (r, c) => new { r.Id, c.Deadline });
        var total = await due.CountAsync(ct);
        var overdue = total == 0 ? 0 : await due.CountAsync(x => x.Deadline < today, ct);
        var only = total == 1 ? await due.Select(x => x.Id).FirstAsync(ct) : (Guid?)null;
        return [new WorkItem(Module, "workbench.assessment.reportDue", total, only is { } id ? $"/Assessment/Report/{id}" : "/Assessment", overdue)];
    }
}
