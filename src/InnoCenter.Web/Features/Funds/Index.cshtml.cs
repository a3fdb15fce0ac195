using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Funds;

[Authorize(Roles = Roles.Admin + "," + Roles.CenterUser)]
public sealed class IndexModel(GrantHandlers handlers) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Pending { get; set; }

    /// <summary>From the query only: Razor Pages keeps the page's own path in the route value "page", which would win.</summary>
    [FromQuery(Name = "page")]
    public int? PageNumber { get; set; }

    public PagedResult<GrantRow> Result { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await handlers.ListAsync(new GrantFilter(null, Status, Year, PageNumber, null, Pending), ct);
        if (!result.IsSuccess)
        {
            return Forbid();
        }

        Result = result.Value;
        return Page();
    }
}
