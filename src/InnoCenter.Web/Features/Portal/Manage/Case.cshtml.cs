using InnoCenter.Domain.Common;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Portal.Manage;

/// <summary>One case for its center and the Admins: its versions, the latest one's preview, and the review actions.</summary>
[Authorize(Roles = Roles.Admin + "," + Roles.CenterUser)]
public sealed class CaseModel(CaseHandlers handlers, Text text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public int? Version { get; set; }

    [BindProperty]
    public string? Remarks { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public CaseDto Case { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostSubmitAsync(CancellationToken ct) => ActAsync(handlers.SubmitAsync(Id, Version, ct), "portal.case.submitted", ct);

    public Task<IActionResult> OnPostReturnAsync(CancellationToken ct) => ActAsync(handlers.ReturnAsync(Id, new CaseReturnRequest(Remarks, Version), ct), "portal.case.returnedFlash", ct);

    public Task<IActionResult> OnPostPublishAsync(CancellationToken ct) => ActAsync(handlers.PublishAsync(Id, Version, ct), "portal.case.publishedFlash", ct);

    public Task<IActionResult> OnPostFeatureAsync(bool featured, CancellationToken ct) => ActAsync(handlers.FeatureAsync(Id, new CaseFeatureRequest(featured, Version), ct), "common.saved", ct);

    public Task<IActionResult> OnPostWithdrawAsync(CancellationToken ct) => ActAsync(handlers.WithdrawAsync(Id, new CaseWithdrawRequest(Reason, Version), ct), "portal.case.withdrawnFlash", ct);

    private async Task<IActionResult> ActAsync(Task<Result<CaseDto>> action, string flashKey, CancellationToken ct)
    {
        var result = await action;
        if (!result.IsSuccess)
        {
            ModelState.AddFailure(result.Failure!, text, string.Empty);
            return await LoadAsync(ct) ? Page() : NotFound();
        }

        TempData["Flash"] = text[flashKey];
        return Redirect(CaseHandlers.Links.Manage(Id));
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var found = await handlers.GetAsync(Id, ct);
        if (found.IsSuccess)
        {
            Case = found.Value;
        }

        return found.IsSuccess;
    }
}
