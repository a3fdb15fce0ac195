using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Organizations;

public sealed class DetailsModel(OrganizationHandlers handlers) : PageModel
{
    public OrganizationDto? Organization { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var found = await handlers.GetAsync(id, ct);
        if (!found.IsSuccess)
        {
            return NotFound();
        }

        Organization = found.Value;
        return Page();
    }
}
