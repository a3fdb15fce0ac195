using InnoCenter.Domain.Policy;
using InnoCenter.Web.Infrastructure.Policy;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Resources.Public;

/// <summary>对外开放目录: the resources open to outside users and their published fees (收费标准), for anyone.</summary>
public sealed class IndexModel(ResourceHandlers handlers, PolicyProvider policy) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ResourceFilter Filter { get; set; } = new();

    public PagedResult<ResourceDto> Result { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public PolicyPack Policy => policy.Current;

    public async Task OnGetAsync(CancellationToken ct) => Result = await handlers.PublicListAsync(Filter with { CenterId = null }, ct);
}
