using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Experts;

/// <summary>Invites the experts selected in the pool list (or one from their page): the Admin checks the list and the language, then sends.</summary>
public sealed class InviteModel(ExpertInvitationHandlers invitations, AppDbContext db, Text text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public List<Guid> Ids { get; set; } = [];

    [BindProperty]
    public string? Culture { get; set; } = "zh-CN";

    [BindProperty]
    public string? Email { get; set; }

    public IReadOnlyList<Row> Selected { get; private set; } = [];

    public InviteReport? Report { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await invitations.InviteAsync(new InviteRequest(Ids, Culture, Ids.Count == 1 ? Email : null), ct);
        if (!result.IsSuccess)
        {
            ModelState.AddFailure(result.Failure!, text, string.Empty);
        }
        else
        {
            Report = result.Value;
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var ids = Ids.Distinct().Take(1000).ToList();
        var experts = await db.Experts.AsNoTracking().Where(e => ids.Contains(e.Id)).OrderBy(e => e.Name)
            .Select(e => new { e.Id, e.Name, e.AffiliationName, e.Email }).ToListAsync(ct);
        var states = await invitations.StatesAsync(ids, ct);
        Selected = experts.Select(e => new Row(e.Id, e.Name, e.AffiliationName, states[e.Id].Email ?? e.Email, states[e.Id].State)).ToList();
        if (Selected.Count == 1 && Email is null)
        {
            Email = Selected[0].Email;
        }
    }

    public sealed record Row(Guid Id, string Name, string Affiliation, string? Email, string State);
}
