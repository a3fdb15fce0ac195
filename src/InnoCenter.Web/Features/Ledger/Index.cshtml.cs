using InnoCenter.Web.Features.Centers;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Ledger;

/// <summary>The ledger's entry page: the centers the user sees, and the kinds of records of the chosen one.</summary>
public sealed class IndexModel(CenterHandlers centers, LedgerKinds kinds, CenterAccess access, LedgerTotalsSnapshot totals) : PageModel
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

        if (CenterId is null && access.IsAdmin)
        {
            var all = await totals.GetAsync(() => CountAsync(null, CancellationToken.None));
            Kinds = kinds.All.Select(k => (k, all.GetValueOrDefault(k.Slug))).ToList();
        }
        else
        {
            var counted = await CountAsync(CenterId, ct);
            Kinds = kinds.All.Select(k => (k, counted[k.Slug])).ToList();
        }

        return Page();
    }

    private async Task<IReadOnlyDictionary<string, int>> CountAsync(Guid? centerId, CancellationToken ct)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var kind in kinds.All)
        {
            counts[kind.Slug] = await kind.CountAsync(new LedgerFilter { CenterId = centerId }, ct);
        }

        return counts;
    }
}
