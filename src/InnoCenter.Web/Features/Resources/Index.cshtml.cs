using InnoCenter.Domain.Policy;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Policy;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Resources;

public sealed class IndexModel(ResourceHandlers handlers, PolicyProvider policy) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ResourceFilter Filter { get; set; } = new();

    public PagedResult<ResourceDto> Result { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public PolicyPack Policy => policy.Current;

    public bool MayAdd => User.IsInRole(Roles.CenterUser) || User.IsInRole(Roles.MemberUser);

    public async Task OnGetAsync(CancellationToken ct) => Result = await handlers.ListAsync(Filter, ct);
}
