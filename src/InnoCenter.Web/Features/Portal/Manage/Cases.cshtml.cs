using InnoCenter.Domain.Portal;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Portal.Manage;

/// <summary>The staff list of typical cases: an Admin's review queue, a center's own cases.</summary>
[Authorize(Roles = Roles.Admin + "," + Roles.CenterUser)]
public sealed class CasesModel(CaseHandlers handlers) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public CaseVersionStatus? Review { get; set; }

    public PagedResult<CaseRow> Result { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await handlers.ListAsync(new CaseFilter(null, Review, int.TryParse(Request.Query["page"], out var n) ? n : null, null), ct);
        if (!result.IsSuccess)
        {
            return Forbid();
        }

        Result = result.Value;
        return Page();
    }
}
