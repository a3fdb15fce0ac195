using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Policy;
using Microsoft.AspNetCore.Mvc;

namespace InnoCenter.Web.Features.Experts;

public sealed class CreateModel(ExpertHandlers handlers, PolicyProvider policy, Text text) : ExpertFormModel(handlers, policy, text)
{
    public override bool IsEdit => false;

    public void OnGet() => PadRows();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) => Outcome(await Handlers.CreateAsync(Input.ToRequest(), ct));
}
