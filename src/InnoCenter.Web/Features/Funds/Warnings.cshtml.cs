using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Funds;

/// <summary>预警看板: every live warning over all grants, by kind, each linking to its grant.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class WarningsModel(FundWarnings warnings) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    public PagedResult<FundWarning> Result { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var kind = FundWarnings.Kinds.Contains(Kind ?? "") ? Kind : null;
        var all = await warnings.AllAsync(kind, null, ct);
        var (page, size) = Paging.Normalize(PageNumber, null);
        Result = new PagedResult<FundWarning>(all.Skip((page - 1) * size).Take(size).ToList(), page, size, all.Count);
    }
}
