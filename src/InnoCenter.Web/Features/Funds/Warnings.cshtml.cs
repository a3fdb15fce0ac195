using InnoCenter.Domain.Common;
using InnoCenter.Web.Features.Plans;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Funds;

/// <summary>
/// 预警看板: the warnings the daily sweep keeps, by kind, each linking to its grant, with the Admins' follow-up; beside
/// them the plan's behind-schedule warnings (规划实施进度滞后) of this year, each linking to the center's plan — counted
/// from the plan module's minute-old snapshot on the whole board, listed on the spot when that kind is chosen.
/// </summary>
[Authorize(Roles = Roles.Admin)]
public sealed class WarningsModel(FundWarningBoard board, PlanQueries plans, PlanBehindSnapshots behindCounts, Text text, TimeProvider clock) : PageModel
{
    /// <summary>The board's kind for the plan's behind-schedule warnings, beside the fund warnings' kinds.</summary>
    public const string PlanBehindKind = "plan-behind";

    /// <summary>This year's plan warnings, when <see cref="PlanBehindKind"/> is chosen.</summary>
    public IReadOnlyList<PlanWarningDto>? PlanWarnings { get; private set; }

    /// <summary>How many centers are behind their plan this year, shown on the fund warnings.</summary>
    public int PlanBehindCount { get; private set; }

    public int Year { get; private set; }

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
        var today = clock.TodayInBeijing();
        Year = today.Year;
        if (Kind == PlanBehindKind)
        {
            var behind = await plans.BehindAsync(Year, ct);
            PlanWarnings = behind.IsSuccess ? behind.Value : [];
            return;
        }

        var count = await behindCounts.GetAsync(async () => new PlanBehindCount(today.Year, (await plans.WarningsAsync(today.Year, today, CancellationToken.None)).Count));
        PlanBehindCount = count.Year == today.Year ? count.Count : 0;
        var kind = FundWarnings.Kinds.Contains(Kind ?? "") ? Kind : null;
        var result = await board.ListAsync(kind, Resolved, PageNumber, null, ct);
        Result = result.IsSuccess ? result.Value : Result;
    }
}
