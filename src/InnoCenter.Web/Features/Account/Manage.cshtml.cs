using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Account;

/// <summary>The signed-in user's own account: password and personal access tokens.</summary>
public sealed class ManageModel(
    UserManager<AppUser> users, SignInManager<AppUser> signIn, TokenHandlers tokens, AccountRecovery recovery, Text text) : PageModel
{
    [BindProperty]
    public string? PreferredCulture { get; set; }

    [BindProperty]
    public string? NewEmail { get; set; }

    public string? CurrentEmail { get; private set; }

    [BindProperty]
    public PasswordInput Password { get; set; } = new();

    [BindProperty]
    public TokenInput Token { get; set; } = new();

    public IReadOnlyList<TokenDto> Tokens { get; private set; } = [];

    public string? NewSecret { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Tokens = await tokens.ListAsync(ct);
        await LoadPreferencesAsync(ct);
    }

    public async Task<IActionResult> OnPostPreferencesAsync(CancellationToken ct)
    {
        var result = await recovery.SetPreferencesAsync(UserId, new PreferencesRequest(PreferredCulture), ct);
        if (result.IsSuccess)
        {
            TempData["Flash"] = text["account.preferences_saved"];
            return RedirectToPage();
        }

        ModelState.AddFailure(result.Failure!, text, prefix: string.Empty);
        Tokens = await tokens.ListAsync(ct);
        CurrentEmail = (await recovery.PreferencesAsync(UserId, ct)).Value?.Email;
        return Page();
    }

    public async Task<IActionResult> OnPostChangeEmailAsync(CancellationToken ct)
    {
        var result = await recovery.RequestEmailChangeAsync(UserId, new EmailChangeRequest(NewEmail), ct);
        if (result.IsSuccess)
        {
            TempData["Flash"] = text["account.email.sent"];
            return RedirectToPage();
        }

        ModelState.AddFailure(result.Failure!, text, prefix: string.Empty);
        Tokens = await tokens.ListAsync(ct);
        await LoadPreferencesAsync(ct, keepInput: true);
        return Page();
    }

    private Guid UserId => Guid.TryParse(users.GetUserId(User), out var id) ? id : Guid.Empty;

    private async Task LoadPreferencesAsync(CancellationToken ct, bool keepInput = false)
    {
        var prefs = await recovery.PreferencesAsync(UserId, ct);
        if (prefs.IsSuccess)
        {
            CurrentEmail = prefs.Value.Email;
            if (!keepInput || PreferredCulture is null)
            {
                PreferredCulture = prefs.Value.PreferredCulture;
            }
        }
    }

    public async Task<IActionResult> OnPostChangePasswordAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (string.IsNullOrEmpty(Password.Current))
        {
            ModelState.AddModelError("Password.Current", text["validation.required"]);
        }

        if (string.IsNullOrEmpty(Password.New))
        {
            ModelState.AddModelError("Password.New", text["validation.required"]);
        }

        if (ModelState.ErrorCount == 0)
        {
            var result = await users.ChangePasswordAsync(user, Password.Current!, Password.New!);
            if (result.Succeeded)
            {
                await signIn.RefreshSignInAsync(user);
                TempData["Flash"] = text["manage.password_changed"];
                return RedirectToPage();
            }

            foreach (var e in result.Errors)
            {
                ModelState.AddModelError(e.Code == "PasswordMismatch" ? "Password.Current" : "Password.New", e.Description);
            }
        }

        Tokens = await tokens.ListAsync(ct);
        await LoadPreferencesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateTokenAsync(CancellationToken ct)
    {
        var result = await tokens.CreateAsync(new TokenRequest(Token.Name, Token.ExpiresInDays), ct);
        if (result.IsSuccess)
        {
            NewSecret = result.Value.Secret;
            Token = new TokenInput();
            ModelState.Clear();
        }
        else
        {
            ModelState.AddFailure(result.Failure!, text, "Token");
        }

        Tokens = await tokens.ListAsync(ct);
        await LoadPreferencesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct)
    {
        var result = await tokens.RevokeAsync(id, ct);
        TempData["Flash"] = result.IsSuccess ? text["tokens.revoked"] : text.Of(result.Failure!.Errors[0]);
        return RedirectToPage();
    }

    public sealed class PasswordInput
    {
        public string? Current { get; set; }

        public string? New { get; set; }
    }

    public sealed class TokenInput
    {
        public string? Name { get; set; }

        public int? ExpiresInDays { get; set; } = 90;
    }
}
