using InnoCenter.Domain.Policy;
using InnoCenter.Web.Infrastructure.Policy;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Experts;

public sealed class IndexModel(ExpertHandlers handlers, ExpertInvitationHandlers invitations, PolicyProvider policy) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ExpertFilter Filter { get; set; } = new();

    public PagedResult<ExpertDto> Result { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public PolicyPack Policy => policy.Current;

    /// <summary>The account invitation of each expert on the page (未邀请/已邀请/已接受/已过期/已撤销).</summary>
    public IReadOnlyDictionary<Guid, InvitationDto> Invitations { get; private set; } = new Dictionary<Guid, InvitationDto>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Result = await handlers.ListAsync(Filter, ct);
        Invitations = await invitations.StatesAsync(Result.Items.Select(e => e.Id).ToList(), ct);
    }
}
