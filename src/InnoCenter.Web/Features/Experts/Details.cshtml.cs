using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Experts;

public sealed class DetailsModel(ExpertHandlers handlers) : PageModel
{
    public ExpertDto? Expert { get; private set; }

    public IReadOnlyList<ExpertAssignmentDto> Assignments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var found = await handlers.GetAsync(id, ct);
        if (!found.IsSuccess)
        {
            return NotFound();
        }

        Expert = found.Value;
        Assignments = await handlers.AssignmentsAsync(id, ct);
        return Page();
    }
}
