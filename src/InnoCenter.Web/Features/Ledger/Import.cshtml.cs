using InnoCenter.Web.Features.Centers;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Ledger;

/// <summary>Imports a spreadsheet into one kind of a center's ledger: all rows or none, with every bad row named.</summary>
public sealed class ImportModel(LedgerKinds kinds, CenterHandlers centers, Text text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Kind { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public Guid? CenterId { get; set; }

    public ILedgerKind LedgerKind { get; private set; } = null!;

    public CenterDto Center { get; private set; } = null!;

    public ImportReport? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }

        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", text["file.empty"]);
            return Page();
        }

        await using var stream = file.OpenReadStream();
        var result = await LedgerKind.ImportAsync(Center.Id, stream, ct);
        if (!result.IsSuccess)
        {
            ModelState.AddFailure(result.Failure!, text, string.Empty);
            return Page();
        }

        Report = result.Value;
        if (Report.Succeeded)
        {
            TempData["Flash"] = text["ledger.import_done", Report.Imported];
            return Redirect($"/Ledger/{LedgerKind.Slug}?centerId={Center.Id}");
        }

        return Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (kinds.Find(Kind) is not { } kind || CenterId is not { } centerId)
        {
            return NotFound();
        }

        LedgerKind = kind;
        var center = await centers.GetAsync(centerId, ct);
        if (!center.IsSuccess)
        {
            return NotFound();
        }

        if (!center.Value.CanEdit)
        {
            return Forbid();
        }

        Center = center.Value;
        return null;
    }
}
