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
/// Places a booking against the rules of its slot and inserts it; the database alone refuses an overlap, and that
/// refusal becomes a 409 naming the booking in the way. Shared by single bookings, reschedules and series.
/// </summary>
public sealed class BookingWriter(AppDbContext db, ResourceAccess access, PolicyProvider policy, Notifier notifier, TimeProvider clock)
{
    private ResourceRules Rules => policy.Current.Resources;

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

        // A lost race means another request expired or decided one of them first; either way the slot is settled.
        _ = await db.SaveVersionedAsync(ct);

        foreach (var b in overdue)
        {
            db.Entry(b).State = EntityState.Detached;
        }
    }

    public async Task<Result<ResourceBooking>> PlaceAsync(ResearchResource resource, BookingRequest request, Guid? rescheduledFrom, CancellationToken ct)
    {
        if (request.Starts is null || request.Ends is null)
        {
            return Failure.Validation(
                [.. request.Starts is null ? [new Error("validation.required", "starts")] : Array.Empty<Error>(),
                 .. request.Ends is null ? [new Error("validation.required", "ends")] : Array.Empty<Error>()]);
        }

        var slot = new TimeRange(request.Starts.Value.ToUniversalTime(), request.Ends.Value.ToUniversalTime());
        var placed = await PlaceAllAsync(resource, [slot], request.Purpose, rescheduledFrom, null, ct);
        return placed.IsSuccess ? placed.Value[0] : placed.Failure!;
    }

    /// <summary>
    /// Checks every slot against the resource's rules and builds its booking; who books, their training and rate and the
    /// blackouts are read once for all slots. A refusal of a series names the occurrence before its reasons.
    /// </summary>
    public async Task<Result<IReadOnlyList<ResourceBooking>>> PlaceAllAsync(
        ResearchResource resource, IReadOnlyList<TimeRange> slots, string? purpose, Guid? rescheduledFrom, Guid? seriesId, CancellationToken ct)
    {
        var rules = Rules;
        var now = clock.GetUtcNow();
        if (purpose is { Length: > FieldLengths.Reason })
        {
            return Failure.Validation(new Error("validation.max_length", "purpose", FieldLengths.Reason));
        }

        var span = new TimeRange(slots.Min(s => s.Starts), slots.Max(s => s.Ends));
        var kind = await access.KindForAsync(resource, ct);
        var userId = access.UserId!.Value;
        var trained = !resource.NeedsTraining
            || await db.ResourceTrainings.AnyAsync(t => t.ResourceId == resource.Id && t.UserId == userId, ct);
        var blackouts = await db.ResourceBlackouts.AsNoTracking()
            .Where(b => b.ResourceId == resource.Id && b.Starts < span.Ends && b.Ends > span.Starts)
            .Select(b => new TimeRange(b.Starts, b.Ends)).ToListAsync(ct);
        var check = new BookingCheck(resource.OpeningHours, blackouts, resource.NeedsTraining, trained, resource.OpenToOutside, kind);
        var errors = new List<Error>();
        foreach (var slot in slots)
        {
            var found = BookingRules.Check(slot, check, rules, now);
            if (found.Count > 0 && seriesId is not null)
            {
                errors.Add(new Error("resources.series_occurrence_refused", "starts", slot.Starts.ToBeijing(), slot.Ends.ToBeijing("HH:mm")));
            }

            errors.AddRange(found);
        }

        if (errors.Count > 0)
        {
            // Who may book is the same for every occurrence: said once, and as a refusal of the booker, not of the slot.
            return errors.Any(e => e.Code is "resources.not_open_to_outside" or "resources.training_required")
                ? new Failure(FailureKind.Forbidden, seriesId is null ? errors
                    : errors.Where(e => e.Code is "resources.not_open_to_outside" or "resources.training_required").DistinctBy(e => e.Code).ToList())
                : Failure.Validation(errors);
        }

        var rate = kind != BookerKind.Outside ? FeeRate.Member
            : await db.ResourceSmeStatuses.AnyAsync(s => s.OrganizationId == access.OrganizationId && s.ConfirmedAt != null, ct) ? FeeRate.Sme
            : FeeRate.Outside;
        await ExpireOverdueAsync(resource.Id, span, ct);
        return Result<IReadOnlyList<ResourceBooking>>.Ok(slots
            .Select(slot => ResourceBooking.Place(
                resource, userId, access.OrganizationId!.Value, kind, rate, slot.Starts, slot.Ends, purpose, rules, now, rescheduledFrom, seriesId))
            .ToList());
    }

    /// <summary>Inserts the booking; the database's refusal of an overlap becomes a 409 naming the booking in the way.</summary>
    public Task<Result<bool>> SaveBookingAsync(ResourceBooking booking, CancellationToken ct, bool notify = true) =>
        SaveBookingsAsync([booking], ct, notify);

    /// <summary>
    /// Inserts the bookings of one resource in one transaction: all are kept or none. The database's refusal of an
    /// overlap becomes a 409 naming, for each booking that met one, the booking in the way.
    /// </summary>
    public async Task<Result<bool>> SaveBookingsAsync(IReadOnlyList<ResourceBooking> bookings, CancellationToken ct, bool notify = true)
    {
        var booking = bookings[0];
        foreach (var each in bookings)
        {
            if (db.Entry(each).State == EntityState.Detached)
            {
                db.ResourceBookings.Add(each);
            }
        }

        if (notify)
        {
            var key = bookings.Count > 1 ? "resources.notify.series"
                : booking.Status == BookingStatus.Pending ? "resources.notify.requested" : "resources.notify.booked";
            await NotifyManagersAsync(booking, key, ct);
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
            return await OverlapRefusalAsync(bookings, ct);
        }
    }

    /// <summary>Names the booking in the way of each refused booking; of a series, every occurrence that met one.</summary>
    private async Task<Failure> OverlapRefusalAsync(IReadOnlyList<ResourceBooking> bookings, CancellationToken ct)
    {
        var first = bookings.Min(b => b.Starts);
        var last = bookings.Max(b => b.Ends);
        var resourceId = bookings[0].ResourceId;
        var ids = bookings.Select(b => b.Id).ToList();
        var holders = await db.ResourceBookings.AsNoTracking()
            .Where(b => b.ResourceId == resourceId && !ids.Contains(b.Id)
                && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Approved)
                && b.Starts < last && b.Ends > first)
            .OrderBy(b => b.Starts).Select(b => new { b.Id, b.Starts, b.Ends }).Take(1000).ToListAsync(ct);
        var errors = new List<Error>();
        foreach (var b in bookings)
        {
            var holder = holders.FirstOrDefault(h => h.Starts < b.Ends && h.Ends > b.Starts);
            if (holder is null)
            {
                continue;
            }

            errors.Add(bookings.Count == 1
                ? new Error("resources.booking_overlap", "starts", holder.Starts.ToBeijing(), holder.Ends.ToBeijing("HH:mm"), holder.Id)
                : new Error("resources.series_overlap", "starts",
                    b.Starts.ToBeijing(), b.Ends.ToBeijing("HH:mm"), holder.Starts.ToBeijing(), holder.Ends.ToBeijing("HH:mm"), holder.Id));
        }

        return errors.Count == 0
            ? Failure.Conflict("resources.booking_overlap_gone", "starts")
            : new Failure(FailureKind.Conflict, errors);
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

    public async Task NotifyManagersAsync(ResourceBooking b, string key, CancellationToken ct)
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
}
