using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Centers.Public;

/// <summary>A recognised center's public page: the published fields only.</summary>
public sealed class DetailsModel(CenterHandlers handlers) : PageModel
{
    public PublicCenterDto Center { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var found = await handlers.GetPublicAsync(id, ct);
        if (!found.IsSuccess)
        {
            return NotFound();
        }

        Center = found.Value;
        return Page();
    }
}
