using System.Globalization;
using System.Reflection;
using System.Text;
using InnoCenter.Domain.Ledger;
using InnoCenter.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Ledger;

/// <summary>
/// Computes and stores <see cref="LedgerRecordCount"/> rows (records per kind and center) from the ledger tables: the one
/// definition of the kept counts, used by <see cref="LedgerRecordCountsKeeper"/> for the (kind, center) pairs a write
/// touched, by the rebuild for all of them, and by the lists to read a total.
/// </summary>
public static class LedgerRecordCounts
{
    private const int LockClass = 0x4C52436E; // "LRCn"

    private static readonly MethodInfo CountOf = typeof(LedgerRecordCounts).GetMethod(nameof(CountByCenterAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>The kind a record type is counted under: its table's name.</summary>
    public static string KindOf(AppDbContext db, Type recordType) => db.Model.FindEntityType(recordType)?.GetTableName() ?? recordType.Name;

    /// <summary>
    /// The number of records of <typeparamref name="T"/> in <paramref name="center"/>, or in all centers when null,
    /// summed from the kept rows.
    /// </summary>
    public static async Task<int> TotalAsync<T>(AppDbContext db, Guid? center, CancellationToken ct)
        where T : LedgerRecord
    {
        var kind = KindOf(db, typeof(T));
        var rows = db.LedgerRecordCounts.AsNoTracking().Where(r => r.Kind == kind);
        if (center is { } c)
        {
            rows = rows.Where(r => r.CenterId == c);
        }

        return await rows.SumAsync(r => r.Count, ct);
    }

    /// <summary>Replaces the rows of the (kind, center) pairs with freshly counted ones, inside the caller's transaction.</summary>
    public static async Task RefreshAsync(AppDbContext db, IReadOnlyCollection<(Type Record, Guid Center)> touched, CancellationToken ct)
    {
        if (touched.Count == 0)
        {
            return;
        }

        var byType = touched.GroupBy(t => t.Record).Select(g => (Type: g.Key, Kind: KindOf(db, g.Key), Centers: g.Select(t => t.Center).Distinct().Order().ToList()))
            .OrderBy(g => g.Kind, StringComparer.Ordinal).ToList();
        if (db.Database.IsNpgsql())
        {
            // Two writers of one center's kind would each count without the other's record; a transaction-scoped lock per
            // (kind, center), taken in one order, makes the second count after the first commits. SQLite's one writer does the same.
            foreach (var key in byType.SelectMany(g => g.Centers.Select(c => AdvisoryLockKey.Of($"{g.Kind}|{c:N}"))).Distinct().Order())
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockClass}, {key})", ct);
            }
        }

        foreach (var (type, kind, centers) in byType)
        {
            var counted = await CountAsync(db, type, centers, ct);
            await db.LedgerRecordCounts.Where(r => r.Kind == kind && centers.Contains(r.CenterId)).ExecuteDeleteAsync(ct);
            await InsertAsync(db, kind, counted, ct);
        }
    }

    /// <summary>Recomputes every row from the records in one transaction; the <c>rollup-rebuild</c> verb and a pending marker call it.</summary>
    public static Task<int> RebuildAsync(AppDbContext db, CancellationToken ct) =>
        KeptTable.RebuildAsync(db, "LedgerRecordCounts", async () =>
        {
            await db.LedgerRecordCounts.ExecuteDeleteAsync(ct);
            var rows = 0;
            foreach (var type in RecordTypes(db))
            {
                var kind = KindOf(db, type);
                var counted = await CountAsync(db, type, null, ct);
                await InsertAsync(db, kind, counted, ct);
                rows += counted.Count;
            }

            return rows;
        }, ct);

    /// <summary>Runs the rebuild when the migration left the marker row; a no-op otherwise.</summary>
    public static Task<bool> RunIfPendingAsync(AppDbContext db, CancellationToken ct) =>
        KeptTable.RunIfPendingAsync(db.LedgerRecordCounts.Where(r => r.Kind == LedgerRecordCount.RebuildPendingKind), () => RebuildAsync(db, ct), ct);

    /// <summary>Every kept row, ordered, and the same counted from the records: what a test compares.</summary>
    public static async Task<(List<(string Kind, Guid Center, int Count)> Kept, List<(string Kind, Guid Center, int Count)> Counted)> CompareAsync(
        AppDbContext db, CancellationToken ct)
    {
        var kept = (await db.LedgerRecordCounts.AsNoTracking().ToListAsync(ct)).Select(r => (r.Kind, r.CenterId, r.Count));
        var counted = new List<(string, Guid, int)>();
        foreach (var type in RecordTypes(db))
        {
            var kind = KindOf(db, type);
            counted.AddRange((await CountAsync(db, type, null, ct)).Where(c => c.Value > 0).Select(c => (kind, c.Key, c.Value)));
        }

        return ([.. kept.OrderBy(r => r.Kind, StringComparer.Ordinal).ThenBy(r => r.CenterId)],
            [.. counted.OrderBy(r => r.Item1, StringComparer.Ordinal).ThenBy(r => r.Item2)]);
    }

    /// <summary>The ledger's record types, as the model maps them.</summary>
    public static IEnumerable<Type> RecordTypes(AppDbContext db) =>
        db.Model.GetEntityTypes().Select(e => e.ClrType).Where(t => typeof(LedgerRecord).IsAssignableFrom(t) && !t.IsAbstract).OrderBy(t => t.Name, StringComparer.Ordinal);

    private static Task<Dictionary<Guid, int>> CountAsync(AppDbContext db, Type type, IReadOnlyCollection<Guid>? centers, CancellationToken ct) =>
        (Task<Dictionary<Guid, int>>)CountOf.MakeGenericMethod(type).Invoke(null, [db, centers, ct])!;

    private static async Task<Dictionary<Guid, int>> CountByCenterAsync<T>(AppDbContext db, IReadOnlyCollection<Guid>? centers, CancellationToken ct)
        where T : LedgerRecord
    {
        var q = db.Set<T>().AsNoTracking();
        if (centers is not null)
        {
            q = q.Where(x => centers.Contains(x.CenterId));
        }

        var counted = await q.GroupBy(x => x.CenterId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        foreach (var c in centers ?? [])
        {
            counted.TryAdd(c, 0);
        }

        return counted;
    }

    // Raw inserts, many rows to a statement (the rebuild of a national database writes about ten thousand), outside the
    // change tracker: the refresh runs inside the write's SaveChanges.
    private static async Task InsertAsync(AppDbContext db, string kind, IEnumerable<KeyValuePair<Guid, int>> counts, CancellationToken ct)
    {
        foreach (var chunk in counts.Where(c => c.Value > 0).Chunk(250))
        {
            var sql = new StringBuilder("INSERT INTO \"LedgerRecordCounts\" (\"Kind\", \"CenterId\", \"Count\") VALUES ");
            var args = new object[chunk.Length * 3];
            for (var i = 0; i < chunk.Length; i++)
            {
                var p = i * 3;
                sql.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? "" : ", ")}({{{p}}}, {{{p + 1}}}, {{{p + 2}}})");
                (args[p], args[p + 1], args[p + 2]) = (kind, chunk[i].Key, chunk[i].Value);
            }

            await db.Database.ExecuteSqlRawAsync(sql.ToString(), args, ct);
        }
    }
}
