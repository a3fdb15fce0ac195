using InnoCenter.Domain.Ledger;
using InnoCenter.Domain.Resources;
using InnoCenter.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Ledger.Rollup;

/// <summary>
/// 服务中小企业数 per center and year: the enterprises, not the services. An SME counts once a year whether the center
/// typed a service for it in the ledger, or it used one of the center's shared resources (a completed booking) as an
/// organisation whose SME status an Admin confirmed, or both: a typed service is keyed by the enterprise's credit code
/// (its name where it gave none), a booking by the booking organisation's credit code, and the database counts the
/// distinct keys of the union. Bookings are read from the tables (domain types only; no arrow to the Resources module).
/// </summary>
public static class SmeServedFigure
{
    /// <summary>(center, year, count) for one center or all, in the given years or every year with a service or an SME booking.</summary>
    public static async Task<List<(Guid Center, int Year, long Count)>> ComputeAsync(
        AppDbContext db, Guid? center, IReadOnlyCollection<int>? years, CancellationToken ct)
    {
        var typed = db.LedgerSmeServices.AsNoTracking();
        var booked =
            from b in db.ResourceBookings.AsNoTracking()
            where b.Status == BookingStatus.Completed
            join s in db.ResourceSmeStatuses on b.BookerOrganizationId equals s.OrganizationId
            where s.ConfirmedAt != null
            join o in db.Organizations on b.BookerOrganizationId equals o.Id
            select new { b.CenterId, b.Starts, Key = o.CreditCode };
        if (center is { } c)
        {
            typed = typed.Where(x => x.CenterId == c);
            booked = booked.Where(x => x.CenterId == c);
        }

        var ys = years?.ToHashSet();
        if (ys is null)
        {
            ys = (await typed.Select(x => x.Year).Distinct().ToListAsync(ct)).ToHashSet();
            ys.UnionWith(await BookingYearsAsync(booked.Select(b => b.Starts), ct));
        }

        var result = new List<(Guid, int, long)>();
        foreach (var year in ys.Order())
        {
            var from = BeijingTime.At(new DateOnly(year, 1, 1), TimeSpan.Zero);
            var to = BeijingTime.At(new DateOnly(year + 1, 1, 1), TimeSpan.Zero);
            var keys = typed.Where(x => x.Year == year).Select(x => new { x.CenterId, Key = x.EnterpriseKey })
                .Union(booked.Where(b => b.Starts >= from && b.Starts < to).Select(b => new { b.CenterId, b.Key }));
            foreach (var r in await keys.GroupBy(k => k.CenterId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            {
                result.Add((r.Key, year, r.Count));
            }
        }

        return result;
    }

    /// <summary>
    /// The (center, years) whose figure a change of SME statuses touches: every year in which the organisations have a
    /// completed booking, at each center. Read once per confirmation, which is rare.
    /// </summary>
    public static async Task<List<(Guid Center, HashSet<int> Years)>> TouchedByAsync(AppDbContext db, IReadOnlyCollection<Guid> organizations, CancellationToken ct)
    {
        var ids = organizations.ToList();
        var starts = await db.ResourceBookings.AsNoTracking()
            .Where(b => ids.Contains(b.BookerOrganizationId) && b.Status == BookingStatus.Completed)
            .Select(b => new { b.CenterId, b.Starts }).ToListAsync(ct);
        return starts.GroupBy(s => s.CenterId).Select(g => (g.Key, g.Select(s => YearOf(s.Starts)).ToHashSet())).ToList();
    }

    public static int YearOf(DateTimeOffset t) => t.ToBeijingTime().Year;

    private static async Task<IEnumerable<int>> BookingYearsAsync(IQueryable<DateTimeOffset> starts, CancellationToken ct)
    {
        // The first and last start bound the years; both read through the (resource, starts) index order.
        var first = await starts.OrderBy(s => s).Select(s => (DateTimeOffset?)s).FirstOrDefaultAsync(ct);
        var last = await starts.OrderByDescending(s => s).Select(s => (DateTimeOffset?)s).FirstOrDefaultAsync(ct);
        return first is { } f && last is { } l ? Enumerable.Range(YearOf(f), YearOf(l) - YearOf(f) + 1) : [];
    }
}
