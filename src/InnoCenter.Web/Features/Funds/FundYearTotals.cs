using InnoCenter.Domain.Funds;
using InnoCenter.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Funds;

/// <summary>
/// Computes and stores <see cref="FundYearTotal"/> rows from the receipts and expenditures: the one definition of the
/// yearly totals, used by the keeper for the slices a write touched and by the rebuild for all of them.
/// </summary>
public static class FundYearTotals
{
    private const int LockClass = 0x46756E54; // "FunT"

    /// <summary>A (year, kind, code) slice of the totals.</summary>
    public readonly record struct Slice(int Year, string Kind, string Code);

    /// <summary>Every total of the entries dated in the year, both kinds, per code.</summary>
    public static async Task<List<FundYearTotal>> ComputeYearAsync(AppDbContext db, int year, CancellationToken ct)
    {
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var received = await db.FundReceipts.AsNoTracking().Where(r => r.ReceivedOn >= from && r.ReceivedOn <= to)
            .GroupBy(r => r.Source).Select(g => new { g.Key, Fen = g.Sum(r => r.AmountFen) }).ToListAsync(ct);
        var spent = await db.FundExpenditures.AsNoTracking().Where(e => e.SpentOn >= from && e.SpentOn <= to)
            .GroupBy(e => e.Category).Select(g => new { g.Key, Fen = g.Sum(e => e.AmountFen) }).ToListAsync(ct);
        return [
            .. received.Select(r => new FundYearTotal(year, FundYearTotal.Received, r.Key, r.Fen)),
            .. spent.Select(s => new FundYearTotal(year, FundYearTotal.Spent, s.Key, s.Fen)),
        ];
    }

    /// <summary>Replaces the rows of the slices with freshly computed ones, inside the caller's transaction.</summary>
    public static async Task RefreshAsync(AppDbContext db, IReadOnlyCollection<Slice> slices, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            // Two writers of one slice would each sum without the other's entry; a transaction-scoped lock per slice,
            // taken in one order, makes the second sum after the first commits. SQLite's one writer does the same.
            foreach (var key in slices.Select(s => AdvisoryLockKey.Of($"{s.Year}|{s.Kind}|{s.Code}")).Distinct().Order())
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockClass}, {key})", ct);
            }
        }

        foreach (var s in slices)
        {
            var (from, to) = (new DateOnly(s.Year, 1, 1), new DateOnly(s.Year, 12, 31));
            var fen = s.Kind == FundYearTotal.Received
                ? await db.FundReceipts.AsNoTracking().Where(r => r.ReceivedOn >= from && r.ReceivedOn <= to && r.Source == s.Code).SumAsync(r => (long?)r.AmountFen, ct)
                : await db.FundExpenditures.AsNoTracking().Where(e => e.SpentOn >= from && e.SpentOn <= to && e.Category == s.Code).SumAsync(e => (long?)e.AmountFen, ct);
            await db.FundYearTotals.Where(t => t.Year == s.Year && t.Kind == s.Kind && t.Code == s.Code).ExecuteDeleteAsync(ct);
            if (fen is { } total)
            {
                await db.Database.ExecuteSqlAsync(
                    $"INSERT INTO \"FundYearTotals\" (\"Year\", \"Kind\", \"Code\", \"Fen\") VALUES ({s.Year}, {s.Kind}, {s.Code}, {total})", ct);
            }
        }
    }

    /// <summary>Recomputes every row from the entries in one transaction; the <c>rollup-rebuild</c> verb and a pending marker call it.</summary>
    public static Task<int> RebuildAsync(AppDbContext db, CancellationToken ct) =>
        KeptTable.RebuildAsync(db, "FundYearTotals", async () =>
        {
            await db.FundYearTotals.ExecuteDeleteAsync(ct);
            var years = (await db.FundReceipts.AsNoTracking().Select(r => r.ReceivedOn.Year).Distinct().ToListAsync(ct))
                .Union(await db.FundExpenditures.AsNoTracking().Select(e => e.SpentOn.Year).Distinct().ToListAsync(ct)).Order().ToList();
            var count = 0;
            foreach (var year in years)
            {
                foreach (var row in await ComputeYearAsync(db, year, ct))
                {
                    await db.Database.ExecuteSqlAsync(
                        $"INSERT INTO \"FundYearTotals\" (\"Year\", \"Kind\", \"Code\", \"Fen\") VALUES ({row.Year}, {row.Kind}, {row.Code}, {row.Fen})", ct);
                    count++;
                }
            }

            return count;
        }, ct);

    /// <summary>Runs the rebuild when the migration (or a generated database) left the marker row; a no-op otherwise.</summary>
    public static Task<bool> RunIfPendingAsync(AppDbContext db, CancellationToken ct) =>
        KeptTable.RunIfPendingAsync(db.FundYearTotals.Where(t => t.Year == FundYearTotal.RebuildPendingYear), () => RebuildAsync(db, ct), ct);
}
