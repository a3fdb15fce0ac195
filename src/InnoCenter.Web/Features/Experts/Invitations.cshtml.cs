using InnoCenter.Domain.Reviews;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Experts;

/// <summary>The account invitations, by state, with resend and revoke.</summary>
public sealed class InvitationsModel(ExpertInvitationHandlers invitations, Text text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    /// <summary>From the query only: Razor Pages keeps the page's own path in the route value "page", which would win.</summary>
    [FromQuery(Name = "page")]
    public int? PageNumber { get; set; }

    public PagedResult<InvitationRow> Result { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public static IReadOnlyList<string> States { get; } =
        [nameof(ExpertInvitationState.Invited), nameof(ExpertInvitationState.Expired), nameof(ExpertInvitationState.Accepted), nameof(ExpertInvitationState.Revoked)];

    public async Task OnGetAsync(CancellationToken ct) => Result = await invitations.ListAsync(State, PageNumber, null, ct);

    public async Task<IActionResult> OnPostResendAsync(Guid expertId, CancellationToken ct) =>
        await AfterAsync(await invitations.ResendAsync(expertId, ct) is { IsSuccess: true } r && r.Value.Invited.Count == 1
            ? null
            : "experts.invite.not_sent", ct);

    public async Task<IActionResult> OnPostRevokeAsync(Guid expertId, CancellationToken ct)
    {
        var result = await invitations.RevokeAsync(expertId, ct);
        return await AfterAsync(result.IsSuccess ? null : text.Of(result.Failure!.Errors[0]), ct, translated: true);
    }

    private async Task<IActionResult> AfterAsync(string? problem, CancellationToken ct, bool translated = false)
    {
        if (problem is null)
        {
            TempData["Flash"] = text["common.saved"];
            return Redirect(Request.Path + Request.QueryString);
        }

        ModelState.AddModelError(string.Empty, translated ? problem : text[problem]);
        await OnGetAsync(ct);
        return Page();
    }
}
