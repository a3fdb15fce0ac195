using InnoCenter.Domain.Policy;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Policy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Resources;

/// <summary>空闲时段查找: "N hours of any instrument matching X in the next D days".</summary>
public sealed class FreeSlotsModel(FreeSlotSearch search, PolicyProvider policy, Text text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public FreeSlotQuery Query { get; set; } = new();

    public IReadOnlyList<FreeSlotDto>? Slots { get; private set; }

    public string? Problem { get; private set; }

    public PolicyPack Policy => policy.Current;

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Query.Hours is null)
        {
            Query = Query with { Hours = 2, Days = 14 };
            return;
        }

        var r = await search.FindAsync(Query, ct);
        if (r.IsSuccess)
        {
            Slots = r.Value;
        }
        else
        {
            Problem = string.Join(" ", r.Failure!.Errors.Select(text.Of));
        }
    }
}
