using InnoCenter.Domain.Common;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Funds;

/// <summary>
/// The center imports a grant's expenditures from a workbook: all rows or none, every bad row named by row and column.
/// The file is small (a year of payments), so it is imported while the person waits, not in the background.
/// </summary>
[Authorize(Roles = Roles.CenterUser)]
public sealed class ImportModel(GrantHandlers grants, ExpenditureImport import, Text text) : PageModel
{
    public GrantDto Grant { get; private set; } = null!;

    public ImportReport? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, IFormFile? file, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }

        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", text["file.empty"]);
            return Page();
        }

        await using var stream = file.OpenReadStream();
        var result = await import.ImportAsync(id, stream, ct);
        if (!result.IsSuccess)
        {
            ModelState.AddFailure(result.Failure!, text, string.Empty);
            return Page();
        }

        if (!result.Value.Succeeded)
        {
            Report = result.Value;
            return Page();
        }

        TempData["Flash"] = text["funds.import_done", result.Value.Imported];
        return Redirect($"/Funds/Details/{id}#h-exp");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await grants.GetAsync(id, ct);
        if (!found.IsSuccess)
        {
            return found.Failure!.Kind == FailureKind.Forbidden ? Forbid() : NotFound();
        }

        Grant = found.Value;
        return null;
    }
}
