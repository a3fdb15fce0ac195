using InnoCenter.Web.Features.Centers;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Plans;

/// <summary>The officer's view of plan implementation: revisions waiting for a decision and the centers behind their plan in a year.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class BehindModel(PlanQueries queries, Text text, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public IReadOnlyList<PlanWarningDto> Warnings { get; private set; } = [];

    public IReadOnlyList<PendingRevisionDto> Pending { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Year ??= clock.TodayInBeijing().Year;
        var warnings = await queries.BehindAsync(Year, ct);
        if (warnings.IsSuccess)
        {
            Warnings = warnings.Value;
        }
        else
        {
            ModelState.AddModelError(nameof(Year), text.Of(warnings.Failure!.Errors[0]));
        }

        var pending = await queries.PendingAsync(ct);
        Pending = pending.IsSuccess ? pending.Value : [];
        return Page();
    }
}
