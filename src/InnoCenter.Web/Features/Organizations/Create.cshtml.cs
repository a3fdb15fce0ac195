using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Policy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace InnoCenter.Web.Features.Organizations;

[Authorize(Roles = Roles.Admin)]
public sealed class CreateModel(OrganizationHandlers handlers, PolicyProvider policy, Text text)
    : OrganizationFormModel(handlers, policy, text)
{
    public override bool IsEdit => false;

    public void OnGet()
    {
        // Most organisations an Admin enters are of the programme's own city.
        Input.Region = Policy.RegionScope.Home ?? Policy.Regions.FirstOrDefault()?.Code;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        Outcome(await Handlers.CreateAsync(Input.ToRequest(), ct));
}
