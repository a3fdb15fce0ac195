using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Portal.Documents;

/// <summary>The public list of policy documents (政策文件), newest first.</summary>
public sealed class IndexModel(PublicDocumentQueries queries) : PageModel
{
    public PagedResult<DocumentRow> Result { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public async Task OnGetAsync(CancellationToken ct) =>
        Result = await queries.ListAsync(new DocumentFilter(int.TryParse(Request.Query["page"], out var n) ? n : null, null), ct);
}
