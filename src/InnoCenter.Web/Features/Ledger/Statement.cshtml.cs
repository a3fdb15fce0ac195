using InnoCenter.Web.Data;
using InnoCenter.Web.Features.Centers;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Ledger;

/// <summary>收益分配明细: a member's parts of the receipts; its own users read it, as do its center's users and Admins.</summary>
public sealed class StatementModel(ReceiptHandlers receipts, CenterHandlers centers, CenterAccess access, AppDbContext db, Text text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public StatementFilter Filter { get; set; } = new();

    public StatementDto? Statement { get; private set; }

    public IReadOnlyList<CenterOption> Centers { get; private set; } = [];

    /// <summary>The organisations whose statement the user may choose (members of the chosen center).</summary>
    public IReadOnlyList<Option> Organizations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Centers = await centers.OptionsAsync(ct);
        if (Filter.CenterId is { } centerId && (access.IsAdmin || await access.CanEditAsync(centerId, ct)))
        {
            Organizations = (await (from m in db.CenterMemberships.AsNoTracking()
                                    join o in db.Organizations on m.OrganizationId equals o.Id
                                    where m.CenterId == centerId
                                    select new { o.Id, o.Name }).ToListAsync(ct))
                .DistinctBy(o => o.Id).OrderBy(o => o.Name).Select(o => new Option(o.Id.ToString(), o.Name, [])).ToList();
        }

        if (access.IsAdmin && Filter.OrganizationId is null)
        {
            return;
        }

        var result = await receipts.StatementAsync(Filter, ct);
        if (result.IsSuccess)
        {
            Statement = result.Value;
        }
        else
        {
            ModelState.AddFailure(result.Failure!, text, string.Empty);
        }
    }
}
