using InnoCenter.Domain.Common;
using InnoCenter.Domain.Resources;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Resources;

/// <summary>A resource: its details and fees, a week of its bookings, the booking form, and the owner's tools.</summary>
public sealed class DetailsModel(ResourceHandlers resources, BookingHandlers bookings, BookingSeriesHandlers series, BookingQueries queries, CalendarFeeds feeds, ResourcePhotos photos, Text text, TimeProvider clock) : PageModel
{
    public string? FeedUrl { get; private set; }

    public async Task<IActionResult> OnPostFeedAsync(CancellationToken ct)
    {
        var result = await feeds.RenewAsync(Id, ct);
        if (result.IsSuccess)
        {
            FeedUrl = $"{Request.Scheme}://{Request.Host}{result.Value.Url}";
        }
        else
        {
            ModelState.AddFailure(result.Failure!, text, string.Empty);
        }

        return await LoadAsync(ct) ? Page() : NotFound();
    }

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>The Monday (Beijing) of the week shown.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? Week { get; set; }

    [BindProperty]
    public BookInput Input { get; set; } = new();

    [BindProperty]
    public BlackoutInput Blackout { get; set; } = new();

    [BindProperty]
    public string? TrainingEmail { get; set; }

    public ResourceDto Resource { get; private set; } = null!;

    public IReadOnlyList<ScheduleBookingDto> Bookings { get; private set; } = [];

    public IReadOnlyList<BlackoutDto> Blackouts { get; private set; } = [];

    public DateOnly Monday { get; private set; }

    public IReadOnlyList<ResourcePhotoDto> Photos { get; private set; } = [];

    /// <summary>Adds a photo; the upload is checked (size, type by its bytes, JPG or PNG) before anything is kept.</summary>
    public async Task<IActionResult> OnPostPhotoAsync(IFormFile? photo, CancellationToken ct)
    {
        var result = await photos.UploadAsync(Id, photo, ct);
        if (!result.IsSuccess)
        {
            ModelState.AddFailure(result.Failure!, text, string.Empty);
            return await LoadAsync(ct) ? Page() : NotFound();
        }

        TempData["Flash"] = text["resources.photo_added"];
        return Redirect($"/Resources/Details/{Id}");
    }

    public async Task<IActionResult> OnPostRemovePhotoAsync(Guid photoId, CancellationToken ct)
    {
        var result = await photos.RemoveAsync(Id, photoId, ct);
        if (!result.IsSuccess)
        {
            ModelState.AddFailure(result.Failure!, text, string.Empty);
            return await LoadAsync(ct) ? Page() : NotFound();
        }

        TempData["Flash"] = text["resources.photo_removed"];
        return Redirect($"/Resources/Details/{Id}");
    }

    /// <summary>Shows the resource; a free slot picked on the free-slot search arrives as day, from and hours and fills the booking form.</summary>
    public async Task<IActionResult> OnGetAsync([FromQuery] DateOnly? day, [FromQuery] TimeOnly? from, [FromQuery] decimal? hours, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (Input.Day is null)
        {
            Input.Day = day ?? clock.TodayInBeijing().AddDays(1);
            Input.From = from ?? new TimeOnly(9, 0);
            Input.Hours = hours is > 0 ? hours : 1;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostBookAsync(CancellationToken ct)
    {
        Result<BookingDto> result;
        if (Input.Day is null || Input.From is null || Input.Hours is null or <= 0)
        {
            result = Failure.Validation(new Error("validation.required", "starts"));
        }
        else
        {
            var starts = BeijingTime.At(Input.Day.Value, Input.From.Value.ToTimeSpan());
            var ends = starts.AddHours((double)Input.Hours.Value);
            if (!string.IsNullOrEmpty(Input.Repeat))
            {
                var placed = await series.BookSeriesAsync(Id, new BookingSeriesRequest
                {
                    Starts = starts, Ends = ends, Purpose = Input.Purpose, Frequency = Input.Repeat, Count = Input.Count, Until = Input.Until,
                }, ct);
                result = placed.IsSuccess ? placed.Value.Bookings[0] : placed.Failure!;
                if (placed.IsSuccess)
                {
                    TempData["Flash"] = text["resources.series_booked", placed.Value.Bookings.Count];
                    return Redirect($"/Resources/Details/{Id}?week={BeijingTime.MondayOf(Input.Day!.Value):yyyy-MM-dd}");
                }
            }
            else
            {
                result = await bookings.BookAsync(Id, new BookingRequest { Starts = starts, Ends = ends, Purpose = Input.Purpose }, ct);
            }
        }

        if (!result.IsSuccess)
        {
            ModelState.AddFailure(result.Failure!, text, string.Empty);
            return await LoadAsync(ct) ? Page() : NotFound();
        }

        TempData["Flash"] = text[result.Value.Status == BookingStatus.Pending ? "resources.booked_pending" : "resources.booked"];
        return Redirect($"/Resources/Details/{Id}?week={BeijingTime.MondayOf(Input.Day!.Value):yyyy-MM-dd}");
    }

    public async Task<IActionResult> OnPostBlackoutAsync(CancellationToken ct)
    {
        var request = new BlackoutRequest
        {
            Starts = Blackout.From is { } f ? BeijingTime.At(f, TimeSpan.Zero) : null,
            Ends = Blackout.To is { } t ? BeijingTime.At(t.AddDays(1), TimeSpan.Zero) : null,
            Reason = Blackout.Reason,
        };
        var result = await resources.AddBlackoutAsync(Id, request, ct);
        if (!result.IsSuccess)
        {
            ModelState.AddFailure(result.Failure!, text, "Blackout");
            return await LoadAsync(ct) ? Page() : NotFound();
        }

        TempData["Flash"] = text["common.saved"];
        return Redirect($"/Resources/Details/{Id}");
    }

    public async Task<IActionResult> OnPostTrainingAsync(CancellationToken ct)
    {
        var result = await resources.RecordTrainingAsync(Id, new TrainingRequest { Email = TrainingEmail }, ct);
        if (!result.IsSuccess)
        {
            ModelState.AddFailure(result.Failure!, text, string.Empty);
            return await LoadAsync(ct) ? Page() : NotFound();
        }

        TempData["Flash"] = text["resources.training_recorded"];
        return Redirect($"/Resources/Details/{Id}");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var found = await resources.GetAsync(Id, ct);
        if (!found.IsSuccess)
        {
            return false;
        }

        Resource = found.Value;
        var today = clock.TodayInBeijing();
        Monday = BeijingTime.MondayOf(Week ?? today);
        var from = BeijingTime.At(Monday, TimeSpan.Zero);
        Bookings = await queries.CalendarAsync(Id, from, from.AddDays(7), ct);
        Blackouts = await resources.BlackoutsAsync(Id, from, ct);
        Photos = await photos.ListAsync(Id, ct);
        return true;
    }

    public sealed class BookInput
    {
        public DateOnly? Day { get; set; }

        public TimeOnly? From { get; set; }

        public decimal? Hours { get; set; }

        public string? Purpose { get; set; }

        /// <summary>Empty for one booking; <c>Daily</c> or <c>Weekly</c> for a series.</summary>
        public string? Repeat { get; set; }

        public int? Count { get; set; }

        public DateOnly? Until { get; set; }
    }

    public sealed class BlackoutInput
    {
        public DateOnly? From { get; set; }

        public DateOnly? To { get; set; }

        public string? Reason { get; set; }
    }
}
