using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Centers;

/// <summary>The center's users or an Admin complete the legal entity's details after approval.</summary>
public sealed class LegalEntityModel(CenterHandlers handlers, Text text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public LegalEntityInput Input { get; set; } = new();

    public string CenterName { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var found = await handlers.GetAsync(Id, ct);
        if (!found.IsSuccess)
        {
            return NotFound();
        }

        var c = found.Value;
        if (!c.CanEdit && !User.IsInRole(Infrastructure.Auth.Roles.Admin))
        {
            return Forbid();
        }

        CenterName = c.Name;
        Input = new LegalEntityInput
        {
            Name = c.LegalEntity.Name ?? c.Name,
            CreditCode = c.LegalEntity.CreditCode,
            RegisteredCapital = c.LegalEntity.RegisteredCapital,
            FoundedOn = c.LegalEntity.FoundedOn,
            Version = c.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await handlers.UpdateLegalEntityAsync(Id, new LegalEntityRequest
        {
            Name = Input.Name,
            CreditCode = Input.CreditCode,
            RegisteredCapital = Input.RegisteredCapital,
            FoundedOn = Input.FoundedOn,
            Version = Input.Version,
        }, ct);
        if (!result.IsSuccess)
        {
            ModelState.AddFailure(result.Failure!, text);
            CenterName = (await handlers.GetAsync(Id, ct)).Value.Name;
            return Page();
        }

        TempData["Flash"] = text["common.saved"];
        return Redirect($"/Centers/Details/{Id}");
    }

    public sealed class LegalEntityInput
    {
        public string? Name { get; set; }

        public string? CreditCode { get; set; }

        public decimal? RegisteredCapital { get; set; }

        public DateOnly? FoundedOn { get; set; }

        public int? Version { get; set; }
    }
}
