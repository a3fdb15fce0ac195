using InnoCenter.Domain.Policy;
using InnoCenter.Web.Infrastructure.Policy;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Portal.Cases;

/// <summary>The public list of typical cases (典型经验), by seed task, newest first.</summary>
public sealed class IndexModel(PublicCaseQueries queries, PolicyProvider policy) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Task { get; set; }

    public PagedResult<PublicCaseRow> Result { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public IReadOnlyList<CodeItem> Tasks => policy.Current.Portal.CaseTasks;

    public async System.Threading.Tasks.Task OnGetAsync(CancellationToken ct) =>
        Result = await queries.ListAsync(new PublicCaseFilter(Task, int.TryParse(Request.Query["page"], out var n) ? n : null, null), ct);
}
