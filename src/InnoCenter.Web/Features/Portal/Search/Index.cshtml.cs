using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Portal.Search;

/// <summary>The public site search.</summary>
public sealed class IndexModel(PortalSearch search) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public PortalSearchResult? Result { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(Q))
        {
            Result = await search.SearchAsync(Q, ct);
        }
    }
}
