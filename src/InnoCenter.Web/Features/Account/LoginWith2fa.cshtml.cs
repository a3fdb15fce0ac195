using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace InnoCenter.Web.Features.Account;

/// <summary>
/// The second step of signing in: the six-digit code from the authenticator app, or one of the recovery codes. Wrong
/// codes count towards the lockout as wrong passwords do.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(AuthSetup.SignInRateLimit)]
public sealed class LoginWith2faModel(SignInManager<AppUser> signIn, Text text) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToPage("/Account/Login");
        }

        var code = TwoFactor.Clean(Code);
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(Code), text["validation.required"]);
            return Page();
        }

        // Six digits are the app's code; anything else can only be a recovery code (which keeps its hyphen).
        var result = code.Length == 6 && code.All(char.IsAsciiDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, RememberMe, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync((Code ?? "").Replace(" ", "").Trim().ToUpperInvariant());
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }

        ModelState.AddModelError(nameof(Code), result.IsLockedOut ? text["login.locked_out"] : text["twofactor.invalid_code"]);
        return Page();
    }
}
