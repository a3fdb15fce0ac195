using InnoCenter.Web.Features.Centers;
using InnoCenter.Web.Infrastructure.Imports;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Ledger;

/// <summary>
/// Imports a spreadsheet into one kind of a center's ledger: all rows or none, with every bad row named. The import runs
/// in the background (a file of thousands of rows takes seconds): the upload is checked and kept, and the person follows
/// its progress on the import's page, free to go elsewhere meanwhile.
/// </summary>
public sealed class ImportModel(LedgerKinds kinds, CenterHandlers centers, ImportJobs jobs, Text text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Kind { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public Guid? CenterId { get; set; }

    public ILedgerKind LedgerKind { get; private set; } = null!;

    public CenterDto Center { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }

        var started = await jobs.StartAsync(LedgerImportTarget.KindOf(LedgerKind), Center.Id, file, ct);
        if (!started.IsSuccess)
        {
            ModelState.AddFailure(started.Failure!, text, string.Empty);
            return Page();
        }

        return Redirect($"/Imports/{started.Value.Id}");
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
