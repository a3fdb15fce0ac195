using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Audit;

public sealed class IndexModel(AuditHandlers handlers) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public AuditFilter Filter { get; set; } = new();

    public PagedResult<AuditEntryDto> Result { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    /// <summary>Rows appended by writers that the sealer has not yet given a place in the chain.</summary>
    public int Pending { get; private set; }

    public AuditVerification? Verification { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken ct)
    {
        Verification = await handlers.VerifyAsync(ct);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var page = await handlers.ListAsync(Filter, ct);
        Result = page.Entries;
        Pending = page.Pending;
    }
}
