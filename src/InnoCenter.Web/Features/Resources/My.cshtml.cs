using InnoCenter.Domain.Resources;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Resources;

/// <summary>我的预约: the user's bookings; cancel (late cancellations flagged by the pack's deadline) or move one (改期).</summary>
public sealed class MyModel(BookingHandlers bookings, BookingSeriesHandlers series, BookingQueries queries, CalendarFeeds feeds, Text text) : PageModel
{
    public string? FeedUrl { get; private set; }

    public async Task<IActionResult> OnPostFeedAsync(CancellationToken ct)
    {
        var result = await feeds.RenewAsync(null, ct);
        if (result.IsSuccess)
        {
            FeedUrl = $"{Request.Scheme}://{Request.Host}{result.Value.Url}";
        }
        else
        {
            ModelState.AddFailure(result.Failure!, text, string.Empty);
        }

        Result = await queries.MineAsync(Filter, ct);
        return Page();
    }

    [BindProperty(SupportsGet = true)]
    public BookingFilter Filter { get; set; } = new();

    public PagedResult<BookingDto> Result { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public async Task OnGetAsync(CancellationToken ct) => Result = await queries.MineAsync(Filter, ct);

    public async Task<IActionResult> OnPostCancelAsync(Guid bookingId, int version, CancellationToken ct)
    {
        var result = await bookings.CancelAsync(bookingId, new DecisionRequest { Version = version }, ct);
        if (!result.IsSuccess)
        {
            ModelState.AddFailure(result.Failure!, text, string.Empty);
            Result = await queries.MineAsync(Filter, ct);
            return Page();
        }

        TempData["Flash"] = text[result.Value.LateCancel ? "resources.cancelled_late" : "resources.cancelled"];
        return Redirect("/Resources/My");
    }

    public async Task<IActionResult> OnPostCancelSeriesAsync(Guid bookingId, int version, CancellationToken ct)
    {
        var result = await series.CancelRestAsync(bookingId, new DecisionRequest { Version = version }, ct);
        if (!result.IsSuccess)
        {
            ModelState.AddFailure(result.Failure!, text, string.Empty);
            Result = await queries.MineAsync(Filter, ct);
            return Page();
        }

        TempData["Flash"] = text["resources.series_cancelled"];
        return Redirect("/Resources/My");
    }

    /// <summary>
    /// 改期: moves a booking to another day and time in one step; a refused new slot (taken, closed, too long…) keeps the
    /// old booking as it was and names the reason.
    /// </summary>
    public async Task<IActionResult> OnPostRescheduleAsync(Guid bookingId, DateOnly? day, TimeOnly? from, decimal? hours, string? purpose, CancellationToken ct)
    {
        Domain.Common.Result<BookingDto> result;
        if (day is null || from is null || hours is null or <= 0)
        {
            result = Domain.Common.Failure.Validation(new Domain.Common.Error("validation.required", "starts"));
        }
        else
        {
            var starts = BeijingTime.At(day.Value, from.Value.ToTimeSpan());
            result = await bookings.RescheduleAsync(bookingId, new BookingRequest { Starts = starts, Ends = starts.AddHours((double)hours.Value), Purpose = purpose }, ct);
        }

        if (!result.IsSuccess)
        {
            ModelState.AddFailure(result.Failure!, text, string.Empty);
            Result = await queries.MineAsync(Filter, ct);
            return Page();
        }

        TempData["Flash"] = text[result.Value.Status == BookingStatus.Pending ? "resources.rescheduled_pending" : "resources.rescheduled"];
        return Redirect("/Resources/My");
    }
}
