using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Policy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Policy;

/// <summary>One stored version: its JSON, its state, and (for a proposed one) the form that applies it from a day.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class VersionModel(PolicyHandlers handlers, PolicyProvider policy, Text text, TimeProvider clock) : PageModel
{
    public PolicyVersionDto Version { get; private set; } = null!;

    public Guid InForceId => policy.CurrentRecordId;

    public IReadOnlyList<string> Errors { get; private set; } = [];

    [BindProperty]
    public DateOnly? EffectiveFrom { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        EffectiveFrom = clock.TodayInBeijing();
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostApplyAsync(Guid id, CancellationToken ct)
    {
        var result = await handlers.ApplyAsync(id, new ApplyPolicyRequest { EffectiveFrom = EffectiveFrom }, ct);
        if (result.IsSuccess)
        {
            TempData["Flash"] = text["policy.applied", result.Value.Version, result.Value.EffectiveFrom?.ToString("yyyy-MM-dd") ?? ""];
            return RedirectToPage("/Policy/Index");
        }

        Errors = result.Failure!.Errors.Select(text.Of).ToList();
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var result = await handlers.GetAsync(id, ct);
        if (!result.IsSuccess)
        {
            return false;
        }

        Version = result.Value;
        return true;
    }
}
