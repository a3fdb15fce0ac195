using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Centers;

public sealed class DetailsModel(CenterHandlers handlers, CenterStatusHandlers statuses) : PageModel
{
    public CenterDto Center { get; private set; } = null!;

    public IReadOnlyList<StatusChangeDto> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var found = await handlers.GetAsync(id, ct);
        if (!found.IsSuccess)
        {
            return NotFound();
        }

        Center = found.Value;
        History = (await statuses.StatusHistoryAsync(id, ct)).Value;
        return Page();
    }
}
