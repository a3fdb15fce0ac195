using InnoCenter.Domain.Common;
using InnoCenter.Domain.Policy;
using InnoCenter.Domain.Resources;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Policy;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Resources;

/// <summary>
/// 周期预约: a series of bookings placed all-or-nothing in one transaction — if any occurrence breaks a rule or meets
/// another booking, nothing is kept and the refusal names each such occurrence and the booking in its way; and the
/// cancellation of the rest of a series from one occurrence on.
/// </summary>
public sealed class BookingSeriesHandlers(
    AppDbContext db, ResourceAccess access, PolicyProvider policy, TimeProvider clock, BookingWriter writer, BookingQueries queries)
{
    private ResourceRules Rules => policy.Current.Resources;

    public async Task<Result<BookingSeriesDto>> BookSeriesAsync(Guid resourceId, BookingSeriesRequest request, CancellationToken ct)
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

        var errors = new List<Error>();
        if (request.Starts is null)
        {
            errors.Add(new Error("validation.required", "starts"));
        }

        if (request.Ends is null)
        {
            errors.Add(new Error("validation.required", "ends"));
        }

        if (!Enum.TryParse<RecurrenceFrequency>(request.Frequency, true, out var frequency) || !Enum.IsDefined(frequency))
        {
            errors.Add(new Error("resources.series_frequency_invalid", "frequency"));
        }

        if (errors.Count > 0)
        {
            return Failure.Validation(errors);
        }

        var first = new TimeRange(request.Starts!.Value.ToUniversalTime(), request.Ends!.Value.ToUniversalTime());
        var slots = BookingRecurrence.Expand(first, frequency, request.Count, request.Until, Rules);
        if (!slots.IsSuccess)
        {
            return slots.Failure!;
        }

        var seriesId = Guid.CreateVersion7();
        var placed = await writer.PlaceAllAsync(resource, slots.Value, request.Purpose, null, seriesId, ct);
        if (!placed.IsSuccess)
        {
            return placed.Failure!;
        }

        var saved = await writer.SaveBookingsAsync(placed.Value, ct);
        return saved.IsSuccess ? new BookingSeriesDto(seriesId, await queries.SeriesAsync(seriesId, ct)) : saved.Failure!;
    }

    /// <summary>
    /// Cancels this occurrence and every later active one of its series, in one step; earlier and started occurrences
    /// stay. Each is cancelled by its own rule, so one within the pack's deadline is a late cancellation as alone.
    /// </summary>
    public async Task<Result<BookingSeriesDto>> CancelRestAsync(Guid bookingId, DecisionRequest request, CancellationToken ct)
    {
        var from = await db.ResourceBookings.AsNoTracking().FirstOrDefaultAsync(b => b.Id == bookingId, ct);
        if (from is null || from.BookerUserId != access.UserId)
        {
            return Failure.NotFound("resources.booking_not_found");
        }

        if (from.SeriesId is not { } seriesId)
        {
            return Failure.Validation(new Error("resources.booking_not_in_series", null));
        }

        if (request.Version is { } v && v != from.Version)
        {
            return Failure.Conflict(VersionedSave.ConcurrencyCode);
        }

        var now = clock.GetUtcNow();
        var rest = await db.ResourceBookings
            .Where(b => b.SeriesId == seriesId && b.Starts >= from.Starts
                && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Approved))
            .OrderBy(b => b.Starts).ToListAsync(ct);
        var cancellable = rest.Where(b => b.Starts > now).ToList();
        if (cancellable.Count == 0)
        {
            return Failure.IllegalTransition("resources.series_nothing_to_cancel");
        }

        foreach (var b in cancellable)
        {
            var done = b.Cancel(now, Rules);
            if (!done.IsSuccess)
            {
                db.ChangeTracker.Clear();
                return done.Failure!;
            }
        }

        await writer.NotifyManagersAsync(cancellable[0], "resources.notify.series_cancelled", ct);
        if (await db.SaveVersionedAsync(ct) is { } lost)
        {
            db.ChangeTracker.Clear();
            return lost;
        }

        return new BookingSeriesDto(seriesId, await queries.SeriesAsync(seriesId, ct));
    }
}
