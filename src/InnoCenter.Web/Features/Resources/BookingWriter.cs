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

    public async Task<Result<ResourceBooking>> PlaceAsync(ResearchResource resource, BookingRequest request, Guid? rescheduledFrom, CancellationToken ct)
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
    public async Task<Result<bool>> SaveBookingAsync(ResourceBooking booking, CancellationToken ct, bool notify = true)
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
