using InnoCenter.Domain.Assessment;
using InnoCenter.Domain.Centers;
using InnoCenter.Domain.Common;
using InnoCenter.Domain.Policy;
using InnoCenter.Web.Data;
using InnoCenter.Web.Features.Centers;
using InnoCenter.Web.Features.Ledger;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Notifications;
using InnoCenter.Web.Infrastructure.Policy;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Assessment;

/// <summary>
/// Assessment cycles (考核周期): opening one for a year (the pack version frozen into it, eligibility decided, a report
/// pre-filled from the ledger for every eligible center), the list, and the Admin's due / overdue / submitted view.
/// </summary>
public sealed class CycleHandlers(
    AppDbContext db, CurrentUser user, AssessmentAccess access, PolicyVersions packs, ReportFigures rollup, Notifier notifier,
    Text text, TimeProvider clock, ReportPrefiller prefiller)
{
    public async Task<Result<CycleDto>> OpenAsync(OpenCycleRequest request, CancellationToken ct)
    {
        if (!user.IsAdmin)
        {
            return Failure.Forbidden();
        }

        var opened = await OpenCoreAsync(request, user.Id, ct);
        return opened.IsSuccess ? await GetAsync(opened.Value.Id, ct) : opened.Failure!;
    }

    /// <summary>Opens a cycle on behalf of <paramref name="by"/> (the demo seeder has no signed-in Admin) and saves it.</summary>
    public async Task<Result<AssessmentCycle>> OpenCoreAsync(OpenCycleRequest request, Guid? by, CancellationToken ct)
    {
        if (request.Year is not { } year)
        {
            return Failure.Validation(new Error("validation.required", "year"));
        }

        var pack = await packs.FindAsync(request.PolicyCode, request.PolicyVersion, ct);
        if (pack is null)
        {
            return Failure.Validation(new Error("assessment.policy_unknown", "policyCode", request.PolicyCode ?? string.Empty, request.PolicyVersion?.ToString() ?? "—"));
        }

        if (await db.AssessmentCycles.AnyAsync(c => c.Year == year, ct))
        {
            return Failure.Conflict("assessment.cycle_exists", "year", year);
        }

        var today = clock.TodayInBeijing();
        var now = clock.GetUtcNow();
        var created = AssessmentCycle.Open(year, today, request.Deadline, pack.Code, pack.Version, pack.Assessment, by, now);
        if (!created.IsSuccess)
        {
            return created.Failure!;
        }

        var cycle = created.Value;
        var rules = cycle.Rules;
        var shape = new ReportShape(rules);

        // Eligibility needs every center's recognition date, status and, under rectification, its re-check year.
        var centers = await db.Centers.AsNoTracking()
            .Select(c => new { c.Id, c.ApprovedOn, c.Status, c.LeadOrganizationId, c.LegalEntityOrganizationId, c.Name })
            .ToListAsync(ct);
        var rechecks = await RecheckYearsAsync(ct);
        var facts = centers.Select(c => new CenterFacts(c.Id, c.ApprovedOn, StandingOf(c.Status), rechecks.GetValueOrDefault(c.Id))).ToList();
        var outcomes = AssessmentEligibility.DecideAll(rules, facts, year, today);

        var figures = await rollup.ForYearAsync(year, ct);
        var none = new Dictionary<string, decimal>();
        var filing = outcomes.Where(o => o.Outcome.FilesReport()).ToList();
        var reports = filing.Select(o => AnnualReport.Create(
                cycle.Id, o.Center.CenterId, year, o.Outcome == EligibilityOutcome.Recheck,
                figures.GetValueOrDefault(o.Center.CenterId) ?? none, shape.FigureKeys, shape.Manual.Select(i => i.Code), now))
            .ToList();
        await prefiller.ApplyAsync(cycle, reports, ct);
        cycle.RecordExclusions(outcomes.Where(o => !o.Outcome.FilesReport()).Select(o => new CycleExclusion(o.Center.CenterId, o.Outcome)));
        db.AssessmentCycles.Add(cycle);
        db.AnnualReports.AddRange(reports);

        var byCenter = centers.ToDictionary(c => c.Id);
        var staff = await StaffOfAsync(db, reports.Select(r => (byCenter[r.CenterId].LeadOrganizationId, byCenter[r.CenterId].LegalEntityOrganizationId)), ct);
        await notifier.NotifyEachAsync(
            "assessment.notify.opened",
            reports.Select(r => (
                    (IReadOnlyCollection<Guid>)StaffFor(staff, byCenter[r.CenterId].LeadOrganizationId, byCenter[r.CenterId].LegalEntityOrganizationId),
                    (string?)AssessmentLinks.Report(r.Id),
                    new object[] { year, cycle.Deadline.ToString("yyyy-MM-dd") }))
                .ToList(),
            ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            if (await db.AssessmentCycles.AsNoTracking().AnyAsync(c => c.Year == year && c.Id != cycle.Id, ct))
            {
                // Another Admin opened the year at the same moment; the unique index kept theirs.
                return Failure.Conflict("assessment.cycle_exists", "year", year);
            }

            throw;
        }

        return cycle;
    }

    public async Task<Result<CycleDto>> GetAsync(Guid id, CancellationToken ct)
    {
        if (!user.IsAdmin)
        {
            return Failure.NotFound("assessment.cycle_not_found");
        }

        var cycle = await db.AssessmentCycles.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (cycle is null)
        {
            return Failure.NotFound("assessment.cycle_not_found");
        }

        var today = clock.TodayInBeijing();
        var statuses = await db.AnnualReports.Where(r => r.CycleId == id).GroupBy(r => r.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        int Count(ReportStatus s) => statuses.FirstOrDefault(x => x.Key == s)?.Count ?? 0;
        var passed = cycle.DeadlinePassed(today);
        var open = Count(ReportStatus.Draft) + Count(ReportStatus.Returned);
        var counts = new ReportCounts(
            statuses.Sum(s => s.Count),
            passed ? 0 : Count(ReportStatus.Draft),
            passed ? open : 0,
            Count(ReportStatus.Submitted),
            passed ? 0 : Count(ReportStatus.Returned),
            Count(ReportStatus.Accepted));
        var excluded = cycle.Exclusions;
        var excludedIds = excluded.Select(e => e.CenterId).ToList();
        var names = await db.Centers.AsNoTracking().Where(c => excludedIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        return new CycleDto(
            cycle.Id, cycle.Year, cycle.PolicyCode, cycle.PolicyVersion, cycle.StartsOn, cycle.Deadline, passed,
            cycle.Status.ToString(), text[$"assessment.cycle_status.{cycle.Status}"], cycle.OpenedAt, cycle.ScoredAt, cycle.PublishedAt, counts,
            excluded.Select(e => new ExclusionDto(e.CenterId, names.GetValueOrDefault(e.CenterId, string.Empty), e.Outcome.ToString(), text[$"assessment.outcome.{e.Outcome}"]))
                .OrderBy(e => e.CenterName, StringComparer.Ordinal).ToList(),
            cycle.Version,
            cycle.DeadlineChanges.Select(d => new DeadlineChangeDto(d.From, d.To, d.Reason, d.At)).ToList());
    }

    /// <summary>Admins: every cycle. A center's staff: the cycles with a report of theirs, and that report.</summary>
    public async Task<IReadOnlyList<CycleRow>> ListAsync(CancellationToken ct)
    {
        var cycles = await db.AssessmentCycles.AsNoTracking().OrderByDescending(c => c.Year)
            .Select(c => new { c.Id, c.Year, c.Deadline, c.Status }).ToListAsync(ct);
        var counts = await db.AnnualReports.GroupBy(r => r.CycleId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        if (user.IsAdmin)
        {
            return cycles.Select(c => new CycleRow(c.Id, c.Year, c.Deadline, c.Status.ToString(), text[$"assessment.cycle_status.{c.Status}"],
                counts.GetValueOrDefault(c.Id), null, null, null)).ToList();
        }

        var mine = await access.FilingCentersAsync(ct);
        var reports = await (from r in db.AnnualReports.AsNoTracking()
                             join c in db.Centers on r.CenterId equals c.Id
                             where mine.Contains(r.CenterId)
                             select new { r.Id, r.CycleId, r.Status, c.Name }).ToListAsync(ct);
        return cycles.SelectMany(c => reports.Where(r => r.CycleId == c.Id).Select(r => new CycleRow(
                c.Id, c.Year, c.Deadline, c.Status.ToString(), text[$"assessment.cycle_status.{c.Status}"], counts.GetValueOrDefault(c.Id),
                r.Id, text[$"assessment.report_status.{r.Status}"], r.Name)))
            .ToList();
    }

    /// <summary>The Admin's view of who has filed: due (before the deadline), overdue (after it), submitted, returned, accepted.</summary>
    public async Task<Result<PagedResult<ReportRow>>> ReportsAsync(Guid cycleId, ReportFilter filter, CancellationToken ct)
    {
        if (!user.IsAdmin)
        {
            return Failure.NotFound("assessment.cycle_not_found");
        }

        var cycle = await db.AssessmentCycles.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cycleId, ct);
        if (cycle is null)
        {
            return Failure.NotFound("assessment.cycle_not_found");
        }

        var passed = cycle.DeadlinePassed(clock.TodayInBeijing());
        var q = from r in db.AnnualReports.AsNoTracking()
                join c in db.Centers on r.CenterId equals c.Id
                where r.CycleId == cycleId
                select new { Report = r, c.Name };
        switch (filter.State)
        {
            case Filing.Due:
                q = passed ? q.Where(_ => false) : q.Where(x => x.Report.Status == ReportStatus.Draft);
                break;
            case Filing.Overdue:
                q = passed ? q.Where(x => x.Report.Status == ReportStatus.Draft || x.Report.Status == ReportStatus.Returned) : q.Where(_ => false);
                break;
            case Filing.Submitted:
                q = q.Where(x => x.Report.Status == ReportStatus.Submitted);
                break;
            case Filing.Returned:
                q = passed ? q.Where(_ => false) : q.Where(x => x.Report.Status == ReportStatus.Returned);
                break;
            case Filing.Accepted:
                q = q.Where(x => x.Report.Status == ReportStatus.Accepted);
                break;
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var s = filter.Search.Trim();
            q = q.Where(x => x.Name.Contains(s));
        }

        var (page, size) = Paging.Normalize(filter.Page, filter.PageSize);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(x => x.Name).ThenBy(x => x.Report.Id).Skip((page - 1) * size).Take(size)
            .Select(x => new { x.Report.Id, x.Report.CenterId, x.Name, x.Report.Status, x.Report.SubmittedAt, x.Report.SubmittedLate, x.Report.IsRecheck })
            .ToListAsync(ct);
        return new PagedResult<ReportRow>(
            rows.Select(r =>
            {
                var filing = FilingOf(r.Status, passed);
                return new ReportRow(r.Id, r.CenterId, r.Name, r.Status.ToString(), text[$"assessment.report_status.{r.Status}"], filing,
                    text[$"assessment.filing.{filing}"], r.SubmittedAt, r.SubmittedLate, r.IsRecheck);
            }).ToList(),
            page, size, total);
    }

    public static string FilingOf(ReportStatus status, bool deadlinePassed) => status switch
    {
        ReportStatus.Accepted => Filing.Accepted,
        ReportStatus.Submitted => Filing.Submitted,
        _ when deadlinePassed => Filing.Overdue,
        ReportStatus.Returned => Filing.Returned,
        _ => Filing.Due,
    };

    public static AssessmentStanding StandingOf(CenterStatus status) => status switch
    {
        CenterStatus.Revoked => AssessmentStanding.Revoked,
        CenterStatus.UnderRectification => AssessmentStanding.UnderRectification,
        _ => AssessmentStanding.Active,
    };

    /// <summary>The re-check year of each center whose latest decision opened a rectification.</summary>
    public async Task<Dictionary<Guid, int?>> RecheckYearsAsync(CancellationToken ct)
    {
        var rows = await db.AssessmentDecisions.AsNoTracking()
            .Select(d => new { d.CenterId, d.Year, d.Kind, d.RecheckYear }).ToListAsync(ct);
        return rows.GroupBy(r => r.CenterId)
            .Select(g => g.OrderByDescending(r => r.Year).First())
            .Where(r => r.Kind == ConsequenceKind.StartRectification)
            .ToDictionary(r => r.CenterId, r => r.RecheckYear);
    }

    /// <summary>The active CenterUsers of each organisation given, read in one query.</summary>
    public static async Task<Dictionary<Guid, List<Guid>>> StaffOfAsync(AppDbContext db, IEnumerable<(Guid Lead, Guid? LegalEntity)> orgs, CancellationToken ct)
    {
        var ids = orgs.SelectMany(o => o.LegalEntity is { } l ? new[] { o.Lead, l } : [o.Lead]).Distinct().ToList();
        var result = new Dictionary<Guid, List<Guid>>();
        foreach (var chunk in ids.Chunk(500))
        {
            var rows = await (from u in db.Users
                              join ur in db.UserRoles on u.Id equals ur.UserId
                              join role in db.Roles on ur.RoleId equals role.Id
                              where role.Name == Roles.CenterUser && u.IsActive && u.OrganizationId != null && chunk.Contains(u.OrganizationId.Value)
                              select new { u.Id, Org = u.OrganizationId!.Value }).ToListAsync(ct);
            foreach (var r in rows)
            {
                if (!result.TryGetValue(r.Org, out var list))
                {
                    result[r.Org] = list = [];
                }

                list.Add(r.Id);
            }
        }

        return result;
    }

    public static List<Guid> StaffFor(Dictionary<Guid, List<Guid>> staff, Guid lead, Guid? legalEntity) =>
        staff.GetValueOrDefault(lead, []).Concat(legalEntity is { } l ? staff.GetValueOrDefault(l, []) : []).Distinct().ToList();
}

public static class AssessmentLinks
{
    public const string Index = "/Assessment";

    public static string Cycle(Guid id) => $"/Assessment/Cycle/{id}";

    public static string Report(Guid id) => $"/Assessment/Report/{id}";

    public static string Scorecard(Guid reportId) => $"/Assessment/Scorecard/{reportId}";

    public static string Overview(Guid cycleId) => $"/Assessment/Overview/{cycleId}";

    public static string Notice(Guid cycleId) => $"/Notices/Assessment/{cycleId}";
}
