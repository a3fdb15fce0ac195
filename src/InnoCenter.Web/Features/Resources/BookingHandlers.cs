using InnoCenter.Domain.Common;
using InnoCenter.Domain.Policy;
using InnoCenter.Domain.Resources;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Notifications;
using InnoCenter.Web.Infrastructure.Policy;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Resources;

/// <summary>
/// Bookings: place, approve, reject, cancel, reschedule, record usage or a no-show. The rules a slot must pass are
/// checked by <see cref="BookingWriter"/>; that no two active bookings overlap is left to the database alone, whose
/// refusal is turned into a 409 naming the booking that holds the slot.
/// </summary>
public sealed class BookingHandlers(
    AppDbContext db, ResourceAccess access, PolicyProvider policy, Notifier notifier, TimeProvider clock, BookingWriter writer, BookingQueries queries)
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

        var placed = await writer.PlaceAsync(resource, request, null, ct);
        if (!placed.IsSuccess)
        {
            return placed.Failure!;
        }

        var saved = await writer.SaveBookingAsync(placed.Value, ct);
        return saved.IsSuccess ? await queries.DtoAsync(placed.Value.Id, ct) : saved.Failure!;
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
            return (await writer.PlaceAsync(resource, request, old.Id, ct)).Failure!;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var cancelled = old.Cancel(clock.GetUtcNow(), Rules);
        if (!cancelled.IsSuccess)
        {
            return cancelled.Failure!;
        }

        if (await db.SaveVersionedAsync(ct) is { } lost)
        {
            db.ChangeTracker.Clear();
            return lost;
        }

        var placed = await writer.PlaceAsync(resource, request, old.Id, ct);
        if (!placed.IsSuccess)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return placed.Failure!;
        }

        var saved = await writer.SaveBookingAsync(placed.Value, ct);
        if (!saved.IsSuccess)
        {
            await tx.RollbackAsync(ct);
            return saved.Failure!;
        }

        await tx.CommitAsync(ct);
        return await queries.DtoAsync(placed.Value.Id, ct);
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
            return Failure.Conflict(VersionedSave.ConcurrencyCode);
        }

        var done = b.Cancel(clock.GetUtcNow(), Rules);
        if (!done.IsSuccess)
        {
            return done.Failure!;
        }

        await writer.NotifyManagersAsync(b, "resources.notify.cancelled", ct);
        if (await db.SaveVersionedAsync(ct) is { } lost)
        {
            return lost;
        }

        return await queries.DtoAsync(id, ct);
    }

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
            return Failure.Conflict(VersionedSave.ConcurrencyCode);
        }

        var done = step(b, access.UserId!.Value, clock.GetUtcNow());
        if (!done.IsSuccess)
        {
            return done.Failure!;
        }

        var name = await db.ResearchResources.AsNoTracking().Where(r => r.Id == b.ResourceId).Select(r => r.Name).FirstAsync(ct);
        await notifier.NotifyAsync([b.BookerUserId], notifyKey, "/Resources/My", ct, name, b.Starts.ToBeijing());
        if (await db.SaveVersionedAsync(ct) is { } lost)
        {
            return lost;
        }

        return await queries.DtoAsync(id, ct);
    }
}
