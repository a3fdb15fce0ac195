using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Account;

/// <summary>
/// Sets up two-factor sign-in in the profile: scan the QR code (or type the key) into an authenticator app, confirm
/// with a code, and take the recovery codes, which are shown this once. Recovery codes can be renewed; two-factor
/// sign-in can be turned off with the password, unless the account's role requires it.
/// </summary>
public sealed class TwoFactorModel(
    UserManager<AppUser> users, SignInManager<AppUser> signIn, Text text, IConfiguration config, IHostEnvironment env) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public bool Enabled { get; private set; }

    /// <summary>True when this account must have two-factor sign-in (an administrator, with the setting on).</summary>
    public bool Required { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    public string? Key { get; private set; }

    public string? QrCode { get; private set; }

    /// <summary>Only in the response that made them; never shown again.</summary>
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is null ? Challenge() : Page();

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var user = await LoadAsync();
        if (user is null)
        {
            return Challenge();
        }

        if (Enabled)
        {
            return Page();
        }

        var code = TwoFactor.Clean(Code);
        if (code.Length == 0 || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), text[code.Length == 0 ? "validation.required" : "twofactor.invalid_code"]);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, TwoFactor.RecoveryCodeCount))?.ToList() ?? [];
        await signIn.RefreshSignInAsync(user);
        Done = text["twofactor.enabled_now"];
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        var user = await LoadAsync();
        if (user is null)
        {
            return Challenge();
        }

        if (!Enabled)
        {
            return Page();
        }

        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, TwoFactor.RecoveryCodeCount))?.ToList() ?? [];
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await LoadAsync();
        if (user is null)
        {
            return Challenge();
        }

        if (Required)
        {
            ModelState.AddModelError(nameof(Password), text["twofactor.required_for_role"]);
            return Page();
        }

        if (string.IsNullOrEmpty(Password) || !await users.CheckPasswordAsync(user, Password))
        {
            ModelState.AddModelError(nameof(Password), text["twofactor.wrong_password"]);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        Done = text["twofactor.disabled_now"];
        await LoadAsync();
        return Page();
    }

    private async Task<AppUser?> LoadAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return null;
        }

        Enabled = await users.GetTwoFactorEnabledAsync(user);
        Required = TwoFactor.RequiredForAdmins(config, env) && (await users.GetRolesAsync(user)).Any(Duties.Separated.Contains);
        if (Enabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            Key = null;
            QrCode = null;
            return user;
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        Key = TwoFactor.Readable(key!);
        QrCode = TwoFactor.QrDataUri(TwoFactor.AuthenticatorUri(user.Email!, key!));
        return user;
    }
}
