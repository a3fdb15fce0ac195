using System.Text;
using InnoCenter.Domain.Resources;
using InnoCenter.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Resources;

/// <summary>
/// 可用机时 per resource, owner or center for a year, read from the kept <see cref="ResourceYearAvailability"/> rows.
/// A year's rows are computed for every resource once, at the year's first read (set-based: two queries and the
/// calendar arithmetic once per distinct hours); <see cref="ResourceAvailabilityKeeper"/> recomputes a resource in
/// every filled year when it or its blackouts are written.
/// </summary>
public sealed class ResourceAvailability(AppDbContext db)
{
    private const int LockClass = 0x52657341; // "ResA"

    /// <summary>Above this many keys the year is read whole and looked up in memory.</summary>
    public const int WholeYearAbove = 200;

    /// <summary>The year's available minutes per key (resource, owner or center).</summary>
    public async Task<Dictionary<Guid, long>> MinutesAsync(FigureGrouping by, IReadOnlyCollection<Guid> keys, int year, CancellationToken ct)
    {
        await EnsureYearAsync(year, ct);
        var ids = keys.ToList();
        var q = db.ResourceYearAvailabilities.AsNoTracking().Where(a => a.Year == year && a.ResourceId != ResourceYearAvailability.YearFilledMarker);

        // Many keys (all centers of a year): the year's rows grouped whole beat a list of a thousand parameters.
        var all = ids.Count > WholeYearAbove;
        var rows = by switch
        {
            FigureGrouping.Owner => (all ? q : q.Where(a => ids.Contains(a.OwnerOrganizationId))).GroupBy(a => a.OwnerOrganizationId),
            FigureGrouping.Center => (all ? q : q.Where(a => ids.Contains(a.CenterId))).GroupBy(a => a.CenterId),
            _ => (all ? q : q.Where(a => ids.Contains(a.ResourceId))).GroupBy(a => a.ResourceId),
        };
        return await rows.Select(g => new { g.Key, Minutes = g.Sum(a => a.AvailableMinutes) }).ToDictionaryAsync(g => g.Key, g => g.Minutes, ct);
    }

    /// <summary>
    /// Computes and stores the year's rows for all resources unless they exist. The marker row is written first, so on
    /// SQLite the filler holds the write lock (and sees every committed resource write) before it reads; on PostgreSQL
    /// it holds the lock the keeper takes. Two first readers: one fills, the other finds the marker and reads.
    /// </summary>
    public async Task EnsureYearAsync(int year, CancellationToken ct)
    {
        if (await db.ResourceYearAvailabilities.AsNoTracking().AnyAsync(a => a.ResourceId == ResourceYearAvailability.YearFilledMarker && a.Year == year, ct))
        {
            return;
        }

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await LockAsync(db, ct);
            var marked = await db.Database.ExecuteSqlAsync(
                $"INSERT INTO \"ResourceYearAvailabilities\" (\"ResourceId\", \"Year\", \"OwnerOrganizationId\", \"CenterId\", \"AvailableMinutes\") VALUES ({ResourceYearAvailability.YearFilledMarker}, {year}, {Guid.Empty}, {Guid.Empty}, {0L}) ON CONFLICT DO NOTHING",
                ct);
            if (marked == 1)
            {
                await InsertAsync(db, await ComputeAsync(db, null, year, ct), ct);
            }

            await tx.CommitAsync(ct);
        });
    }

    /// <summary>Recomputes the resources' rows in every filled year, inside the caller's transaction.</summary>
    public static async Task RefreshAsync(AppDbContext db, IReadOnlyCollection<Guid> resources, CancellationToken ct)
    {
        await LockAsync(db, ct);
        var years = await db.ResourceYearAvailabilities.AsNoTracking()
            .Where(a => a.ResourceId == ResourceYearAvailability.YearFilledMarker).Select(a => a.Year).ToListAsync(ct);
        var ids = resources.ToList();
        foreach (var year in years.Order())
        {
            await db.ResourceYearAvailabilities.Where(a => a.Year == year && ids.Contains(a.ResourceId)).ExecuteDeleteAsync(ct);
            await InsertAsync(db, await ComputeAsync(db, ids, year, ct), ct);
        }
    }

    /// <summary>Drops every kept row; each year is computed again at its next read (the rebuild verb).</summary>
    public static Task ClearAsync(AppDbContext db, CancellationToken ct) => db.ResourceYearAvailabilities.ExecuteDeleteAsync(ct);

    /// <summary>
    /// The year's available minutes of the resources (all of them for null): two queries (the resources and their
    /// blackouts in the year); most resources share their hours, so the open minutes are computed once per distinct
    /// hours and start, then each resource's closures alone.
    /// </summary>
    private static async Task<List<ResourceYearAvailability>> ComputeAsync(AppDbContext db, IReadOnlyList<Guid>? ids, int year, CancellationToken ct)
    {
        var (from, to) = ResourceFigures.YearBounds(year);
        var q = db.ResearchResources.AsNoTracking().Where(r => !r.IsRetired && r.CreatedAt < to);
        if (ids is not null)
        {
            q = q.Where(r => ids.Contains(r.Id));
        }

        var resources = await q.Select(r => new { r.Id, r.OwnerOrganizationId, r.CenterId, r.OpeningHoursText, r.CreatedAt }).ToListAsync(ct);
        var b = db.ResourceBlackouts.AsNoTracking().Where(x => x.Ends > from && x.Starts < to);
        if (ids is not null)
        {
            b = b.Where(x => ids.Contains(x.ResourceId));
        }

        var blackouts = (await b.Select(x => new { x.ResourceId, x.Starts, x.Ends }).ToListAsync(ct))
            .ToLookup(x => x.ResourceId, x => new TimeRange(x.Starts, x.Ends));
        var open = new Dictionary<(string Hours, DateTimeOffset Start), long>();
        var rows = new List<ResourceYearAvailability>(resources.Count);
        foreach (var r in resources)
        {
            var hours = OpeningHours.Parse(r.OpeningHoursText);
            if (!hours.IsSuccess)
            {
                continue;
            }

            var start = r.CreatedAt > from ? r.CreatedAt : from;
            if (!open.TryGetValue((r.OpeningHoursText, start), out var opening))
            {
                opening = AvailableHours.OpenMinutes(hours.Value, start, to);
                open[(r.OpeningHoursText, start)] = opening;
            }

            var minutes = opening - AvailableHours.ClosedMinutes(hours.Value, blackouts[r.Id], start, to);
            rows.Add(new ResourceYearAvailability(r.Id, year, r.OwnerOrganizationId, r.CenterId, minutes));
        }

        return rows;
    }

    // Raw inserts, as for the yearly sums: the keeper runs after a save, where a nested SaveChanges is no place to be.
    private static async Task InsertAsync(AppDbContext db, List<ResourceYearAvailability> rows, CancellationToken ct)
    {
        const int columns = 5;
        foreach (var chunk in rows.Chunk(400))
        {
            var sql = new StringBuilder("INSERT INTO \"ResourceYearAvailabilities\" (\"ResourceId\", \"Year\", \"OwnerOrganizationId\", \"CenterId\", \"AvailableMinutes\") VALUES ");
            var args = new object[chunk.Length * columns];
            for (var i = 0; i < chunk.Length; i++)
            {
                var r = chunk[i];
                var p = i * columns;
                sql.Append(i == 0 ? "(" : ", (").Append(string.Join(", ", Enumerable.Range(p, columns).Select(n => $"{{{n}}}"))).Append(')');
                args[p] = r.ResourceId;
                args[p + 1] = r.Year;
                args[p + 2] = r.OwnerOrganizationId;
                args[p + 3] = r.CenterId;
                args[p + 4] = r.AvailableMinutes;
            }

            await db.Database.ExecuteSqlRawAsync(sql.ToString(), args, ct);
        }
    }

    /// <summary>One lock for the fill and the keeper on PostgreSQL, so a fill never stores a view without a concurrent write.</summary>
    private static async Task LockAsync(AppDbContext db, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockClass}, 0)", ct);
        }
    }
}
