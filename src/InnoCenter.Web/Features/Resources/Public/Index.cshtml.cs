using InnoCenter.Domain.Policy;
using InnoCenter.Web.Infrastructure.Policy;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Resources.Public;

/// <summary>对外开放目录: the resources open to outside users and their published fees (收费标准), for anyone.</summary>
public sealed class IndexModel(ResourceHandlers handlers, ResourcePhotos photos, PolicyProvider policy) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ResourceFilter Filter { get; set; } = new();

    public PagedResult<ResourceDto> Result { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public PolicyPack Policy => policy.Current;

    /// <summary>The first photo of each resource on the page.</summary>
    public IReadOnlyDictionary<Guid, ResourcePhotoDto> Photos { get; private set; } = new Dictionary<Guid, ResourcePhotoDto>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Result = await handlers.PublicListAsync(Filter with { CenterId = null }, ct);
        Photos = await photos.FirstOfAsync(Result.Items.Select(r => r.Id).ToList(), ct);
    }
}
