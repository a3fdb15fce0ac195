using InnoCenter.Domain.Common;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Experts;

/// <summary>Employer changes asked for by experts (工作单位变更): an Admin confirms or refuses each, with a reason.</summary>
public sealed class ChangesModel(ExpertProfileHandlers profiles, Text text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    /// <summary>From the query only: Razor Pages keeps the page's own path in the route value "page", which would win.</summary>
    [FromQuery(Name = "page")]
    public int? PageNumber { get; set; }

    public PagedResult<AffiliationChangeDto> Result { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public static IReadOnlyList<string> Statuses { get; } = ["Pending", "Confirmed", "Refused"];

    public async Task OnGetAsync(CancellationToken ct) => Result = await profiles.ChangesAsync(Status, PageNumber, null, ct);

    public async Task<IActionResult> OnPostConfirmAsync(Guid changeId, string? reason, int? version, CancellationToken ct) =>
        await AfterAsync((await profiles.ConfirmAsync(changeId, new ChangeDecisionRequest(reason, version), ct)).Failure, ct);

    public async Task<IActionResult> OnPostRefuseAsync(Guid changeId, string? reason, int? version, CancellationToken ct) =>
        await AfterAsync((await profiles.RefuseAsync(changeId, new ChangeDecisionRequest(reason, version), ct)).Failure, ct);

    private async Task<IActionResult> AfterAsync(Failure? failure, CancellationToken ct)
    {
        if (failure is null)
        {
            TempData["Flash"] = text["common.saved"];
            return Redirect(Request.Path + Request.QueryString);
        }

        foreach (var e in failure.Errors)
        {
            ModelState.AddModelError(string.Empty, text.Of(e));
        }

        await OnGetAsync(ct);
        return Page();
    }
}
