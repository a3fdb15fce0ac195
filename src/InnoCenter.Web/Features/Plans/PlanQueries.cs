using InnoCenter.Domain.Applications;
using InnoCenter.Domain.Common;
using InnoCenter.Domain.Plans;
using InnoCenter.Web.Data;
using InnoCenter.Web.Features.Centers;
using InnoCenter.Web.Features.Ledger;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Policy;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Plans;

/// <summary>
/// What the plan pages and API read: a center's plan and its history, its plan against actuals in a year, and the
/// centers behind their plan (the warnings a board lists). The officer reads every center; a center's staff their own.
/// </summary>
public sealed class PlanQueries(AppDbContext db, CenterAccess access, PlanProgressQueries progress, PolicyProvider policy, Text text, TimeProvider clock)
{
    public async Task<bool> CanSeeAsync(Guid centerId, CancellationToken ct) => access.IsAdmin || await access.CanEditAsync(centerId, ct);

    public async Task<Result<PlanDto>> GetPlanAsync(Guid centerId, CancellationToken ct)
    {
        var center = await db.Centers.AsNoTracking().Where(c => c.Id == centerId).Select(c => new { c.Id, c.Name, c.ApplicationId, c.ApprovedOn }).FirstOrDefaultAsync(ct);
        if (center is null || !await CanSeeAsync(centerId, ct))
        {
            return Failure.NotFound("plans.center_not_found");
        }

        var revisions = await db.PlanRevisions.AsNoTracking().Include(r => r.Indicators)
            .Where(r => r.CenterId == centerId).OrderByDescending(r => r.Number).ToListAsync(ct);
        var original = await db.Set<PlannedIndicator>().AsNoTracking().Where(i => i.ApplicationId == center.ApplicationId).OrderBy(i => i.Id).ToListAsync(ct);
        var list = revisions.Select(r => new PlanRevisionDto(
                r.Id, r.Number, r.Status.ToString(), text[$"plans.status.{r.Status}"], r.EffectiveFromYear, r.Reason, r.ProposedAt, r.DecidedAt, r.DecisionNote,
                r.Indicators.OrderBy(i => i.Position).Select(i => Indicator(i.Name, i.Unit, i.Figure, i.Year1, i.Year2, i.Year3)).ToList(), r.Version))
            .ToList();
        list.Add(new PlanRevisionDto(
            null, 0, PlanRevisionStatus.Approved.ToString(), text["plans.status.Application"], center.ApprovedOn.Year, null, null, null, null,
            original.Select(i => Indicator(i.Name, i.Unit, i.Figure, i.Year1, i.Year2, i.Year3)).ToList(), 0));
        var open = revisions.Any(r => r.Status == PlanRevisionStatus.Proposed);
        var canPropose = !open && await access.CanEditAsync(centerId, ct);
        return new PlanDto(centerId, center.Name, center.ApprovedOn.Year, center.ApprovedOn.Year + PlanRevision.PlanYears - 1, list, canPropose, access.IsAdmin && open, open);
    }

    public async Task<Result<PlanProgressDto>> ProgressAsync(Guid centerId, int? year, CancellationToken ct)
    {
        var today = clock.TodayInBeijing();
        var y = year ?? today.Year;
        if (LedgerRollup.CheckYear(y) is { } bad)
        {
            return Failure.Validation(bad);
        }

        if (!await db.Centers.AnyAsync(c => c.Id == centerId, ct) || !await CanSeeAsync(centerId, ct))
        {
            return Failure.NotFound("plans.center_not_found");
        }

        var rules = policy.Current.Plans;
        var p = (await progress.ForCenterAsync(centerId, y, rules, today, ct))!;
        var actuals = await db.PlanActuals.AsNoTracking().Where(a => a.CenterId == centerId && a.Year == y)
            .Select(a => new
            {
                a.IndicatorName, a.Evidence, a.Version, a.EvidenceFileId,
                FileName = db.StoredFiles.Where(f => f.Id == a.EvidenceFileId).Select(f => f.OriginalName).FirstOrDefault(),
            })
            .ToDictionaryAsync(a => a.IndicatorName, StringComparer.Ordinal, ct);
        var lines = p.Lines.Select(l =>
        {
            var reported = l.IsLinked ? null : actuals.GetValueOrDefault(l.Name);
            return new PlanLineDto(
                l.Name, l.Unit, l.Figure, l.Figure is { } f ? text["ledger.rollup." + f] : null, l.Target, l.Actual, l.CompletionPercent,
                rules.IsConfigured && l.BehindSchedule, reported?.Evidence, reported?.Version,
                reported?.EvidenceFileId, reported?.FileName);
        }).ToList();
        var canReport = await access.CanEditAsync(centerId, ct) && y <= today.Year;
        return new PlanProgressDto(
            centerId, p.CenterName, y, p.FirstYear, p.FirstYear + PlanRevision.PlanYears - 1, p.RevisionNumber, lines, p.Completion,
            rules.IsConfigured ? p.BehindCount : 0, rules.IsConfigured, canReport);
    }

    /// <summary>
    /// The centers behind their plan in the year (进度滞后预警), most indicators behind first: computed for all centers at
    /// once from the kept roll-up, so a warnings board can read it as it is. Admins only.
    /// </summary>
    public async Task<Result<IReadOnlyList<PlanWarningDto>>> BehindAsync(int? year, CancellationToken ct)
    {
        if (!access.IsAdmin)
        {
            return Failure.Forbidden();
        }

        var today = clock.TodayInBeijing();
        var y = year ?? today.Year;
        if (LedgerRollup.CheckYear(y) is { } bad)
        {
            return Failure.Validation(bad);
        }

        return (await WarningsAsync(y, today, ct)).ToList();
    }

    /// <summary>The warnings without the role check, for the workbench and a warnings board that checks its own reader.</summary>
    public async Task<IReadOnlyList<PlanWarningDto>> WarningsAsync(int year, DateOnly today, CancellationToken ct)
    {
        var rules = policy.Current.Plans;
        if (!rules.IsConfigured)
        {
            return [];
        }

        return (await progress.ForAllAsync(year, rules, today, ct))
            .Where(p => p.BehindCount > 0)
            .OrderByDescending(p => p.BehindCount).ThenBy(p => p.Completion).ThenBy(p => p.CenterName, StringComparer.Ordinal)
            .Select(p => new PlanWarningDto(p.CenterId, p.CenterName, p.Year, p.BehindCount, p.Completion, p.Lines.Where(l => l.BehindSchedule).Select(l => l.Name).ToList()))
            .ToList();
    }

    /// <summary>Proposed revisions waiting for a decision, oldest first. Admins only.</summary>
    public async Task<Result<IReadOnlyList<PendingRevisionDto>>> PendingAsync(CancellationToken ct)
    {
        if (!access.IsAdmin)
        {
            return Failure.Forbidden();
        }

        var rows = await (from r in db.PlanRevisions.AsNoTracking()
                          where r.Status == PlanRevisionStatus.Proposed
                          join c in db.Centers.AsNoTracking() on r.CenterId equals c.Id
                          orderby r.ProposedAt
                          select new PendingRevisionDto(r.Id, c.Id, c.Name, r.Number, r.EffectiveFromYear, r.Reason, r.ProposedAt))
            .Take(Infrastructure.Web.Paging.MaxPageSize).ToListAsync(ct);
        return rows;
    }

    private PlanIndicatorDto Indicator(string name, string unit, string? figure, decimal? y1, decimal? y2, decimal? y3) =>
        new(name, unit, figure, figure is null ? null : text["ledger.rollup." + figure], y1, y2, y3);
}
