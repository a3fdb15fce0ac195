using InnoCenter.Domain.Common;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Plans;

/// <summary>
/// The center's plan tab (规划实施): plan against actuals for a year, the center's report of free indicators' actuals,
/// and the plan's history with the officer's decision on a proposed revision.
/// </summary>
public sealed class CenterPlanModel(PlanQueries queries, PlanRevisionHandlers revisions, PlanActualHandlers actuals, Text text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public PlanDto Plan { get; private set; } = null!;

    public PlanProgressDto? Progress { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    /// <summary>The indicator whose report was just refused: its row shows the messages next to its fields and keeps what was typed.</summary>
    public string? RefusedIndicator { get; private set; }

    public string? PostedValue { get; private set; }

    public string? PostedEvidence { get; private set; }

    public async Task<IActionResult> OnPostActualAsync(string? indicator, decimal? value, string? evidence, int? version, IFormFile? evidenceFile, CancellationToken ct)
    {
        var result = await actuals.ReportAsync(Id, new ReportActualRequest(Year, indicator, value, evidence, version), evidenceFile, fileRequired: false, ct);
        if (!result.IsSuccess)
        {
            RefusedIndicator = indicator;
            PostedValue = Request.Form["value"];
            PostedEvidence = evidence;
        }

        return await OutcomeAsync(result.IsSuccess ? null : result.Failure, "plans.actual_saved", ct);
    }

    public async Task<IActionResult> OnPostApproveAsync(Guid revisionId, string? reason, int? version, CancellationToken ct)
    {
        var result = await revisions.ApproveAsync(revisionId, new RevisionDecisionRequest(reason, version), ct);
        return await OutcomeAsync(result.IsSuccess ? null : result.Failure, "plans.approved", ct);
    }

    public async Task<IActionResult> OnPostRejectAsync(Guid revisionId, string? reason, int? version, CancellationToken ct)
    {
        var result = await revisions.RejectAsync(revisionId, new RevisionDecisionRequest(reason, version), ct);
        return await OutcomeAsync(result.IsSuccess ? null : result.Failure, "plans.rejected", ct);
    }

    private async Task<IActionResult> OutcomeAsync(Failure? failure, string flash, CancellationToken ct)
    {
        if (failure is not null)
        {
            if (failure.Kind == FailureKind.NotFound)
            {
                return NotFound();
            }

            ModelState.AddFailure(failure, text, string.Empty);
            return await LoadAsync(ct) ? Page() : NotFound();
        }

        TempData["Flash"] = text[flash];
        return Redirect(PlanLinks.Center(Id, Year));
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var plan = await queries.GetPlanAsync(Id, ct);
        if (!plan.IsSuccess)
        {
            return false;
        }

        Plan = plan.Value;
        var progress = await queries.ProgressAsync(Id, Year, ct);
        if (progress.IsSuccess)
        {
            Progress = progress.Value;
            Year = progress.Value.Year;
        }
        else
        {
            ModelState.AddFailure(progress.Failure!, text, string.Empty);
        }

        return true;
    }
}
