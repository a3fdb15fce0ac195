using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Outbox;

/// <summary>The outbox (发件箱) for the programme officers: filter, page, and send a dead or sent mail again.</summary>
[Authorize(Roles = Infrastructure.Auth.Roles.Admin)]
public sealed class IndexModel(OutboxHandlers handlers, Text text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public OutboxFilter Filter { get; set; } = new();

    public PagedResult<OutboxRow> Result { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var result = await handlers.ListAsync(Filter, ct);
        if (result.IsSuccess)
        {
            Result = result.Value;
        }
        else
        {
            ModelState.AddFailure(result.Failure!, text, "Filter");
        }
    }

    public async Task<IActionResult> OnPostResendAsync(Guid id, CancellationToken ct)
    {
        var result = await handlers.ResendAsync(id, ct);
        TempData["Flash"] = result.IsSuccess ? text["outbox.resent", result.Value.To] : text.Of(result.Failure!.Errors[0]);
        return RedirectToPage(new { state = Filter.State, recipient = Filter.Recipient, from = Filter.From?.ToString("yyyy-MM-dd"), to = Filter.To?.ToString("yyyy-MM-dd"), page = Filter.Page });
    }
}
