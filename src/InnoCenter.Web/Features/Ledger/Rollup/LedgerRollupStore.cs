using System.Text;
using InnoCenter.Domain.Ledger;
using InnoCenter.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Ledger.Rollup;

/// <summary>
/// Writes kept roll-up rows, inside the caller's transaction. Recomputing a (center, family, years) slice from the
/// records is right under concurrency only when no other writer of that center recomputes at the same time with an
/// older view: on SQLite the database's single writer lock (held since the ledger write) gives that; on PostgreSQL a
/// transaction-scoped advisory lock per center does, taken before the recomputing reads, so those reads (each statement
/// a fresh snapshot under READ COMMITTED) see every earlier writer's committed records.
/// </summary>
public static class LedgerRollupStore
{
    // Two-key advisory locks (a key space apart from the one-key locks other features take).
    private const int RebuildLockClass = 0x526F6C6C; // "Roll"
    private const int CenterLockClass = 0x526F6C43; // "RolC"
    private const int InsertChunk = 400;

    /// <summary>Every ledger write holds this lock shared and a rebuild holds it alone, so a rebuild never interleaves with a keeper.</summary>
    public static async Task LockForKeepingAsync(AppDbContext db, IEnumerable<Guid> centers, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            return;
        }

        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock_shared({RebuildLockClass}, 0)", ct);

        // Always in the same order, so two writers of the same centers never wait for each other in a cycle.
        foreach (var key in centers.Select(AdvisoryLockKey.Of).Distinct().Order())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({CenterLockClass}, {key})", ct);
        }
    }

    public static async Task LockForRebuildAsync(AppDbContext db, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({RebuildLockClass}, 0)", ct);
        }
    }

    /// <summary>Replaces one center's rows of one family in the given years with the rows recomputed from the records.</summary>
    public static async Task RefreshAsync(AppDbContext db, Guid center, string family, IReadOnlyCollection<int> years, CancellationToken ct)
    {
        var rows = await LedgerRollupFigures.ComputeAsync(db, family, center, years, ct);
        var prefix = family + "/";
        var ys = years.ToList();
        await db.LedgerRollupRows.Where(r => r.CenterId == center && ys.Contains(r.Year) && r.Figure.StartsWith(prefix)).ExecuteDeleteAsync(ct);
        await InsertAsync(db, rows, ct);
    }

    /// <summary>Inserts rows in multi-row statements; EF maps each parameter as it maps the column (GUIDs as the provider stores them).</summary>
    public static async Task InsertAsync(AppDbContext db, IReadOnlyList<LedgerRollupRow> rows, CancellationToken ct)
    {
        for (var start = 0; start < rows.Count; start += InsertChunk)
        {
            var chunk = rows.Skip(start).Take(InsertChunk).ToList();
            var sql = new StringBuilder("INSERT INTO \"LedgerRollupRows\" (\"CenterId\", \"Year\", \"Figure\", \"Running\", \"Value\") VALUES ");
            var args = new object[chunk.Count * 5];
            for (var i = 0; i < chunk.Count; i++)
            {
                var r = chunk[i];
                var p = i * 5;
                sql.Append(i == 0 ? "" : ", ").Append($"({{{p}}}, {{{p + 1}}}, {{{p + 2}}}, {{{p + 3}}}, {{{p + 4}}})");
                args[p] = r.CenterId;
                args[p + 1] = r.Year;
                args[p + 2] = r.Figure;
                args[p + 3] = r.Running;
                args[p + 4] = r.Value;
            }

            await db.Database.ExecuteSqlRawAsync(sql.ToString(), args, ct);
        }
    }
}
