using InnoCenter.Domain.Common;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Funds;

/// <summary>预警看板: the warnings the daily sweep keeps, by kind, each linking to its grant, with the Admins' follow-up.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class WarningsModel(FundWarningBoard board, Text text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Resolved { get; set; }

    /// <summary>From the query only: Razor Pages keeps the page's own path in the route value "page", which would win.</summary>
    [FromQuery(Name = "page")]
    public int? PageNumber { get; set; }

    public PagedResult<WarningRowDto> Result { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostFollowUpAsync(Guid warningId, string? note, int? version, CancellationToken ct)
    {
        var done = await board.FollowUpAsync(warningId, new FollowUpRequest(note, version), ct);
        if (done.IsSuccess)
        {
            TempData["Flash"] = text["funds.saved"];
            return Redirect(Request.Path + Request.QueryString);
        }

        if (done.Failure!.Kind == FailureKind.NotFound)
        {
            return NotFound();
        }

        ModelState.AddFailure(done.Failure, text, string.Empty);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var kind = FundWarnings.Kinds.Contains(Kind ?? "") ? Kind : null;
        var result = await board.ListAsync(kind, Resolved, PageNumber, null, ct);
        Result = result.IsSuccess ? result.Value : Result;
    }
}
