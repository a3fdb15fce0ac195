using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Audit;

public sealed class IndexModel(AuditHandlers handlers) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public AuditFilter Filter { get; set; } = new();

    public PagedResult<AuditEntryDto> Result { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public AuditVerification? Verification { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Result = await handlers.ListAsync(Filter, ct);

    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken ct)
    {
        Verification = await handlers.VerifyAsync(ct);
        Result = await handlers.ListAsync(Filter, ct);
        return Page();
    }
}
