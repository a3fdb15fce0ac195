using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Resources;

/// <summary>我的预约: the user's bookings; cancel (late cancellations flagged by the pack's deadline).</summary>
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
}
