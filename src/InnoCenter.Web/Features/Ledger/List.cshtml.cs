using InnoCenter.Web.Features.Centers;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Ledger;

/// <summary>One kind's records: filtered by center, year, text and type; paged; exported as filtered.</summary>
public sealed class ListModel(LedgerKinds kinds, CenterHandlers centers, CenterAccess access) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Kind { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public LedgerFilter Filter { get; set; } = new();

    public ILedgerKind LedgerKind { get; private set; } = null!;

    public PagedResult<LedgerItem> Result { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public IReadOnlyList<CenterOption> Centers { get; private set; } = [];

    public CenterOption? Center { get; private set; }

    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (kinds.Find(Kind) is not { } kind)
        {
            return NotFound();
        }

        LedgerKind = kind;
        Centers = await centers.OptionsAsync(ct);
        if (Filter.CenterId is null && Centers.Count == 1)
        {
            Filter = Filter with { CenterId = Centers[0].Id };
        }

        if (Filter.CenterId is { } id)
        {
            // The options are the centers the user reads, so the chosen one's name is among them; reading the center with
            // its members and seats (CenterHandlers.GetAsync) for a heading cost a sixth of the page's CPU at national.
            Center = Centers.FirstOrDefault(c => c.Id == id);
            if (Center is null)
            {
                return NotFound();
            }

            CanEdit = await access.CanEditAsync(id, ct);
        }

        Result = await kind.ListAsync(Filter, ct);
        return Page();
    }
}
