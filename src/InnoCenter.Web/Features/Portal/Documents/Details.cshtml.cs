using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Portal.Documents;

/// <summary>One policy document with 索引号, 文号, 发布机构 and 发布日期, printable.</summary>
public sealed class DetailsModel(PublicDocumentQueries queries) : PageModel
{
    public DocumentDto Document { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var found = await queries.GetAsync(id, ct);
        if (!found.IsSuccess)
        {
            return NotFound();
        }

        Document = found.Value;
        return Page();
    }
}
