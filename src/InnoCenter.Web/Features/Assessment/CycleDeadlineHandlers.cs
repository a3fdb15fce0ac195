using InnoCenter.Domain.Assessment;
using InnoCenter.Domain.Common;
using InnoCenter.Web.Data;
using InnoCenter.Web.Features.Centers;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Assessment;

/// <summary>
/// 延期报送: an Admin moves an open cycle's filing deadline with a reason, so a cycle can still be completed when a
/// center is late for a cause the commission accepts. The centers that have not yet submitted are told the new date.
/// </summary>
public sealed class CycleDeadlineHandlers(AppDbContext db, CurrentUser user, CycleHandlers cycles, Notifier notifier, TimeProvider clock)
{
    public async Task<Result<CycleDto>> MoveAsync(Guid cycleId, MoveDeadlineRequest request, CancellationToken ct)
    {
        if (!user.IsAdmin)
        {
            return Failure.Forbidden();
        }

        var cycle = await db.AssessmentCycles.FirstOrDefaultAsync(c => c.Id == cycleId, ct);
        if (cycle is null)
        {
            return Failure.NotFound("assessment.cycle_not_found");
        }

        if (request.Version is null)
        {
            return Failure.Validation(new Error("validation.required", "version"));
        }

        if (request.Version != cycle.Version)
        {
            return Failure.Conflict(VersionedSave.ConcurrencyCode);
        }

        var moved = cycle.MoveDeadline(request.Deadline, request.Reason, clock.TodayInBeijing(), user.Id, clock.GetUtcNow());
        if (!moved.IsSuccess)
        {
            return moved.Failure!;
        }

        var waiting = await (from r in db.AnnualReports.AsNoTracking()
                             join c in db.Centers.AsNoTracking() on r.CenterId equals c.Id
                             where r.CycleId == cycleId && (r.Status == ReportStatus.Draft || r.Status == ReportStatus.Returned)
                             select new { r.Id, c.LeadOrganizationId, c.LegalEntityOrganizationId }).ToListAsync(ct);
        var staff = await CycleHandlers.StaffOfAsync(db, waiting.Select(w => (w.LeadOrganizationId, w.LegalEntityOrganizationId)), ct);
        await notifier.NotifyEachAsync(
            "assessment.notify.deadline_moved",
            waiting.Select(w => (
                    (IReadOnlyCollection<Guid>)CycleHandlers.StaffFor(staff, w.LeadOrganizationId, w.LegalEntityOrganizationId),
                    (string?)AssessmentLinks.Report(w.Id),
                    new object[] { cycle.Year, cycle.Deadline.ToString("yyyy-MM-dd"), request.Reason!.Trim() }))
                .ToList(),
            ct);
        if (await db.SaveVersionedAsync(ct) is { } lost)
        {
            return lost;
        }

        return await cycles.GetAsync(cycleId, ct);
    }
}
