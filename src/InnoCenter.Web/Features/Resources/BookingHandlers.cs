using InnoCenter.Domain.Common;
using InnoCenter.Domain.Policy;
using InnoCenter.Domain.Resources;
using InnoCenter.Web.Data;
using InnoCenter.Web.Data.Configurations.Resources;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Notifications;
using InnoCenter.Web.Infrastructure.Policy;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Resources;

/// <summary>
/// Bookings: place, approve, reject, cancel, reschedule, record usage or a no-show. The rules a slot must pass are
/// checked here (<see cref="BookingRules"/>); that no two active bookings overlap is left to the database alone, whose
/// refusal is turned into a 409 naming the booking that holds the slot.
/// </summary>
public sealed class BookingHandlers(AppDbContext db, ResourceAccess access, PolicyProvider policy, Notifier notifier, TimeProvider clock)
{
    private ResourceRules Rules => policy.Current.Resources;

    public async Task<Result<BookingDto>> BookAsync(Guid resourceId, BookingRequest request, CancellationToken ct)
    {
        if (!access.CanBook)
        {
            return Failure.Forbidden();
        }

        var resource = await db.ResearchResources.AsNoTracking().FirstOrDefaultAsync(r => r.Id == resourceId && !r.IsRetired, ct);
        if (resource is null)
        {
            return Failure.NotFound("resources.not_found");
        }

        var placed = await PlaceAsync(resource, request, null, ct);
        if (!placed.IsSuccess)
        {
            return placed.Failure!;
        }

        var saved = await SaveBookingAsync(placed.Value, ct);
        return saved.IsSuccess ? await DtoAsync(placed.Value.Id, ct) : saved.Failure!;
    }

    /// <summary>改期: the old booking is cancelled and the new one placed in one transaction; a refusal keeps the old one.</summary>
    public async Task<Result<BookingDto>> RescheduleAsync(Guid bookingId, BookingRequest request, CancellationToken ct)
    {
        var old = await db.ResourceBookings.FirstOrDefaultAsync(b => b.Id == bookingId, ct);
        if (old is null || old.BookerUserId != access.UserId)
        {
            return Failure.NotFound("resources.booking_not_found");
        }

        var resource = await db.ResearchResources.AsNoTracking().FirstAsync(r => r.Id == old.ResourceId, ct);
        if (request.Starts is null || request.Ends is null)
        {
            return (await PlaceAsync(resource, request, old.Id, ct)).Failure!;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var cancelled = old.Cancel(clock.GetUtcNow(), Rules);
        if (!cancelled.IsSuccess)
        {
            return cancelled.Failure!;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Failure.Conflict("common.concurrency");
        }

        var placed = await PlaceAsync(resource, request, old.Id, ct);
        if (!placed.IsSuccess)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return placed.Failure!;
        }

        var saved = await SaveBookingAsync(placed.Value, ct);
        if (!saved.IsSuccess)
        {
            await tx.RollbackAsync(ct);
            return saved.Failure!;
        }

        await tx.CommitAsync(ct);
        return await DtoAsync(placed.Value.Id, ct);
    }

    public Task<Result<BookingDto>> ApproveAsync(Guid id, DecisionRequest request, CancellationToken ct) =>
        ManageAsync(id, request.Version, (b, by, now) => b.Approve(by, now), "resources.notify.approved", ct);

    public Task<Result<BookingDto>> RejectAsync(Guid id, DecisionRequest request, CancellationToken ct) =>
        ManageAsync(id, request.Version, (b, by, now) => b.Reject(by, request.Reason, now), "resources.notify.rejected", ct);

    public Task<Result<BookingDto>> RecordUsageAsync(Guid id, UsageRequest request, CancellationToken ct) =>
        ManageAsync(id, request.Version, (b, by, now) =>
        {
            if (request.NoShow)
            {
                return b.RecordNoShow(by, now, Rules);
            }

            if (request.UsedHours is not { } hours || hours < 0 || hours > 24 * 31)
            {
                return Failure.Validation(new Error("resources.used_hours_invalid", "usedHours"));
            }

            return b.RecordUsage((int)decimal.Round(hours * 60m, 0, MidpointRounding.AwayFromZero), request.Samples, by, now);
        }, "resources.notify.usage", ct);

    public async Task<Result<BookingDto>> CancelAsync(Guid id, DecisionRequest request, CancellationToken ct)
    {
        var b = await db.ResourceBookings.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (b is null || b.BookerUserId != access.UserId)
        {
            return Failure.NotFound("resources.booking_not_found");
        }

        if (request.Version is { } v && v != b.Version)
        {
            return Failure.Conflict("common.concurrency");
        }

        var done = b.Cancel(clock.GetUtcNow(), Rules);
        if (!done.IsSuccess)
        {
            return done.Failure!;
        }

        await NotifyManagersAsync(b, "resources.notify.cancelled", ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Failure.Conflict("common.concurrency");
        }

        return await DtoAsync(id, ct);
    }

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

    /// <summary>A week (or any span) of one resource: active and finished bookings, for the calendar.</summary>
    public async Task<IReadOnlyList<BookingDto>> CalendarAsync(Guid resourceId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var rows = await Projected(db.ResourceBookings.AsNoTracking()
            .Where(b => b.ResourceId == resourceId && b.Starts < to && b.Ends > from
                && b.Status != BookingStatus.Cancelled && b.Status != BookingStatus.Rejected && b.Status != BookingStatus.Expired)
            .OrderBy(b => b.Starts)).Take(500).ToListAsync(ct);
        return rows.Where(r => !(r.Status == BookingStatus.Pending && r.ExpiresAt <= now)).ToList();
    }

    /// <summary>
    /// Marks expired the pending bookings of the resource whose time is up, so their slots are free to the database
    /// check. Expiry is also shown at read time, so nothing waits on this running.
    /// </summary>
    public async Task ExpireOverdueAsync(Guid resourceId, TimeRange slot, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var overdue = await db.ResourceBookings
            .Where(b => b.ResourceId == resourceId && b.Status == BookingStatus.Pending && b.ExpiresAt <= now
                && b.Starts < slot.Ends && b.Ends > slot.Starts)
            .ToListAsync(ct);
        if (overdue.Count == 0)
        {
            return;
        }

        foreach (var b in overdue)
        {
            b.Expire(now);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another request expired or decided one of them first; either way the slot is settled.
        }

        foreach (var b in overdue)
        {
            db.Entry(b).State = EntityState.Detached;
        }
    }

    private async Task<Result<ResourceBooking>> PlaceAsync(ResearchResource resource, BookingRequest request, Guid? rescheduledFrom, CancellationToken ct)
    {
        if (request.Starts is null || request.Ends is null)
        {
            return Failure.Validation(
                [.. request.Starts is null ? [new Error("validation.required", "starts")] : Array.Empty<Error>(),
                 .. request.Ends is null ? [new Error("validation.required", "ends")] : Array.Empty<Error>()]);
        }

        var rules = Rules;
        var now = clock.GetUtcNow();
        var slot = new TimeRange(request.Starts.Value.ToUniversalTime(), request.Ends.Value.ToUniversalTime());
        if (request.Purpose is { Length: > FieldLengths.Reason })
        {
            return Failure.Validation(new Error("validation.max_length", "purpose", FieldLengths.Reason));
        }

        var kind = await access.KindForAsync(resource, ct);
        var userId = access.UserId!.Value;
        var trained = !resource.NeedsTraining
            || await db.ResourceTrainings.AnyAsync(t => t.ResourceId == resource.Id && t.UserId == userId, ct);
        var blackouts = await db.ResourceBlackouts.AsNoTracking()
            .Where(b => b.ResourceId == resource.Id && b.Starts < slot.Ends && b.Ends > slot.Starts)
            .Select(b => new TimeRange(b.Starts, b.Ends)).ToListAsync(ct);
        var errors = BookingRules.Check(
            slot, new BookingCheck(resource.OpeningHours, blackouts, resource.NeedsTraining, trained, resource.OpenToOutside, kind), rules, now);
        if (errors.Count > 0)
        {
            return errors.Any(e => e.Code is "resources.not_open_to_outside" or "resources.training_required")
                ? new Failure(FailureKind.Forbidden, errors)
                : Failure.Validation(errors);
        }

        var rate = kind != BookerKind.Outside ? FeeRate.Member
            : await db.ResourceSmeStatuses.AnyAsync(s => s.OrganizationId == access.OrganizationId && s.ConfirmedAt != null, ct) ? FeeRate.Sme
            : FeeRate.Outside;
        await ExpireOverdueAsync(resource.Id, slot, ct);
        return ResourceBooking.Place(resource, userId, access.OrganizationId!.Value, kind, rate, slot.Starts, slot.Ends, request.Purpose, rules, now, rescheduledFrom);
    }

    /// <summary>Inserts the booking; the database's refusal of an overlap becomes a 409 naming the booking in the way.</summary>
    private async Task<Result<bool>> SaveBookingAsync(ResourceBooking booking, CancellationToken ct, bool notify = true)
    {
        if (db.Entry(booking).State == EntityState.Detached)
        {
            db.ResourceBookings.Add(booking);
        }

        if (notify)
        {
            await NotifyManagersAsync(booking, booking.Status == BookingStatus.Pending ? "resources.notify.requested" : "resources.notify.booked", ct);
        }

        try
        {
            // Concurrent inserts checked by PostgreSQL's exclusion constraint can deadlock (each waits on the other's
            // uncommitted row); the victim wrote nothing, so it tries again and then meets the winner's committed row.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    if (db.Database.IsNpgsql() && db.Database.CurrentTransaction is null)
                    {
                        await using var tx = await db.Database.BeginTransactionAsync(ct);
                        await LockResourceAsync(booking.ResourceId, ct);
                        await db.SaveChangesAsync(ct);
                        await tx.CommitAsync(ct);
                    }
                    else
                    {
                        await LockResourceAsync(booking.ResourceId, ct);
                        await db.SaveChangesAsync(ct);
                    }

                    return true;
                }
                catch (Exception ex) when (ex.IsDeadlock() && attempt < DeadlockAttempts)
                {
                    if (db.Database.CurrentTransaction is not null)
                    {
                        db.ChangeTracker.Clear();
                        return Failure.Conflict("resources.booking_overlap_gone", "starts");
                    }

                    await Task.Delay(Random.Shared.Next(5, 25 * attempt), ct);
                }
            }
        }
        catch (Exception ex) when (ex.IsDeadlock())
        {
            db.ChangeTracker.Clear();
            return Failure.Conflict("resources.booking_overlap_gone", "starts");
        }
        catch (DbUpdateException ex) when (IsOverlap(ex))
        {
            db.ChangeTracker.Clear();
            var holder = await db.ResourceBookings.AsNoTracking()
                .Where(b => b.ResourceId == booking.ResourceId && b.Id != booking.Id
                    && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Approved)
                    && b.Starts < booking.Ends && b.Ends > booking.Starts)
                .OrderBy(b => b.Starts).Select(b => new { b.Id, b.Starts, b.Ends }).FirstOrDefaultAsync(ct);
            return holder is null
                ? Failure.Conflict("resources.booking_overlap_gone", "starts")
                : new Failure(FailureKind.Conflict, [new Error("resources.booking_overlap", "starts", holder.Starts.ToBeijing(), holder.Ends.ToBeijing("HH:mm"), holder.Id)]);
        }
    }

    private const int DeadlockAttempts = 5;

    /// <summary>
    /// On PostgreSQL, bookings of one resource queue behind a transaction-scoped advisory lock, so two inserts checked by
    /// the exclusion constraint never wait on each other's uncommitted rows (a deadlock); the constraint still decides.
    /// SQLite serialises writers already.
    /// </summary>
    private async Task LockResourceAsync(Guid resourceId, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            var key = BitConverter.ToInt64(resourceId.ToByteArray(), 8);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", ct);
        }
    }

    /// <summary>The exclusion constraint (PostgreSQL 23P01) or the trigger's RAISE (SQLite) of <see cref="ResourceBookingConfiguration.OverlapConstraint"/>.</summary>
    public static bool IsOverlap(DbUpdateException ex) => ex.InnerException switch
    {
        Npgsql.PostgresException pg => pg.SqlState == "23P01" && pg.ConstraintName == ResourceBookingConfiguration.OverlapConstraint,
        Microsoft.Data.Sqlite.SqliteException lite => lite.Message.Contains(ResourceBookingConfiguration.OverlapConstraint, StringComparison.Ordinal),
        _ => false,
    };

    private async Task<Result<BookingDto>> ManageAsync(
        Guid id, int? version, Func<ResourceBooking, Guid, DateTimeOffset, Result<bool>> step, string notifyKey, CancellationToken ct)
    {
        var b = await db.ResourceBookings.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (b is null)
        {
            return Failure.NotFound("resources.booking_not_found");
        }

        if (!await access.CanManageAsync(b.CenterId, b.OwnerOrganizationId, ct))
        {
            return b.BookerUserId == access.UserId ? Failure.Forbidden() : Failure.NotFound("resources.booking_not_found");
        }

        if (version is { } v && v != b.Version)
        {
            return Failure.Conflict("common.concurrency");
        }

        var done = step(b, access.UserId!.Value, clock.GetUtcNow());
        if (!done.IsSuccess)
        {
            return done.Failure!;
        }

        var name = await db.ResearchResources.AsNoTracking().Where(r => r.Id == b.ResourceId).Select(r => r.Name).FirstAsync(ct);
        await notifier.NotifyAsync([b.BookerUserId], notifyKey, "/Resources/My", ct, name, b.Starts.ToBeijing());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Failure.Conflict("common.concurrency");
        }

        return await DtoAsync(id, ct);
    }

    private async Task NotifyManagersAsync(ResourceBooking b, string key, CancellationToken ct)
    {
        var leads = db.Centers.Where(c => c.Id == b.CenterId).Select(c => (Guid?)c.LeadOrganizationId);
        var users = await db.Users.AsNoTracking()
            .Where(u => u.IsActive && u.Id != b.BookerUserId && (u.OrganizationId == b.OwnerOrganizationId || leads.Contains(u.OrganizationId)))
            .Select(u => u.Id).Take(50).ToListAsync(ct);
        if (users.Count == 0)
        {
            return;
        }

        var name = await db.ResearchResources.AsNoTracking().Where(r => r.Id == b.ResourceId).Select(r => r.Name).FirstAsync(ct);
        await notifier.NotifyAsync(users, key, $"/Resources/Approvals", ct, name, b.Starts.ToBeijing());
    }

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

    private async Task<BookingDto> DtoAsync(Guid id, CancellationToken ct) =>
        await Projected(db.ResourceBookings.AsNoTracking().Where(b => b.Id == id)).FirstAsync(ct);

    private IQueryable<BookingDto> Projected(IQueryable<ResourceBooking> q) =>
        from b in q
        join r in db.ResearchResources on b.ResourceId equals r.Id
        join o in db.Organizations on b.BookerOrganizationId equals o.Id
        select new BookingDto(
            b.Id, b.ResourceId, r.Name, b.BookerUserId, b.BookerOrganizationId, o.Name, b.BookerKind, b.Rate, b.UnitFee, b.FeeUnit,
            b.Starts, b.Ends, b.Status, b.ExpiresAt, b.LateCancel, b.UsedMinutes, b.Samples,
            b.Charge, b.Purpose, b.Version);
}
