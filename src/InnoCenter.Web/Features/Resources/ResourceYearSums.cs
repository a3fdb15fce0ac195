using System.Text;
using InnoCenter.Domain.Resources;
using InnoCenter.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Resources;

/// <summary>
/// Computes and stores <see cref="ResourceYearFigure"/> rows from the bookings: the one definition of the yearly sums,
/// used by the keeper for the resources a write touched and by the rebuild for all of them.
/// </summary>
public static class ResourceYearSums
{
    private const int LockClass = 0x52657346; // "ResF"
    private const int InsertChunk = 400;

    /// <summary>The sums of the bookings that started in the year (Beijing), per resource and owner; for some resources or all.</summary>
    public static async Task<List<ResourceYearFigure>> ComputeAsync(AppDbContext db, IReadOnlyCollection<Guid>? resources, int year, CancellationToken ct)
    {
        var (from, to) = ResourceFigures.YearBounds(year);
        var q = db.ResourceBookings.AsNoTracking().Where(b => b.Starts >= from && b.Starts < to);
        if (resources is not null)
        {
            var ids = resources.ToList();
            q = q.Where(b => ids.Contains(b.ResourceId));
        }

        var sums = await q.GroupBy(b => new { b.ResourceId, b.OwnerOrganizationId, b.CenterId }).Select(g => new
        {
            g.Key,
            Booked = g.Sum(b => b.Status == BookingStatus.Approved || b.Status == BookingStatus.Completed || b.Status == BookingStatus.NoShow ? (long)b.BookedMinutes : 0L),
            Used = g.Sum(b => b.Status == BookingStatus.Completed ? (long)(b.UsedMinutes ?? 0) : 0L),
            Member = g.Sum(b => b.Status == BookingStatus.Completed && b.BookerKind == BookerKind.Member ? (long)(b.UsedMinutes ?? 0) : 0L),
            Outside = g.Sum(b => b.Status == BookingStatus.Completed && b.BookerKind == BookerKind.Outside ? (long)(b.UsedMinutes ?? 0) : 0L),
            Income = g.Sum(b => b.ChargeFen),
        }).ToListAsync(ct);
        var names = await NamesAsync(db, [.. sums.Select(s => s.Key.ResourceId).Distinct()], ct);
        return sums.GroupBy(s => s.Key.ResourceId).SelectMany(g =>
        {
            var used = g.Sum(s => s.Used);
            var name = names.GetValueOrDefault(g.Key, string.Empty);
            return g.OrderBy(s => s.Key.OwnerOrganizationId).ThenBy(s => s.Key.CenterId).Select((s, i) => new ResourceYearFigure(
                s.Key.ResourceId, s.Key.OwnerOrganizationId, year, s.Key.CenterId, s.Booked, s.Used, s.Member, s.Outside, s.Income, name, used, i == 0));
        }).ToList();
    }

    /// <summary>The resources' names: a few by key, or all of them (a few thousand) for a whole year's rows.</summary>
    private static async Task<Dictionary<Guid, string>> NamesAsync(AppDbContext db, IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var q = db.ResearchResources.AsNoTracking();
        if (ids.Count <= InsertChunk)
        {
            q = q.Where(r => ids.Contains(r.Id));
        }

        return await q.Select(r => new { r.Id, r.Name }).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
    }

    /// <summary>Carries a resource's new name into its rows, inside the caller's transaction.</summary>
    public static async Task RenameAsync(AppDbContext db, IReadOnlyCollection<Guid> resources, CancellationToken ct)
    {
        foreach (var resource in resources)
        {
            var name = await db.ResearchResources.AsNoTracking().Where(r => r.Id == resource).Select(r => r.Name).FirstOrDefaultAsync(ct);
            if (name is not null)
            {
                await db.ResourceYearFigures.Where(f => f.ResourceId == resource && f.ResourceName != name)
                    .ExecuteUpdateAsync(u => u.SetProperty(f => f.ResourceName, name), ct);
            }
        }
    }

    /// <summary>Replaces the rows of the resources in the year with freshly computed ones, inside the caller's transaction.</summary>
    public static async Task RefreshAsync(AppDbContext db, IReadOnlyCollection<Guid> resources, int year, CancellationToken ct)
    {
        var rows = await ComputeAsync(db, resources, year, ct);
        var ids = resources.ToList();
        await db.ResourceYearFigures.Where(f => f.Year == year && ids.Contains(f.ResourceId)).ExecuteDeleteAsync(ct);
        await InsertAsync(db, rows, ct);
    }

    /// <summary>
    /// On PostgreSQL each writer recomputes under a transaction-scoped lock per resource, taken in one order, so two
    /// writers of one resource never both recompute from a view without the other's booking; SQLite's single writer
    /// lock, held since the booking write, does the same.
    /// </summary>
    public static async Task LockAsync(AppDbContext db, IEnumerable<Guid> resources, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            return;
        }

        foreach (var key in resources.Select(AdvisoryLockKey.Of).Distinct().Order())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockClass}, {key})", ct);
        }
    }

    public static async Task InsertAsync(AppDbContext db, IReadOnlyList<ResourceYearFigure> rows, CancellationToken ct)
    {
        const int columns = 12;
        for (var start = 0; start < rows.Count; start += InsertChunk)
        {
            var chunk = rows.Skip(start).Take(InsertChunk).ToList();
            var sql = new StringBuilder("INSERT INTO \"ResourceYearFigures\" (\"ResourceId\", \"OwnerOrganizationId\", \"Year\", \"CenterId\", \"BookedMinutes\", \"UsedMinutes\", \"MemberMinutes\", \"OutsideMinutes\", \"IncomeFen\", \"ResourceName\", \"ResourceUsedMinutes\", \"Lead\") VALUES ");
            var args = new object[chunk.Count * columns];
            for (var i = 0; i < chunk.Count; i++)
            {
                var r = chunk[i];
                var p = i * columns;
                sql.Append(i == 0 ? "(" : ", (").Append(string.Join(", ", Enumerable.Range(p, columns).Select(n => $"{{{n}}}"))).Append(')');
                args[p] = r.ResourceId;
                args[p + 1] = r.OwnerOrganizationId;
                args[p + 2] = r.Year;
                args[p + 3] = r.CenterId;
                args[p + 4] = r.BookedMinutes;
                args[p + 5] = r.UsedMinutes;
                args[p + 6] = r.MemberMinutes;
                args[p + 7] = r.OutsideMinutes;
                args[p + 8] = r.IncomeFen;
                args[p + 9] = r.ResourceName;
                args[p + 10] = r.ResourceUsedMinutes;
                args[p + 11] = r.Lead;
            }

            await db.Database.ExecuteSqlRawAsync(sql.ToString(), args, ct);
        }
    }

    /// <summary>Recomputes every row from the bookings in one transaction; the <c>rollup-rebuild</c> verb and a pending marker call it.</summary>
    public static Task<int> RebuildAsync(AppDbContext db, CancellationToken ct) =>
        KeptTable.RebuildAsync(db, "ResourceYearFigures", async () =>
        {
            await db.ResourceYearFigures.ExecuteDeleteAsync(ct);
            await ResourceAvailability.ClearAsync(db, ct);
            var first = await db.ResourceBookings.AsNoTracking().OrderBy(b => b.Starts).Select(b => (DateTimeOffset?)b.Starts).FirstOrDefaultAsync(ct);
            var last = await db.ResourceBookings.AsNoTracking().OrderByDescending(b => b.Starts).Select(b => (DateTimeOffset?)b.Starts).FirstOrDefaultAsync(ct);
            var count = 0;
            if (first is { } f && last is { } l)
            {
                for (var year = f.ToBeijingTime().Year; year <= l.ToBeijingTime().Year; year++)
                {
                    var rows = await ComputeAsync(db, null, year, ct);
                    await InsertAsync(db, rows, ct);
                    count += rows.Count;
                }
            }

            return count;
        }, ct);

    /// <summary>Runs the rebuild when the migration (or a generated database) left the marker row; a no-op otherwise.</summary>
    public static Task<bool> RunIfPendingAsync(AppDbContext db, CancellationToken ct) =>
        KeptTable.RunIfPendingAsync(db.ResourceYearFigures.Where(f => f.Year == ResourceYearFigure.RebuildPendingYear), () => RebuildAsync(db, ct), ct);
}
