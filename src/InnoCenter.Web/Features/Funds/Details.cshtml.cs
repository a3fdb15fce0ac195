using InnoCenter.Domain.Common;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Funds;

/// <summary>A grant's page: lines, figures, tranches, receipts, expenditures, warnings, changes and history, with each step as its own form.</summary>
[Authorize(Roles = Roles.Admin + "," + Roles.CenterUser)]
public sealed class DetailsModel(GrantHandlers grants, TrancheHandlers money, ExpenditureHandlers spending, Text text) : PageModel
{
    public GrantDto Grant { get; private set; } = null!;

    public PagedResult<ExpenditureDto> Expenditures { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    /// <summary>
    /// The expenditure list's page, from the query only: Razor Pages keeps the page's own path in the route value
    /// "page", which a plain bound property would read first (and refuse as a number on every visit).
    /// </summary>
    [FromQuery(Name = "page")]
    public int? PageNumber { get; set; }

    public bool IsAdmin => User.IsInRole(Roles.Admin);

    public bool IsCenter => User.IsInRole(Roles.CenterUser);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public Task<IActionResult> OnPostStepAsync(Guid id, string step, int? version, string? reason, CancellationToken ct)
    {
        var request = new GrantStepRequest(version, reason);
        return step switch
        {
            "approve" => Done(id, grants.ApproveAsync(id, request, ct), ct),
            "start" => Done(id, grants.StartAsync(id, request, ct), ct),
            "accept" => Done(id, grants.AcceptAsync(id, request, ct), ct),
            "publish" => Done(id, grants.PublishAsync(id, request, ct), ct),
            "terminate" => Done(id, grants.TerminateAsync(id, request, ct), ct),
            _ => Task.FromResult<IActionResult>(BadRequest()),
        };
    }

    public Task<IActionResult> OnPostAdjustAsync(Guid id, Guid? fromLineId, Guid? toLineId, decimal? amount, string? reason, int? version, CancellationToken ct) =>
        Done(id, grants.RequestAdjustmentAsync(id, new AdjustmentRequest(fromLineId, toLineId, amount, reason, version), ct), ct);

    public Task<IActionResult> OnPostExtendAsync(Guid id, DateOnly? periodTo, string? reason, int? version, CancellationToken ct) =>
        Done(id, grants.RequestExtensionAsync(id, new ExtensionRequest(periodTo, reason, version), ct), ct);

    public Task<IActionResult> OnPostDecideAsync(Guid id, Guid changeId, bool approve, string? reason, int? version, CancellationToken ct) =>
        Done(id, grants.DecideChangeAsync(id, changeId, new ChangeDecisionRequest(approve, reason, version), ct), ct);

    public Task<IActionResult> OnPostTrancheAsync(Guid id, decimal? amount, DateOnly? plannedOn, bool isFinal, CancellationToken ct) =>
        Done(id, money.PlanTrancheAsync(id, new TrancheRequest(amount, plannedOn, isFinal), ct), ct);

    public Task<IActionResult> OnPostReleaseAsync(Guid id, Guid trancheId, DateOnly? releasedOn, int? version, CancellationToken ct) =>
        Done(id, money.ReleaseTrancheAsync(id, trancheId, new TrancheReleaseRequest(releasedOn, version), ct), ct);

    public Task<IActionResult> OnPostReceiptAsync(Guid id, string? source, decimal? amount, DateOnly? receivedOn, string? note, IFormFile? evidence, CancellationToken ct) =>
        Done(id, money.RecordReceiptAsync(id, source, amount, receivedOn, note, evidence, ct), ct);

    public Task<IActionResult> OnPostAcceptanceAsync(Guid id, IFormFile? file, CancellationToken ct) =>
        Done(id, money.UploadAcceptanceAsync(id, file, ct), ct);

    public Task<IActionResult> OnPostClawbackAsync(Guid id, decimal? amount, string? reason, CancellationToken ct) =>
        Done(id, money.RecordClawbackAsync(id, new ClawbackRequest(amount, reason), ct), ct);

    public Task<IActionResult> OnPostSettleAsync(Guid id, Guid clawbackId, int? version, CancellationToken ct) =>
        Done(id, money.SettleClawbackAsync(id, clawbackId, version, ct), ct);

    public Task<IActionResult> OnPostReverseAsync(Guid id, Guid expenditureId, string? reason, CancellationToken ct) =>
        Done(id, spending.ReverseExpenditureAsync(id, expenditureId, new ReversalRequest(reason), ct), ct);

    public Task<IActionResult> OnPostVouchersAsync(Guid id, Guid expenditureId, List<IFormFile> vouchers, CancellationToken ct) =>
        Done(id, spending.AttachVouchersAsync(id, expenditureId, vouchers, ct), ct);

    /// <summary>After a step: back to the page with a flash, or the page again with the refusal at the top.</summary>
    private async Task<IActionResult> Done<T>(Guid id, Task<Result<T>> step, CancellationToken ct)
    {
        var result = await step;
        if (result.IsSuccess)
        {
            TempData["Flash"] = text["funds.saved"];
            return Redirect($"/Funds/Details/{id}");
        }

        if (result.Failure!.Kind == FailureKind.NotFound)
        {
            return NotFound();
        }

        ModelState.AddFailure(result.Failure, text, string.Empty);
        return await LoadAsync(id, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await grants.GetAsync(id, ct);
        if (!found.IsSuccess)
        {
            return found.Failure!.Kind == FailureKind.Forbidden ? Forbid() : NotFound();
        }

        Grant = found.Value;
        var list = await spending.ListOfReadGrantAsync(Grant, PageNumber, ct);
        Expenditures = list.IsSuccess ? list.Value : Expenditures;
        return null;
    }
}
