using InnoCenter.Domain.Common;
using InnoCenter.Domain.Resources;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Resources;

/// <summary>审批与使用登记: the owner's and the center's queue — approve or reject requests, record usage or a no-show.</summary>
public sealed class ApprovalsModel(BookingHandlers bookings, BookingQueries queries, Text text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public BookingFilter Filter { get; set; } = new();

    public PagedResult<BookingDto> Result { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public BookingStatus Shown => Enum.TryParse<BookingStatus>(Filter.Status, true, out var s) ? s : BookingStatus.Pending;

    public async Task OnGetAsync(CancellationToken ct) => Result = await queries.ApprovalsAsync(Filter, ct);

    public Task<IActionResult> OnPostApproveAsync(Guid bookingId, int version, CancellationToken ct) =>
        OutcomeAsync(bookings.ApproveAsync(bookingId, new DecisionRequest { Version = version }, ct), "resources.approved", ct);

    public Task<IActionResult> OnPostRejectAsync(Guid bookingId, int version, string? reason, CancellationToken ct) =>
        OutcomeAsync(bookings.RejectAsync(bookingId, new DecisionRequest { Version = version, Reason = reason }, ct), "resources.rejected", ct);

    public Task<IActionResult> OnPostUsageAsync(Guid bookingId, int version, decimal? usedHours, int? samples, bool noShow, CancellationToken ct) =>
        OutcomeAsync(bookings.RecordUsageAsync(bookingId, new UsageRequest { Version = version, UsedHours = usedHours, Samples = samples, NoShow = noShow }, ct), "resources.usage_recorded", ct);

    private async Task<IActionResult> OutcomeAsync(Task<Result<BookingDto>> work, string flash, CancellationToken ct)
    {
        var result = await work;
        if (!result.IsSuccess)
        {
            ModelState.AddFailure(result.Failure!, text, string.Empty);
            Result = await queries.ApprovalsAsync(Filter, ct);
            return Page();
        }

        TempData["Flash"] = text[flash];
        return Redirect($"/Resources/Approvals?status={Filter.Status}");
    }
}
