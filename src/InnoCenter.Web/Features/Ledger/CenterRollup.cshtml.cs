using InnoCenter.Web.Features.Centers;
using InnoCenter.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Ledger;

/// <summary>The center's yearly summary (a tab of the center's pages, kept by the ledger module that computes it): the figures the assessment's indicators read from the ledger.</summary>
public sealed class CenterRollupModel(CenterHandlers centers, LedgerRollupHandlers rollups, TimeProvider clock, Text text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public CenterDto Center { get; private set; } = null!;

    public IReadOnlyDictionary<string, decimal> Figures { get; private set; } = new Dictionary<string, decimal>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var found = await centers.GetAsync(Id, ct);
        if (!found.IsSuccess)
        {
            return NotFound();
        }

        Center = found.Value;
        Year ??= clock.TodayInBeijing().Year - 1;
        var figures = await rollups.CenterYearAsync(Id, Year.Value, ct);
        if (!figures.IsSuccess)
        {
            if (figures.Failure!.Kind != Domain.Common.FailureKind.Validation)
            {
                return NotFound();
            }

            ModelState.AddModelError(nameof(Year), text.Of(figures.Failure.Errors[0]));
            return Page();
        }

        Figures = figures.Value;
        return Page();
    }
}
