using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace InnoCenter.Web.Features.Account;

/// <summary>忘记密码: asks for the address and always answers the same, whether an account has it or not.</summary>
[EnableRateLimiting(AuthSetup.PublicFormRateLimit)]
public sealed class ForgotPasswordModel(AccountRecovery recovery, Text text) : PageModel
{
    [BindProperty]
    public ForgotInput Input { get; set; } = new();

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await recovery.RequestResetAsync(new ForgotPasswordRequest(Input.Email), ct);
        if (!result.IsSuccess)
        {
            ModelState.AddFailure(result.Failure!, text);
            return Page();
        }

        Sent = true;
        return Page();
    }

    public sealed class ForgotInput
    {
        public string? Email { get; set; }
    }
}
