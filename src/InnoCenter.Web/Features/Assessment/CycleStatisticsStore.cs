using InnoCenter.Domain.Assessment;
using InnoCenter.Domain.Policy;
using InnoCenter.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Assessment;

/// <summary>
/// The kept statistics of a cycle (<see cref="CycleStatistics"/>): written by the scorer in its transaction, read by the
/// overview. A cycle scored before they were kept (or a generated database) gets its row at start; until then the
/// overview computes the same figures from the results.
/// </summary>
public static class CycleStatisticsStore
{
    /// <summary>Keeps the figures of freshly scored results, tracked on <paramref name="db"/> for the scorer's save.</summary>
    public static async Task KeepAsync(AppDbContext db, Guid cycleId, CycleFigures figures, DateTimeOffset now, CancellationToken ct)
    {
        var kept = await db.AssessmentCycleStatistics.FirstOrDefaultAsync(s => s.CycleId == cycleId, ct);
        if (kept is null)
        {
            db.AssessmentCycleStatistics.Add(CycleStatistics.For(cycleId, figures, now));
        }
        else
        {
            kept.Replace(figures, now);
        }
    }

    /// <summary>The cycle's figures: the kept row, or computed from its results where none is kept yet.</summary>
    public static async Task<CycleFigures> FiguresAsync(AppDbContext db, Guid cycleId, AssessmentRules rules, CancellationToken ct)
    {
        var json = await db.AssessmentCycleStatistics.AsNoTracking().Where(s => s.CycleId == cycleId).Select(s => s.FiguresJson).FirstOrDefaultAsync(ct);
        return json is not null ? CycleStatistics.Read(json) : await ComputeAsync(db, cycleId, rules, ct);
    }

    /// <summary>The figures recomputed from the stored results: what the kept row must equal.</summary>
    public static Task<CycleFigures> ComputeAsync(AppDbContext db, AssessmentCycle cycle, CancellationToken ct) =>
        ComputeAsync(db, cycle.Id, cycle.Rules, ct);

    private static async Task<CycleFigures> ComputeAsync(AppDbContext db, Guid cycleId, AssessmentRules rules, CancellationToken ct)
    {
        var rows = await (from r in db.AssessmentResults.AsNoTracking()
                          join c in db.Centers on r.CenterId equals c.Id
                          where r.CycleId == cycleId
                          select new { r.ReportId, r.Total, r.Grade, r.IsComplete, r.Unfiled, r.DetailJson, c.Name }).ToListAsync(ct);
        // Only the dimensions of each breakdown are read: the statistics need no indicator lines.
        var results = rows.Select(r => new RankedResult(
            r.ReportId, r.Name, r.Total, r.Grade, r.IsComplete, r.Unfiled,
            System.Text.Json.JsonSerializer.Deserialize<DimensionsOnly>(r.DetailJson, AssessmentCycle.Json)?.Dimensions ?? [])).ToList();
        return CycleFigures.Compute(DimensionCodes(rules), results);
    }

    public static IReadOnlyList<string> DimensionCodes(AssessmentRules rules) =>
        rules.IndicatorSystem.Dimensions.Select(d => d.Code).ToList();

    /// <summary>At start: keeps the figures of every cycle that has results and no row yet. One indexed read otherwise.</summary>
    public static async Task<int> RunIfPendingAsync(AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var pending = await db.AssessmentCycles
            .Where(c => db.AssessmentResults.Any(r => r.CycleId == c.Id) && !db.AssessmentCycleStatistics.Any(s => s.CycleId == c.Id))
            .ToListAsync(ct);
        foreach (var cycle in pending)
        {
            db.AssessmentCycleStatistics.Add(CycleStatistics.For(cycle.Id, await ComputeAsync(db, cycle, ct), clock.GetUtcNow()));
        }

        if (pending.Count > 0)
        {
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        return pending.Count;
    }
}
