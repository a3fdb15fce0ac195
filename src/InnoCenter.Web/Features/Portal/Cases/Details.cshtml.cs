using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Portal.Cases;

/// <summary>One published typical case in its published version; anything else is not found.</summary>
public sealed class DetailsModel(PublicCaseQueries queries) : PageModel
{
    public PublicCaseDto Case { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var found = await queries.GetAsync(id, ct);
        if (!found.IsSuccess)
        {
            return NotFound();
        }

        Case = found.Value;
        return Page();
    }
}
