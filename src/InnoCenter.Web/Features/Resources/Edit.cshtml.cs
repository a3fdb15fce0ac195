using InnoCenter.Domain.Policy;
using InnoCenter.Domain.Resources;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Policy;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Resources;

/// <summary>Adds or edits a resource: the center's users for any member, a member's users for their own organisation.</summary>
[Authorize(Roles = Roles.CenterUser + "," + Roles.MemberUser)]
public sealed class EditModel(ResourceHandlers handlers, ResourceAccess access, AppDbContext db, PolicyProvider policy, Text text, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty]
    public ResourceRequest Input { get; set; } = new();

    public PolicyPack Policy => policy.Current;

    /// <summary>(center, owner) pairs the user may add a resource for.</summary>
    public IReadOnlyList<(Guid CenterId, string CenterName, Guid OwnerId, string OwnerName)> Owners { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            var found = await handlers.GetAsync(id, ct);
            if (!found.IsSuccess || !found.Value.CanManage)
            {
                return NotFound();
            }

            var r = found.Value;
            Input = new ResourceRequest
            {
                CenterId = r.CenterId, OwnerOrganizationId = r.OwnerOrganizationId, Name = r.Name, Category = r.Category, Model = r.Model,
                Location = r.Location, Description = r.Description, OpeningHours = r.OpeningHours, NeedsApproval = r.NeedsApproval,
                NeedsTraining = r.NeedsTraining, OpenToOutside = r.OpenToOutside, FeeUnit = r.FeeUnit.ToString(), MemberFee = r.MemberFee,
                OutsideFee = r.OutsideFee, SmeFee = r.SmeFee, Version = r.Version,
            };
        }
        else
        {
            Input = new ResourceRequest { NeedsApproval = Policy.Resources.DefaultNeedsApproval, OpeningHours = "Mon 08:30-17:30; Tue 08:30-17:30; Wed 08:30-17:30; Thu 08:30-17:30; Fri 08:30-17:30", FeeUnit = "PerHour" };
        }

        await LoadOwnersAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromForm] string? owner, CancellationToken ct)
    {
        if (Id is null && owner?.Split('|') is [var c, var o] && Guid.TryParse(c, out var center) && Guid.TryParse(o, out var org))
        {
            Input = Input with { CenterId = center, OwnerOrganizationId = org };
        }

        var result = Id is { } id ? await handlers.UpdateAsync(id, Input, ct) : await handlers.CreateAsync(Input, ct);
        if (!result.IsSuccess)
        {
            ModelState.AddFailure(result.Failure!, text);
            await LoadOwnersAsync(ct);
            return Page();
        }

        TempData["Flash"] = text["common.saved"];
        return Redirect($"/Resources/Details/{result.Value.Id}");
    }

    private async Task LoadOwnersAsync(CancellationToken ct)
    {
        var today = clock.TodayInBeijing();
        var edited = await access.CentersEditedAsync(ct);
        var org = access.OrganizationId ?? Guid.Empty;
        var rows = await (from m in db.CenterMemberships
                          join c in db.Centers on m.CenterId equals c.Id
                          join o in db.Organizations on m.OrganizationId equals o.Id
                          where m.JoinedOn <= today && (m.LeftOn == null || m.LeftOn > today)
                              && (edited.Contains(m.CenterId) || m.OrganizationId == org)
                          orderby c.Name, o.Name
                          select new { CenterId = c.Id, CenterName = c.Name, OwnerId = o.Id, OwnerName = o.Name }).Take(500).ToListAsync(ct);
        Owners = rows.Select(r => (r.CenterId, r.CenterName, r.OwnerId, r.OwnerName)).Distinct().ToList();
    }
}
