using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Portal.Funds;

/// <summary>资金安排公开: the fund allocations the commission has published, for anyone.</summary>
[AllowAnonymous]
public sealed class IndexModel(PublicFundQueries queries) : PageModel
{
    public PagedResult<PublicFundRow> Result { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public async Task OnGetAsync(CancellationToken ct) =>
        Result = await queries.ListAsync(int.TryParse(Request.Query["page"], out var n) ? n : null, null, ct);
}
