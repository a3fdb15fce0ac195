using System.Globalization;
using System.Text;
using InnoCenter.Domain.Funds;
using InnoCenter.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Funds;

/// <summary>
/// Computes and stores <see cref="FundGrantSum"/> rows from a grant's receipts, expenditures, budget shares and clawbacks:
/// the one definition of the kept per-grant figures, used by <see cref="FundGrantSumsKeeper"/> for the grants a write
/// touched, by the rebuild for all of them, and by <see cref="FundFigures"/> to read them back.
/// </summary>
public static class FundGrantSums
{
    private const int LockClass = 0x46756E47; // "FunG"

    /// <summary>Every kept row of the grants (all grants when null), computed from the entries by a few grouped queries.</summary>
    public static async Task<List<FundGrantSum>> ComputeAsync(AppDbContext db, IReadOnlyCollection<Guid>? grants, CancellationToken ct)
    {
        var receipts = db.FundReceipts.AsNoTracking();
        var expenditures = db.FundExpenditures.AsNoTracking();
        var shares = db.FundGrantLineShares.AsNoTracking();
        var clawbacks = db.FundClawbacks.AsNoTracking();
        if (grants is not null)
        {
            receipts = receipts.Where(r => grants.Contains(r.GrantId));
            expenditures = expenditures.Where(e => grants.Contains(e.GrantId));
            shares = shares.Where(s => grants.Contains(s.GrantId));
            clawbacks = clawbacks.Where(c => grants.Contains(c.GrantId));
        }

        var received = await receipts.GroupBy(r => new { r.GrantId, r.Source })
            .Select(g => new { g.Key.GrantId, g.Key.Source, Fen = g.Sum(r => r.AmountFen), First = g.Min(r => r.ReceivedOn) }).ToListAsync(ct);
        var spent = await expenditures.GroupBy(e => new { e.GrantId, e.LineId })
            .Select(g => new { g.Key.GrantId, g.Key.LineId, Fen = g.Sum(e => e.AmountFen), Last = g.Max(e => e.SpentOn) }).ToListAsync(ct);
        var planned = await shares.GroupBy(s => new { s.GrantId, s.Source })
            .Select(g => new { g.Key.GrantId, g.Key.Source, Fen = g.Sum(s => s.AmountFen) }).ToListAsync(ct);
        var clawed = await clawbacks.GroupBy(c => c.GrantId)
            .Select(g => new { GrantId = g.Key, Fen = g.Sum(c => c.AmountFen), Open = g.Count(c => c.SettledOn == null) }).ToListAsync(ct);

        var rows = new List<FundGrantSum>();
        rows.AddRange(received.Select(r => new FundGrantSum(r.GrantId, FundGrantSum.Received, r.Source, r.Fen)));
        rows.AddRange(received.GroupBy(r => r.GrantId).Select(g => new FundGrantSum(g.Key, FundGrantSum.FirstReceived, string.Empty, g.Min(r => r.First).DayNumber)));
        rows.AddRange(spent.Select(s => new FundGrantSum(s.GrantId, FundGrantSum.Spent, LineCode(s.LineId), s.Fen)));
        rows.AddRange(spent.GroupBy(s => s.GrantId).Select(g => new FundGrantSum(g.Key, FundGrantSum.LastSpent, string.Empty, g.Max(s => s.Last).DayNumber)));
        rows.AddRange(planned.Select(p => new FundGrantSum(p.GrantId, FundGrantSum.Planned, p.Source, p.Fen)));
        rows.AddRange(clawed.Select(c => new FundGrantSum(c.GrantId, FundGrantSum.ClawedBack, string.Empty, c.Fen)));
        rows.AddRange(clawed.Where(c => c.Open > 0).Select(c => new FundGrantSum(c.GrantId, FundGrantSum.OpenClawbacks, string.Empty, c.Open)));
        return rows;
    }

    /// <summary>The code of a budget line's spent row.</summary>
    public static string LineCode(Guid lineId) => lineId.ToString("D", CultureInfo.InvariantCulture);

    /// <summary>Replaces the rows of the grants with freshly computed ones, inside the caller's transaction.</summary>
    public static async Task RefreshAsync(AppDbContext db, IReadOnlyCollection<Guid> grants, CancellationToken ct)
    {
        if (grants.Count == 0)
        {
            return;
        }

        if (db.Database.IsNpgsql())
        {
            // Two writers of one grant would each sum without the other's entry; a transaction-scoped lock per grant,
            // taken in one order, makes the second sum after the first commits. SQLite's one writer does the same.
            foreach (var key in grants.Select(g => AdvisoryLockKey.Of(g.ToString("N"))).Distinct().Order())
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockClass}, {key})", ct);
            }
        }

        var ids = grants.ToList();
        await db.FundGrantSums.Where(s => ids.Contains(s.GrantId)).ExecuteDeleteAsync(ct);
        await InsertAsync(db, await ComputeAsync(db, ids, ct), ct);
    }

    /// <summary>Recomputes every row from the entries in one transaction; the <c>rollup-rebuild</c> verb and a pending marker call it.</summary>
    public static Task<int> RebuildAsync(AppDbContext db, CancellationToken ct) =>
        KeptTable.RebuildAsync(db, "FundGrantSums", async () =>
        {
            await db.FundGrantSums.ExecuteDeleteAsync(ct);
            var rows = await ComputeAsync(db, null, ct);
            await InsertAsync(db, rows, ct);
            return rows.Count;
        }, ct);

    /// <summary>Runs the rebuild when the migration left the marker row; a no-op otherwise.</summary>
    public static Task<bool> RunIfPendingAsync(AppDbContext db, CancellationToken ct) =>
        KeptTable.RunIfPendingAsync(db.FundGrantSums.Where(s => s.GrantId == FundGrantSum.RebuildPendingGrant), () => RebuildAsync(db, ct), ct);

    /// <summary>The kept rows of one grant (a compiled statement: the grant's page and API read it each time).</summary>
    public static Task<List<FundGrantSum>> ReadAsync(AppDbContext db, Guid grantId, CancellationToken ct) =>
        GrantReads.Sums.For(db)(db, grantId).ToListAsync(ct).AsTask();

    // Many rows to a statement: the rebuild of a national database writes tens of thousands of them.
    private static async Task InsertAsync(AppDbContext db, IReadOnlyList<FundGrantSum> rows, CancellationToken ct)
    {
        foreach (var chunk in rows.Chunk(250))
        {
            var sql = new StringBuilder("INSERT INTO \"FundGrantSums\" (\"GrantId\", \"Kind\", \"Code\", \"Value\") VALUES ");
            var args = new object[chunk.Length * 4];
            for (var i = 0; i < chunk.Length; i++)
            {
                var p = i * 4;
                sql.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? "" : ", ")}({{{p}}}, {{{p + 1}}}, {{{p + 2}}}, {{{p + 3}}})");
                (args[p], args[p + 1], args[p + 2], args[p + 3]) = (chunk[i].GrantId, chunk[i].Kind, chunk[i].Code, chunk[i].Value);
            }

            await db.Database.ExecuteSqlRawAsync(sql.ToString(), args, ct);
        }
    }
}
