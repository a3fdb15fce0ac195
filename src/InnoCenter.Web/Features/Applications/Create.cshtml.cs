using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Policy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace InnoCenter.Web.Features.Applications;

[Authorize(Roles = Roles.CenterUser)]
public sealed class CreateModel(ApplicationHandlers handlers, PolicyProvider policy, Text text) : ApplicationFormModel(handlers, policy, text)
{
    public void OnGet() => PadRows();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) => Outcome(await Handlers.CreateAsync(Input.ToRequest(), ct));
}
