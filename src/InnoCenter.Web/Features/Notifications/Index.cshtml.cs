using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Notifications;

public sealed class IndexModel(NotificationHandlers handlers) : PageModel
{
    public PagedResult<NotificationDto> Result { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public async Task OnGetAsync(int? page, CancellationToken ct) => Result = await handlers.ListAsync(page, null, ct);

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        await handlers.MarkAllReadAsync(ct);
        return RedirectToPage();
    }
}
