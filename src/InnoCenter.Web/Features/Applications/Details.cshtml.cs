using InnoCenter.Domain.Common;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Applications;

public sealed class DetailsModel(
    ApplicationQueries queries, ApplicationHandlers handlers, IObjectionResolution objections, IApplicationReview review, Text text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public ApplicationDetailDto? Application { get; private set; }

    public ApplicationReviewState? Review { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostTransitionAsync(string act, string? reason, DateOnly? meetingDate, string? decisionNumber, int? version, CancellationToken ct)
    {
        var request = new TransitionRequest { Reason = reason, MeetingDate = meetingDate, DecisionNumber = decisionNumber, Version = version };
        var result = await handlers.PerformAsync(Id, act, request, ct);
        // A submission or a decision is not "saved": say where the application now stands.
        return await AfterAsync(result.IsSuccess ? null : result.Failure, ct,
            result.IsSuccess ? text["applications.flash.moved", ApplicationLabels.Status(text, result.Value)] : null);
    }

    public async Task<IActionResult> OnPostUploadAsync(string material, IFormFile? file, CancellationToken ct)
    {
        var result = await handlers.UploadMaterialAsync(Id, material, file, ct);
        return await AfterAsync(result.IsSuccess ? null : result.Failure, ct, text["applications.flash.uploaded"]);
    }

    public async Task<IActionResult> OnPostResolveAsync(Guid objectionId, bool upheld, string? reason, CancellationToken ct)
    {
        var result = await objections.ResolveObjectionAsync(objectionId, new ObjectionResolution(upheld, reason), ct);
        return await AfterAsync(result.IsSuccess ? null : result.Failure, ct, text["applications.flash.resolved"]);
    }

    private async Task<IActionResult> AfterAsync(Failure? failure, CancellationToken ct, string? done = null)
    {
        if (failure is null)
        {
            TempData["Flash"] = done ?? text["common.saved"];
            return Redirect($"/Applications/Details/{Id}");
        }

        ModelState.AddFailure(failure, text, string.Empty);
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var found = await queries.GetAsync(Id, ct);
        if (!found.IsSuccess)
        {
            return false;
        }

        Application = found.Value;
        Review = await review.StateAsync(Id, ct);
        return true;
    }
}
