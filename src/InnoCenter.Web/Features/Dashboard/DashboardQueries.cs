using InnoCenter.Domain.Applications;
using InnoCenter.Domain.Assessment;
using InnoCenter.Web.Data;
using InnoCenter.Web.Features.Applications;
using InnoCenter.Web.Features.Centers;
using InnoCenter.Web.Features.Ledger;
using InnoCenter.Web.Features.Resources;
using InnoCenter.Web.Infrastructure.Policy;
using Microsoft.EntityFrameworkCore;
using InnoCenter.Web.Infrastructure.Localization;

namespace InnoCenter.Web.Features.Dashboard;

/// <summary>
/// Reads the dashboard's figures from the records in a fixed number of grouped queries, whatever the number of centers,
/// applications or ledger rows: the centers in one read, the applications in two, the ledger through the same yearly
/// roll-up the assessment reads (so the dashboard and the scorecards never disagree), the grades in one, the shared
/// resources' figures through the Resources module's own per-center sums.
/// </summary>
public sealed class DashboardQueries(AppDbContext db, LedgerRollup rollup, ResourceFigures resources, TimeProvider clock)
{
    /// <summary>The ledger figures the dashboard charts, in the order of the plan's assessment content (技术成果、转移扩散、支撑产业、人才、国际合作).</summary>
    public static readonly IReadOnlyList<string> LedgerFigureKeys =
    [
        LedgerRollupKeys.InventionGrants, LedgerRollupKeys.TransferDeals, LedgerRollupKeys.TransferRevenueWan,
        LedgerRollupKeys.IncubatedEnterprises, LedgerRollupKeys.SmeServed, LedgerRollupKeys.TalentHighLevel, LedgerRollupKeys.IntlProjects,
    ];

    /// <summary>Years of ledger history the trend shows, ending with the current year.</summary>
    public const int LedgerYearsShown = 5;

    private static readonly ApplicationStatus[] Submitted = [.. Enum.GetValues<ApplicationStatus>().Where(s => s != ApplicationStatus.Draft)];

    public async Task<DashboardFigures> ComputeAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var centers = await db.Centers.AsNoTracking()
            .Select(c => new CenterFact(c.KeyArea, c.Status, c.ApprovedOn))
            .ToListAsync(ct);

        var submitted = db.Applications.AsNoTracking().Where(a => a.Status != ApplicationStatus.Draft);
        var byStatus = await submitted.GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        // Overdue by the stage days of the pack version each application began under (its kept stage clock).
        var overdue = (await ApplicationStageClocks.OverdueByStageAsync(db, Submitted, now, ct)).Values.Sum();

        var thisYear = clock.TodayInBeijing().Year;
        var years = Enumerable.Range(thisYear - LedgerYearsShown + 1, LedgerYearsShown).ToList();
        var totals = LedgerFigureKeys.ToDictionary(k => k, _ => new decimal[years.Count]);
        for (var i = 0; i < years.Count; i++)
        {
            foreach (var figures in (await rollup.ForYearAsync(years[i], ct)).Values)
            {
                foreach (var key in LedgerFigureKeys)
                {
                    totals[key][i] += figures.GetValueOrDefault(key);
                }
            }
        }

        var published = db.AssessmentResults.AsNoTracking().Where(r => r.PublishedAt != null);
        var latestYear = await published.MaxAsync(r => (int?)r.Year, ct);
        var grades = latestYear is { } y
            ? await published.Where(r => r.Year == y).GroupBy(r => r.Grade).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct)
            : [];

        return new DashboardFigures(
            now, centers, byStatus, overdue, years,
            totals.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<decimal>)kv.Value), latestYear, grades,
            await ResourcesAsync(thisYear, ct));
    }

    /// <summary>The year's resource figures: one row per center from the database, added up here (a row per center, not per booking).</summary>
    private async Task<ResourceSummary?> ResourcesAsync(int year, CancellationToken ct)
    {
        var perCenter = await resources.ForYearAsync(year, FigureGrouping.Center, null, ct);
        if (!perCenter.IsSuccess)
        {
            return null;
        }

        var live = db.ResearchResources.AsNoTracking().Where(r => !r.IsRetired);
        var rows = perCenter.Value;
        return new ResourceSummary(
            year, await live.CountAsync(ct), await live.CountAsync(r => r.OpenToOutside, ct),
            rows.Sum(r => r.AvailableHours), rows.Sum(r => r.UsedHours), rows.Sum(r => r.ExternalHours), rows.Sum(r => r.OutsideHours),
            rows.Sum(r => r.Income));
    }
}
