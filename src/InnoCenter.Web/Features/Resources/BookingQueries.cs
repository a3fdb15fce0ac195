using InnoCenter.Domain.Common;
using InnoCenter.Domain.Resources;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Resources;

/// <summary>Reads of bookings: one booking, the user's own, the approval queue, the managed set and a resource's calendar.</summary>
public sealed class BookingQueries(AppDbContext db, ResourceAccess access, TimeProvider clock)
{
    /// <summary>A calendar shows at most this many bookings of one resource in one span.</summary>
    private const int PerResource = 500;

    public async Task<Result<BookingDto>> GetAsync(Guid id, CancellationToken ct)
    {
        var b = await db.ResourceBookings.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (b is null)
        {
            return Failure.NotFound("resources.booking_not_found");
        }

        if (b.BookerUserId != access.UserId && !access.IsAdmin && !await access.CanManageAsync(b.CenterId, b.OwnerOrganizationId, ct))
        {
            return Failure.NotFound("resources.booking_not_found");
        }

        return await DtoAsync(id, ct);
    }

    /// <summary>The user's own bookings, newest first.</summary>
    public Task<PagedResult<BookingDto>> MineAsync(BookingFilter f, CancellationToken ct)
    {
        var me = access.UserId ?? Guid.Empty;
        return PageAsync(db.ResourceBookings.AsNoTracking().Where(b => b.BookerUserId == me), f, ct);
    }

    /// <summary>待审批: pending, unexpired bookings of the resources the user manages, oldest first.</summary>
    public async Task<PagedResult<BookingDto>> ApprovalsAsync(BookingFilter f, CancellationToken ct)
    {
        var q = await ManagedBookingsAsync(ct);
        var now = clock.GetUtcNow();
        var status = Enum.TryParse<BookingStatus>(f.Status, true, out var s) ? s : BookingStatus.Pending;
        q = q.Where(b => b.Status == status);
        if (status == BookingStatus.Pending)
        {
            q = q.Where(b => b.ExpiresAt > now);
        }

        return await PageAsync(q, f with { Status = null }, ct, oldestFirst: true);
    }

    /// <summary>The bookings of the resources the user manages (all of them for an Admin).</summary>
    public async Task<IQueryable<ResourceBooking>> ManagedBookingsAsync(CancellationToken ct)
    {
        var q = db.ResourceBookings.AsNoTracking();
        if (access.IsAdmin)
        {
            return q;
        }

        var org = access.OrganizationId ?? Guid.Empty;
        var centers = await access.CentersEditedAsync(ct);
        return q.Where(b => b.OwnerOrganizationId == org || centers.Contains(b.CenterId));
    }

    /// <summary>A week (or any span) of one resource: its busy times (active and finished bookings), for its calendar.</summary>
    public Task<IReadOnlyList<ScheduleBookingDto>> CalendarAsync(Guid resourceId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        BusyAsync([resourceId], from, to, ct);

    /// <summary>
    /// The busy times of several resources in a span, for the calendars and the week and day views that anyone signed in may open: each
    /// booking's time, state and booking organisation only — not its booker, purpose or charge, which are the booker's
    /// and the owner's. Each resource's bookings in time order, at most <see cref="PerResource"/> a resource.
    /// </summary>
    public async Task<IReadOnlyList<ScheduleBookingDto>> BusyAsync(IReadOnlyCollection<Guid> resourceIds, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        if (resourceIds.Count == 0)
        {
            return [];
        }

        var rows = await (from b in ActiveIn(resourceIds, @from, to)
                          join o in db.Organizations on b.BookerOrganizationId equals o.Id
                          orderby b.Starts
                          select new { b.Id, b.ResourceId, b.Starts, b.Ends, b.Status, b.ExpiresAt, Booker = o.Name })
            .Take(PerResource * resourceIds.Count).ToListAsync(ct);
        return Shown(rows, clock.GetUtcNow(), r => r.ResourceId, r => r.Status, r => r.ExpiresAt)
            .Select(r => new ScheduleBookingDto(r.Id, r.ResourceId, r.Starts, r.Ends, r.Status, r.Booker)).ToList();
    }

    /// <summary>The bookings of these resources that hold time in the span (not cancelled, rejected or expired).</summary>
    private IQueryable<ResourceBooking> ActiveIn(IReadOnlyCollection<Guid> resourceIds, DateTimeOffset from, DateTimeOffset to)
    {
        // The lower bound on the start lets the (resource, starts) index read only the period, not every earlier booking.
        var earliest = from.AddHours(-Domain.Policy.ResourceRules.LongestBookingHours);
        return db.ResourceBookings.AsNoTracking()
            .Where(b => resourceIds.Contains(b.ResourceId) && b.Starts < to && b.Starts > earliest && b.Ends > from
                && b.Status != BookingStatus.Cancelled && b.Status != BookingStatus.Rejected && b.Status != BookingStatus.Expired);
    }

    /// <summary>Without the pending bookings whose hold ran out (the expiry job may not have run yet), at most <see cref="PerResource"/> a resource.</summary>
    private static IEnumerable<T> Shown<T>(IEnumerable<T> rows, DateTimeOffset now, Func<T, Guid> resource, Func<T, BookingStatus> status, Func<T, DateTimeOffset?> expires) =>
        rows.Where(r => !(status(r) == BookingStatus.Pending && expires(r) <= now)).GroupBy(resource).SelectMany(g => g.Take(PerResource));

    private async Task<PagedResult<BookingDto>> PageAsync(IQueryable<ResourceBooking> q, BookingFilter f, CancellationToken ct, bool oldestFirst = false)
    {
        var (page, size) = Paging.Normalize(f.Page, f.PageSize);
        if (f.ResourceId is { } rid)
        {
            q = q.Where(b => b.ResourceId == rid);
        }

        if (Enum.TryParse<BookingStatus>(f.Status, true, out var s))
        {
            q = q.Where(b => b.Status == s);
        }

        var total = await q.CountAsync(ct);
        var ordered = oldestFirst ? q.OrderBy(b => b.Starts).ThenBy(b => b.Id) : q.OrderByDescending(b => b.Starts).ThenBy(b => b.Id);
        var rows = await Projected(ordered.Skip((page - 1) * size).Take(size)).ToListAsync(ct);
        return new PagedResult<BookingDto>(rows, page, size, total);
    }

    /// <summary>The bookings of one series, in time order.</summary>
    public async Task<IReadOnlyList<BookingDto>> SeriesAsync(Guid seriesId, CancellationToken ct) =>
        await Projected(db.ResourceBookings.AsNoTracking().Where(b => b.SeriesId == seriesId).OrderBy(b => b.Starts)).ToListAsync(ct);

    public async Task<BookingDto> DtoAsync(Guid id, CancellationToken ct) =>
        await Projected(db.ResourceBookings.AsNoTracking().Where(b => b.Id == id)).FirstAsync(ct);

    private IQueryable<BookingDto> Projected(IQueryable<ResourceBooking> q) =>
        from b in q
        join r in db.ResearchResources on b.ResourceId equals r.Id
        join o in db.Organizations on b.BookerOrganizationId equals o.Id
        select new BookingDto(
            b.Id, b.ResourceId, r.Name, b.BookerUserId, b.BookerOrganizationId, o.Name, b.BookerKind, b.Rate, b.UnitFee, b.FeeUnit,
            b.Starts, b.Ends, b.Status, b.ExpiresAt, b.LateCancel, b.UsedMinutes, b.Samples,
            b.Charge, b.Purpose, b.Version, b.SeriesId);
}
