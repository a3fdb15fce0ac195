using InnoCenter.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Assessment;

/// <summary>考核总览 of a cycle: the score and grade distribution, each dimension, and every center's result.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class OverviewModel(AssessmentDocuments documents) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public OverviewDto Overview { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // The page number comes from the query string as the shared pager writes it (Razor Pages' own route value is also called "page").
        var found = await documents.OverviewAsync(Id, int.TryParse(Request.Query["page"], out var n) ? n : null, null, ct);
        if (!found.IsSuccess)
        {
            return NotFound();
        }

        Overview = found.Value;
        return Page();
    }
}
