using InnoCenter.Web.Features.Users;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace InnoCenter.Web.Features.Account;

/// <summary>Self-registration for an organisation's staff: the account waits for an Admin to verify it.</summary>
[EnableRateLimiting(AuthSetup.PublicFormRateLimit)]
public sealed class RegisterModel(UserHandlers handlers, Text text) : PageModel
{
    [BindProperty]
    public RegisterInput Input { get; set; } = new();

    public bool Done { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await handlers.RegisterAsync(
            new RegistrationRequest(Input.Email, Input.DisplayName, Input.Password, Input.CreditCode, Input.Role) { PreferredCulture = Input.PreferredCulture }, ct);
        if (!result.IsSuccess)
        {
            ModelState.AddFailure(result.Failure!, text);
            return Page();
        }

        Done = true;
        return Page();
    }

    public sealed class RegisterInput
    {
        public string? Email { get; set; }

        public string? DisplayName { get; set; }

        public string? Password { get; set; }

        public string? CreditCode { get; set; }

        public string? Role { get; set; } = Roles.CenterUser;

        public string? PreferredCulture { get; set; } = LocalizationSetup.IsEnglish ? LocalizationSetup.English : LocalizationSetup.Chinese;
    }
}
