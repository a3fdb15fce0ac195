using InnoCenter.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Policy;

/// <summary>What changes between two stored versions, line by line, with a few lines around each change.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class DiffModel(PolicyHandlers handlers) : PageModel
{
    public PolicyDiffDto Diff { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid from, Guid to, CancellationToken ct)
    {
        var result = await handlers.DiffAsync(from, to, ct);
        if (!result.IsSuccess)
        {
            return NotFound();
        }

        Diff = result.Value;
        return Page();
    }
}
