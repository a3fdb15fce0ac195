using InnoCenter.Domain.Centers;
using InnoCenter.Domain.Plans;
using InnoCenter.Domain.Policy;
using InnoCenter.Web.Data;
using InnoCenter.Web.Features.Ledger;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Plans;

/// <summary>One indicator of the plan in force, as it stands in plan years 1–3.</summary>
public sealed record PlannedTarget(string Name, string Unit, string? Figure, decimal? Year1, decimal? Year2, decimal? Year3);

/// <summary>A center's plan against actuals in one year, under the plan revision in force for that year (0: the application's).</summary>
public sealed record CenterProgress(
    Guid CenterId, string CenterName, int Year, int FirstYear, int RevisionNumber, IReadOnlyList<PlanLine> Lines, decimal? Completion)
{
    public int BehindCount => Lines.Count(l => l.BehindSchedule);
}

/// <summary>
/// Plan against actuals for one center or all of them in a year, in a fixed number of reads whatever their number:
/// the plan in force (approved revisions, or the approved application's indicators), the kept ledger roll-up
/// (<see cref="LedgerRollup"/>, never the ledger itself) for linked indicators and the reported actuals for free ones.
/// </summary>
public sealed class PlanProgressQueries(AppDbContext db, LedgerRollup rollup)
{
    public async Task<CenterProgress?> ForCenterAsync(Guid centerId, int year, PlanRules rules, DateOnly today, CancellationToken ct)
    {
        var figures = await rollup.ForCenterYearAsync(centerId, year, ct);
        var all = await ComputeAsync(year, centerId, new Dictionary<Guid, IReadOnlyDictionary<string, decimal>> { [centerId] = figures }, rules, today, ct);
        return all.FirstOrDefault();
    }

    /// <summary>Every center that is not revoked, with its progress in the year (centers whose plan sets no target that year have no lines).</summary>
    public async Task<IReadOnlyList<CenterProgress>> ForAllAsync(int year, PlanRules rules, DateOnly today, CancellationToken ct) =>
        await ComputeAsync(year, null, await rollup.ForYearAsync(year, ct), rules, today, ct);

    /// <summary>The plan in force for a year: its revision number (0 for the application's) and its indicators.</summary>
    public async Task<(int Number, IReadOnlyList<PlannedTarget> Targets)> PlanInForceAsync(Guid centerId, int year, CancellationToken ct)
    {
        var plans = await PlansAsync([centerId], year, ct);
        return plans.GetValueOrDefault(centerId);
    }

    private async Task<List<CenterProgress>> ComputeAsync(
        int year, Guid? only, IReadOnlyDictionary<Guid, IReadOnlyDictionary<string, decimal>> figures, PlanRules rules, DateOnly today, CancellationToken ct)
    {
        var centers = await (only is { } one ? db.Centers.AsNoTracking().Where(c => c.Id == one) : db.Centers.AsNoTracking().Where(c => c.Status != CenterStatus.Revoked))
            .Select(c => new { c.Id, c.Name, c.ApprovedOn }).ToListAsync(ct);
        var ids = centers.Select(c => c.Id).ToList();
        var plans = await PlansAsync(ids, year, ct);
        var actualRows = db.PlanActuals.AsNoTracking().Where(a => a.Year == year);
        actualRows = only is { } o ? actualRows.Where(a => a.CenterId == o) : actualRows;
        var actuals = (await actualRows.Select(a => new { a.CenterId, a.IndicatorName, a.Value }).ToListAsync(ct))
            .ToLookup(a => a.CenterId);

        var result = new List<CenterProgress>(centers.Count);
        foreach (var c in centers)
        {
            var firstYear = c.ApprovedOn.Year;
            var (number, targets) = plans.GetValueOrDefault(c.Id);
            var reported = actuals[c.Id].ToDictionary(a => a.IndicatorName, a => a.Value, StringComparer.Ordinal);
            var centerFigures = figures.GetValueOrDefault(c.Id);
            var lines = new List<PlanLine>();
            foreach (var t in targets ?? [])
            {
                if (PlanProgress.TargetFor(firstYear, year, t.Year1, t.Year2, t.Year3) is not { } target)
                {
                    continue;
                }

                decimal? actual = t.Figure is { } key
                    ? centerFigures?.GetValueOrDefault(key) ?? 0m
                    : reported.TryGetValue(t.Name, out var v) ? v : null;
                lines.Add(PlanProgress.Evaluate(t.Name, t.Unit, t.Figure, target, actual, year, today, rules.BehindSchedulePercent));
            }

            result.Add(new CenterProgress(c.Id, c.Name, year, firstYear, number, lines, PlanProgress.Completion(lines, rules.CompletionCapPercent)));
        }

        return result;
    }

    /// <summary>The plan in force per center for the year: the latest approved revision counting from it or before, or the application's indicators.</summary>
    private async Task<Dictionary<Guid, (int Number, IReadOnlyList<PlannedTarget> Targets)>> PlansAsync(IReadOnlyList<Guid> centerIds, int year, CancellationToken ct)
    {
        var revisions = await db.PlanRevisions.AsNoTracking()
            .Where(r => centerIds.Contains(r.CenterId) && r.Status == PlanRevisionStatus.Approved && r.EffectiveFromYear <= year)
            .Select(r => new { r.Id, r.CenterId, r.Number, r.EffectiveFromYear }).ToListAsync(ct);
        var chosen = revisions.GroupBy(r => r.CenterId)
            .ToDictionary(g => g.Key, g => PlanProgress.InForce(g, year, r => r.Number, r => r.EffectiveFromYear)!);
        var chosenIds = chosen.Values.Select(r => r.Id).ToList();
        var revised = (await db.PlanIndicators.AsNoTracking().Where(i => chosenIds.Contains(i.RevisionId))
                .OrderBy(i => i.Position)
                .Select(i => new { i.RevisionId, Target = new PlannedTarget(i.Name, i.Unit, i.Figure, i.Year1, i.Year2, i.Year3) })
                .ToListAsync(ct))
            .ToLookup(i => i.RevisionId, i => i.Target);

        var fromApplication = centerIds.Where(id => !chosen.ContainsKey(id)).ToList();
        var original = (await (from c in db.Centers.AsNoTracking()
                               where fromApplication.Contains(c.Id)
                               join i in db.Set<Domain.Applications.PlannedIndicator>().AsNoTracking() on c.ApplicationId equals i.ApplicationId
                               orderby i.Id
                               select new { CenterId = c.Id, Target = new PlannedTarget(i.Name, i.Unit, i.Figure, i.Year1, i.Year2, i.Year3) })
                .ToListAsync(ct))
            .ToLookup(i => i.CenterId, i => i.Target);

        var plans = new Dictionary<Guid, (int, IReadOnlyList<PlannedTarget>)>();
        foreach (var id in centerIds)
        {
            plans[id] = chosen.TryGetValue(id, out var r)
                ? (r.Number, revised[r.Id].ToList())
                : (0, original[id].ToList());
        }

        return plans;
    }
}
