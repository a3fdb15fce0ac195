using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace InnoCenter.Web.Features.Account;

/// <summary>重置密码: the page the reset mail links to; the token in the link is used once.</summary>
[EnableRateLimiting(AuthSetup.PublicFormRateLimit)]
public sealed class ResetPasswordModel(AccountRecovery recovery, Text text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    public bool Done { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await recovery.ResetAsync(new ResetPasswordRequest(UserId, Token, NewPassword), ct);
        if (!result.IsSuccess)
        {
            ModelState.AddFailure(result.Failure!, text, prefix: string.Empty);
            return Page();
        }

        Done = true;
        return Page();
    }
}
