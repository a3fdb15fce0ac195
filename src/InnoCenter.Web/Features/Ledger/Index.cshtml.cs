using InnoCenter.Web.Features.Centers;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Ledger;

/// <summary>The ledger's entry page: the centers the user sees, and the kinds of records of the chosen one.</summary>
public sealed class IndexModel(CenterHandlers centers, LedgerKinds kinds) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? CenterId { get; set; }

    public IReadOnlyList<CenterOption> Centers { get; private set; } = [];

    public CenterDto? Center { get; private set; }

    public IReadOnlyList<(ILedgerKind Kind, int Count)> Kinds { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Centers = await centers.OptionsAsync(ct);
        if (CenterId is null && Centers.Count == 1)
        {
            CenterId = Centers[0].Id;
        }

        if (CenterId is { } id)
        {
            var found = await centers.GetAsync(id, ct);
            if (!found.IsSuccess)
            {
                return NotFound();
            }

            Center = found.Value;
        }

        var counts = new List<(ILedgerKind, int)>();
        foreach (var kind in kinds.All)
        {
            counts.Add((kind, await kind.CountAsync(new LedgerFilter { CenterId = CenterId }, ct)));
        }

        Kinds = counts;
        return Page();
    }
}
