using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Reviews;

[Authorize(Roles = Roles.Expert)]
public sealed class MyModel(PanelInvitationHandlers handlers, Text text) : PageModel
{
    public IReadOnlyList<AssignmentDto> Assignments { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Assignments = await handlers.MyAssignmentsAsync(ct);

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

        Assignments = await handlers.MyAssignmentsAsync(ct);
        return Page();
    }
}
