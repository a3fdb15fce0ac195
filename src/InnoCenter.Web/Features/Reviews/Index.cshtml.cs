using InnoCenter.Domain.Policy;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Policy;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Reviews;

[Authorize(Roles = Roles.Admin)]
public sealed class IndexModel(ReviewSubjectHandlers handlers, PolicyProvider policy) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public SubjectFilter Filter { get; set; } = new();

    public PagedResult<SubjectRow> Result { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public PolicyPack Policy => policy.Current;

    public async Task OnGetAsync(CancellationToken ct) => Result = await handlers.ListAsync(Filter, ct);
}
