using InnoCenter.Web.Data;
using InnoCenter.Web.Features.Centers;
using InnoCenter.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Ledger;

/// <summary>Creates or edits a record of any ledger kind, from a form built from the kind's fields.</summary>
public sealed class EditModel(LedgerKinds kinds, CenterHandlers centers, AppDbContext db, Text text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Kind { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? CenterId { get; set; }

    [BindProperty]
    public int? Version { get; set; }

    public LedgerForm Form { get; private set; } = null!;

    public CenterDto Center { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (kinds.Find(Kind) is not { } kind)
        {
            return NotFound();
        }

        var values = new Dictionary<string, string[]>();
        if (Id is { } id)
        {
            var found = await kind.GetAsync(id, ct);
            if (!found.IsSuccess)
            {
                return NotFound();
            }

            if (!found.Value.CanEdit)
            {
                return Forbid();
            }

            CenterId = found.Value.CenterId;
            Version = found.Value.Version;
            values = LedgerForm.FromItem(kind, found.Value);
        }

        return await ShowAsync(kind, values, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (kinds.Find(Kind) is not { } kind || CenterId is not { } centerId)
        {
            return NotFound();
        }

        var (posted, values) = LedgerForm.FromForm(kind, Request.Form);
        var saved = await kind.SaveValuesAsync(Id, centerId, Version, values, ct);
        if (!saved.IsSuccess)
        {
            LedgerForm.AddErrors(ModelState, saved.Failure!, text, kind);
            return await ShowAsync(kind, posted, ct);
        }

        TempData["Flash"] = text["common.saved"];
        return Redirect($"/Ledger/{kind.Slug}/{saved.Value.Id}");
    }

    private async Task<IActionResult> ShowAsync(ILedgerKind kind, Dictionary<string, string[]> values, CancellationToken ct)
    {
        if (CenterId is not { } centerId)
        {
            return Redirect($"/Ledger/{kind.Slug}");
        }

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
        var (members, ip) = await LedgerForm.ChoicesAsync(kind, centerId, db, ct);
        Form = new LedgerForm { Kind = kind, Values = values, Members = members, IpRecords = ip };
        return Page();
    }
}
