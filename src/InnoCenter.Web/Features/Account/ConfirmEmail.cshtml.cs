using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Account;

/// <summary>
/// The page the address-change mail links to. Opening it changes nothing (mail scanners open links); the button does.
/// </summary>
public sealed class ConfirmEmailModel(AccountRecovery recovery, Text text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Email { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public string? Changed { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await recovery.ConfirmEmailChangeAsync(new EmailChangeConfirmation(UserId, Email, Token), ct);
        if (!result.IsSuccess)
        {
            ModelState.AddFailure(result.Failure!, text, prefix: string.Empty);
            return Page();
        }

        Changed = result.Value;
        return Page();
    }
}
