using InnoCenter.Domain.Common;
using InnoCenter.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Assessment;

/// <summary>
/// One annual report. The center's staff attach the operation report, correct figures (reason and evidence) and enter
/// values, then submit; the Admin accepts or returns it; an expert on its panel reads it.
/// </summary>
public sealed class ReportModel(ReportHandlers reports, Text text) : PageModel
{
    /// <summary>The key under which a refusal is shown next to the value it concerns.</summary>
    public static string RowKey(string code) => "row:" + code;

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public ReportDto Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostValueAsync(string code, string? value, string? reason, IFormFile? evidence, int? version, CancellationToken ct) =>
        await After(await reports.SetValueAsync(Id, code, new ValueRequest { Value = value, Reason = reason, Version = version }, evidence, ct), ct, RowKey(code));

    public async Task<IActionResult> OnPostDocumentAsync(IFormFile? file, int? version, CancellationToken ct) =>
        await After(await reports.UploadOperationReportAsync(Id, file, version, ct), ct, "document");

    public async Task<IActionResult> OnPostRefreshAsync(int? version, CancellationToken ct) =>
        await After(await reports.RefreshAsync(Id, version, ct), ct);

    public async Task<IActionResult> OnPostSubmitAsync(int? version, CancellationToken ct) =>
        await After(await reports.SubmitAsync(Id, version, ct), ct, flash: "assessment.submitted");

    public async Task<IActionResult> OnPostAcceptAsync(int? version, CancellationToken ct) =>
        await After(await reports.AcceptAsync(Id, new ReportDecisionRequest { Version = version }, ct), ct, flash: "assessment.accepted");

    public async Task<IActionResult> OnPostReturnAsync(string? reason, int? version, CancellationToken ct) =>
        await After(await reports.ReturnAsync(Id, new ReportDecisionRequest { Reason = reason, Version = version }, ct), ct, "return");

    private async Task<IActionResult> After(Result<ReportDto> result, CancellationToken ct, string? key = null, string flash = "common.saved")
    {
        if (result.IsSuccess)
        {
            TempData["Flash"] = text[flash];
            return Redirect(AssessmentLinks.Report(Id));
        }

        if (result.Failure!.Kind == FailureKind.NotFound)
        {
            return NotFound();
        }

        foreach (var e in result.Failure.Errors)
        {
            // Errors about a value (values[code]) go next to that value; the rest next to the form that was sent.
            var at = e.Field is { } f && f.StartsWith("values[", StringComparison.Ordinal) ? RowKey(f[7..^1]) : key ?? string.Empty;
            ModelState.AddModelError(at, text.Of(e));
        }

        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var found = await reports.GetAsync(Id, ct);
        if (found.IsSuccess)
        {
            Report = found.Value;
        }

        return found.IsSuccess;
    }

    public IEnumerable<string> ErrorsAt(string key) =>
        ModelState.TryGetValue(key, out var entry) ? entry.Errors.Select(e => e.ErrorMessage) : [];
}
