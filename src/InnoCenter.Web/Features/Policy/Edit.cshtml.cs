using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Policy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Policy;

/// <summary>
/// 修改政策包: an Admin edits one section of the pack in force as JSON and saves it as a proposed version, which the
/// pack's own validation checks (each message names the JSON path). Nothing changes until the version is applied.
/// </summary>
[Authorize(Roles = Roles.Admin)]
public sealed class EditModel(PolicyProvider policy, PolicyHandlers handlers, AppDbContext db, Text text) : PageModel
{
    public IReadOnlyList<string> Sections { get; private set; } = [];

    public IReadOnlyList<(string? Field, string Message)> Errors { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Section { get; set; }

    [BindProperty]
    public string? Json { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public int BaseVersion { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var packJson = await PackJsonAsync(ct);
        Sections = handlers.Sections(packJson);
        Section = Sections.Contains(Section ?? "") ? Section : Sections.FirstOrDefault();
        Json = Section is null ? null : PolicyStore.Section(packJson, Section);
        BaseVersion = policy.Current.Version;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await handlers.ProposeAsync(new ProposePolicyRequest { BaseVersion = BaseVersion, Section = Section, Json = Json, Note = Note }, ct);
        if (result.IsSuccess)
        {
            TempData["Flash"] = text["policy.proposed", result.Value.Version];
            return RedirectToPage("/Policy/Version", new { id = result.Value.Id });
        }

        Sections = handlers.Sections(await PackJsonAsync(ct));
        Errors = result.Failure!.Errors.Select(e => (e.Field, text.Of(e))).ToList();
        return Page();
    }

    private async Task<string> PackJsonAsync(CancellationToken ct)
    {
        var id = policy.CurrentRecordId;
        return await db.PolicyPacks.AsNoTracking().Where(p => p.Id == id).Select(p => p.Json).FirstOrDefaultAsync(ct)
            ?? System.Text.Json.JsonSerializer.Serialize(policy.Current, PolicyProvider.JsonOptions);
    }
}
