using InnoCenter.Domain.Policy;
using InnoCenter.Web.Infrastructure.Policy;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Centers.Public;

/// <summary>The public list of recognised centers (anonymous).</summary>
public sealed class IndexModel(CenterHandlers handlers, PolicyProvider policy) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public CenterFilter Filter { get; set; } = new();

    public PagedResult<CenterSummaryDto> Result { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public PolicyPack Policy => policy.Current;

    public async Task OnGetAsync(CancellationToken ct) => Result = await handlers.PublicListAsync(Filter, ct);
}
