using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace InnoCenter.Web.Features.Experts;

/// <summary>The page an invitation link opens: anonymous, rate-limited like the other public forms; it sets the password once.</summary>
[AllowAnonymous]
[EnableRateLimiting(AuthSetup.PublicFormRateLimit)]
public sealed class AcceptInvitationModel(ExpertInvitationHandlers invitations, Text text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public InvitationPreview? Invitation { get; private set; }

    public bool Done { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) =>
        Invitation = await invitations.PreviewAsync(Token, ct) is { IsSuccess: true } p ? p.Value : null;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await invitations.AcceptAsync(new AcceptInvitationRequest(Token, Password, ConfirmPassword), ct);
        if (result.IsSuccess)
        {
            Done = true;
            return Page();
        }

        ModelState.AddFailure(result.Failure!, text, string.Empty);
        Invitation = await invitations.PreviewAsync(Token, ct) is { IsSuccess: true } p ? p.Value : null;
        return Page();
    }
}
