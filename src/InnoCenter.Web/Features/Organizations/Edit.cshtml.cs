using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Policy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace InnoCenter.Web.Features.Organizations;

[Authorize(Roles = Roles.Admin)]
public sealed class EditModel(OrganizationHandlers handlers, PolicyProvider policy, Text text)
    : OrganizationFormModel(handlers, policy, text)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public override bool IsEdit => true;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var found = await Handlers.GetAsync(Id, ct);
        if (!found.IsSuccess)
        {
            return NotFound();
        }

        var o = found.Value;
        Input = new OrganizationInput
        {
            CreditCode = o.CreditCode,
            Name = o.Name,
            Type = o.Type,
            Region = o.Region,
            DistrictCode = o.DistrictCode,
            Address = o.Address,
            ContactName = o.ContactName,
            ContactPhone = o.ContactPhone,
            Version = o.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        Outcome(await Handlers.UpdateAsync(Id, Input.ToRequest(), ct));
}
