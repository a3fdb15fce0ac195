using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Assessment;

/// <summary>考核结果: a center's scorecard — every indicator with its value, points and the figures and evidence behind it.</summary>
public sealed class ScorecardModel(ScorecardQueries scorecards) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public ScorecardDto Card { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var found = await scorecards.GetAsync(Id, ct);
        if (!found.IsSuccess)
        {
            return NotFound();
        }

        Card = found.Value;
        return Page();
    }
}
