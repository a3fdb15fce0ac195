using InnoCenter.Domain.Common;
using InnoCenter.Domain.Organizations;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Users;

public sealed class CreateModel(UserHandlers handlers, AppDbContext db, Text text) : PageModel
{
    [BindProperty]
    public CreateInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Guid? orgId = null;
        if (!string.IsNullOrWhiteSpace(Input.CreditCode))
        {
            var code = Uscc.Normalize(Input.CreditCode);
            orgId = await db.Organizations.Where(o => o.CreditCode == code).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct);
            if (orgId is null)
            {
                ModelState.AddFailure(Failure.Validation(new Error("registration.organization_unknown", "creditCode", code)), text);
                return Page();
            }
        }

        var result = await handlers.CreateByAdminAsync(
            new UserCreateRequest(Input.Email, Input.DisplayName, Input.Password, Input.Role, orgId) { PreferredCulture = Input.PreferredCulture }, ct);
        if (!result.IsSuccess)
        {
            // The page asks for the organisation by its credit code, so that is where its errors belong.
            var failure = result.Failure! with
            {
                Errors = result.Failure!.Errors.Select(e => e.Field == "organizationId" ? e with { Field = "creditCode" } : e).ToList(),
            };
            ModelState.AddFailure(failure, text);
            return Page();
        }

        TempData["Flash"] = text["common.saved"];
        return RedirectToPage("/Users/Index");
    }

    public sealed class CreateInput
    {
        public string? Email { get; set; }

        public string? DisplayName { get; set; }

        public string? Password { get; set; }

        public string? Role { get; set; } = Roles.Expert;

        public string? CreditCode { get; set; }

        public string? PreferredCulture { get; set; } = LocalizationSetup.Chinese;
    }
}
