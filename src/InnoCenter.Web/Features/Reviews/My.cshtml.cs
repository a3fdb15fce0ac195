using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Reviews;

[Authorize(Roles = Roles.Expert)]
public sealed class MyModel(PanelInvitationHandlers handlers, Text text) : PageModel
{
    /// <summary>From the query only: Razor Pages keeps the page's own path in the route value "page", which would win.</summary>
    [FromQuery(Name = "page")]
    public int? PageNumber { get; set; }

    public PagedResult<AssignmentDto> Result { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public IReadOnlyList<AssignmentDto> Assignments => Result.Items;

    public async Task OnGetAsync(CancellationToken ct) => Result = await handlers.MyAssignmentsAsync(PageNumber, null, ct);

    public async Task<IActionResult> OnPostAcceptAsync(Guid memberId, CancellationToken ct) =>
        await After(await handlers.AcceptAsync(memberId, ct), "reviews.flash.accepted", ct);

    public async Task<IActionResult> OnPostDeclineAsync(Guid memberId, string? reason, CancellationToken ct) =>
        await After(await handlers.DeclineAsync(memberId, new ReasonRequest(reason), ct), "reviews.flash.declined", ct);

    private async Task<IActionResult> After(InnoCenter.Domain.Common.Result<AssignmentDto> result, string doneKey, CancellationToken ct)
    {
        if (result.IsSuccess)
        {
            TempData["Flash"] = text[doneKey];
            return RedirectToPage();
        }

        foreach (var e in result.Failure!.Errors)
        {
            ModelState.AddModelError(string.Empty, text.Of(e));
        }

        await OnGetAsync(ct);
        return Page();
    }
}
