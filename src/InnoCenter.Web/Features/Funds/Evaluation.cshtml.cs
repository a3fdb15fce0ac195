using InnoCenter.Domain.Common;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Funds;

/// <summary>验收 page: the center reports its targets and submits; an Admin asks for the self-evaluation and records the verdicts.</summary>
[Authorize(Roles = Roles.Admin + "," + Roles.CenterUser)]
public sealed class EvaluationModel(AcceptanceHandlers handlers, Text text) : PageModel
{
    public EvaluationDto Evaluation { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public Task<IActionResult> OnPostRequestAsync(Guid id, int? version, CancellationToken ct) =>
        Done(id, handlers.RequestAsync(id, version, ct), ct);

    public async Task<IActionResult> OnPostReportAsync(Guid id, Guid targetId, string? actualValue, string? comment, List<IFormFile>? evidence, int? version, CancellationToken ct)
    {
        if (!FundsEndpoints.TryAmount(actualValue, out var value))
        {
            ModelState.AddModelError(string.Empty, text["funds.amount_invalid"]);
            return await LoadAsync(id, ct) ?? Page();
        }

        return await Done(id, handlers.ReportTargetAsync(id, targetId, value, comment, evidence ?? [], version, ct), ct);
    }

    public Task<IActionResult> OnPostSubmitAsync(Guid id, int? version, CancellationToken ct) =>
        Done(id, handlers.SubmitAsync(id, version, ct), ct);

    public Task<IActionResult> OnPostVerdictAsync(Guid id, string? verdict, string? reason, Dictionary<Guid, string?>? targets, int? version, CancellationToken ct) =>
        Done(id, handlers.DecideAsync(id, new VerdictRequest(verdict, reason, (targets ?? []).Select(t => new TargetVerdict(t.Key, t.Value)).ToList(), version), ct), ct);

    private async Task<IActionResult> Done(Guid id, Task<Result<EvaluationDto>> step, CancellationToken ct)
    {
        var result = await step;
        if (result.IsSuccess)
        {
            TempData["Flash"] = text["funds.saved"];
            return Redirect($"/Funds/Evaluation/{id}");
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
        var found = await handlers.GetAsync(id, ct);
        if (!found.IsSuccess)
        {
            return found.Failure!.Kind == FailureKind.Forbidden ? Forbid() : NotFound();
        }

        Evaluation = found.Value;
        return null;
    }
}
