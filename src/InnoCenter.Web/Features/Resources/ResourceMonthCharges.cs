using InnoCenter.Domain.Resources;
using InnoCenter.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Resources;

/// <summary>
/// Computes and stores <see cref="ResourceMonthCharge"/> rows from the bookings: the one definition of a month's charge
/// per payer (the bookings <see cref="ResourceFigures.StatementQuery"/> charges, those with a charge), used by the keeper
/// for the (payer, month) slices a write touched and by the rebuild for all of them.
/// </summary>
public static class ResourceMonthCharges
{
    private const int LockClass = 0x52657343; // "ResC"

    /// <summary>A (payer, year, month) slice of the charges.</summary>
    public readonly record struct Slice(Guid Payer, int Year, int Month);

    /// <summary>The bookings of the month's statements that carry a charge.</summary>
    private static IQueryable<ResourceBooking> Charged(AppDbContext db, int year, int month)
    {
        var (from, to) = ResourceFigures.MonthBounds(year, month);
        return ResourceFigures.Charged(db.ResourceBookings.AsNoTracking()).Where(b => b.Starts >= from && b.Starts < to && b.ChargeFen > 0);
    }

    /// <summary>Every payer's charge of the month, with the payer's name and whether its statement is recorded paid.</summary>
    public static async Task<List<ResourceMonthCharge>> ComputeMonthAsync(AppDbContext db, int year, int month, CancellationToken ct)
    {
        var sums = Charged(db, year, month).GroupBy(b => b.BookerOrganizationId).Select(g => new { g.Key, Fen = g.Sum(b => b.ChargeFen) });
        var rows = await (from s in sums
                          join o in db.Organizations.AsNoTracking() on s.Key equals o.Id
                          select new { s.Key, s.Fen, o.Name, Paid = PaidOf(db, year, month).Any(p => p.OrganizationId == s.Key) }).ToListAsync(ct);
        return rows.Select(s => new ResourceMonthCharge(s.Key, year, month, s.Fen, s.Name, s.Paid)).ToList();
    }

    /// <summary>The statements of the month recorded paid.</summary>
    private static IQueryable<StatementPayment> PaidOf(AppDbContext db, int year, int month) =>
        db.ResourceStatementPayments.AsNoTracking().Where(p => p.Year == year && p.Month == month && p.Status == StatementPaymentState.Paid);

    /// <summary>Keeps the payer's name in its rows in step with a rename, inside the caller's transaction.</summary>
    public static async Task RenameAsync(AppDbContext db, IReadOnlyCollection<Guid> payers, CancellationToken ct)
    {
        foreach (var payer in payers)
        {
            var name = await db.Organizations.AsNoTracking().Where(o => o.Id == payer).Select(o => o.Name).FirstOrDefaultAsync(ct);
            if (name is not null)
            {
                await db.ResourceMonthCharges.Where(c => c.PayerOrganizationId == payer && c.PayerName != name)
                    .ExecuteUpdateAsync(u => u.SetProperty(c => c.PayerName, name), ct);
            }
        }
    }

    /// <summary>Replaces the rows of the slices with freshly computed ones, inside the caller's transaction.</summary>
    public static async Task RefreshAsync(AppDbContext db, IReadOnlyCollection<Slice> slices, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            // Two writers of one payer's month (bookings of two resources) would each sum without the other's booking; a
            // transaction-scoped lock per slice, taken in one order, makes the second sum after the first commits.
            // SQLite's one writer does the same.
            foreach (var key in slices.Select(s => AdvisoryLockKey.Of($"{s.Payer:N}|{s.Year}|{s.Month}")).Distinct().Order())
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockClass}, {key})", ct);
            }
        }

        foreach (var s in slices)
        {
            var payer = s.Payer;
            var fen = await Charged(db, s.Year, s.Month).Where(b => b.BookerOrganizationId == payer).SumAsync(b => (long?)b.ChargeFen, ct);
            await db.ResourceMonthCharges.Where(c => c.Year == s.Year && c.Month == s.Month && c.PayerOrganizationId == payer).ExecuteDeleteAsync(ct);
            if (fen is { } total)
            {
                var name = await db.Organizations.AsNoTracking().Where(o => o.Id == payer).Select(o => o.Name).FirstOrDefaultAsync(ct) ?? string.Empty;
                var paid = await PaidOf(db, s.Year, s.Month).AnyAsync(p => p.OrganizationId == payer, ct);
                await InsertAsync(db, new ResourceMonthCharge(payer, s.Year, s.Month, total, name, paid), ct);
            }
        }
    }

    /// <summary>Recomputes every row from the bookings in one transaction; the <c>rollup-rebuild</c> verb and a pending marker call it.</summary>
    public static Task<int> RebuildAsync(AppDbContext db, CancellationToken ct) =>
        KeptTable.RebuildAsync(db, "ResourceMonthCharges", async () =>
        {
            await db.ResourceMonthCharges.ExecuteDeleteAsync(ct);
            var first = await db.ResourceBookings.AsNoTracking().OrderBy(b => b.Starts).Select(b => (DateTimeOffset?)b.Starts).FirstOrDefaultAsync(ct);
            var last = await db.ResourceBookings.AsNoTracking().OrderByDescending(b => b.Starts).Select(b => (DateTimeOffset?)b.Starts).FirstOrDefaultAsync(ct);
            var count = 0;
            if (first is { } f && last is { } l)
            {
                var (from, to) = (f.ToBeijingTime(), l.ToBeijingTime());
                for (var m = new DateOnly(from.Year, from.Month, 1); m <= new DateOnly(to.Year, to.Month, 1); m = m.AddMonths(1))
                {
                    foreach (var row in await ComputeMonthAsync(db, m.Year, m.Month, ct))
                    {
                        await InsertAsync(db, row, ct);
                        count++;
                    }
                }
            }

            return count;
        }, ct);

    /// <summary>Runs the rebuild when the migration (or a generated database) left the marker row; a no-op otherwise.</summary>
    public static Task<bool> RunIfPendingAsync(AppDbContext db, CancellationToken ct) =>
        KeptTable.RunIfPendingAsync(db.ResourceMonthCharges.Where(c => c.Year == ResourceMonthCharge.RebuildPendingYear), () => RebuildAsync(db, ct), ct);

    private static Task<int> InsertAsync(AppDbContext db, ResourceMonthCharge row, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync(
            $"INSERT INTO \"ResourceMonthCharges\" (\"Year\", \"Month\", \"PayerOrganizationId\", \"ChargeFen\", \"PayerName\", \"Paid\") VALUES ({row.Year}, {row.Month}, {row.PayerOrganizationId}, {row.ChargeFen}, {row.PayerName}, {row.Paid})", ct);
}
