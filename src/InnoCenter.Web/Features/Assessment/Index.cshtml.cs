using InnoCenter.Web.Data;
using InnoCenter.Web.Features.Centers;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Policy;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Assessment;

public sealed record PackChoice(string Code, int Version, bool IsActive);

/// <summary>年度考核: Admins see every cycle and open the next; a center's staff see their own reports, year by year.</summary>
public sealed class IndexModel(CycleHandlers cycles, AppDbContext db, PolicyProvider policy, Text text, TimeProvider clock) : PageModel
{
    [BindProperty]
    public OpenInput Input { get; set; } = new();

    public IReadOnlyList<CycleRow> Cycles { get; private set; } = [];

    public IReadOnlyList<PackChoice> Packs { get; private set; } = [];

    public string CurrentPack => $"{policy.Current.Code} v{policy.Current.Version}";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = clock.TodayInBeijing();
        Input = new OpenInput { Year = today.Year - 1, Deadline = today.AddMonths(policy.Current.Assessment.FilingMonths) };
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostOpenAsync(CancellationToken ct)
    {
        var pack = Input.Pack?.Split('@');
        var result = await cycles.OpenAsync(new OpenCycleRequest
        {
            Year = Input.Year,
            Deadline = Input.Deadline,
            PolicyCode = pack?.Length == 2 ? pack[0] : null,
            PolicyVersion = pack?.Length == 2 && int.TryParse(pack[1], out var v) ? v : null,
        }, ct);
        if (!result.IsSuccess)
        {
            ModelState.AddFailure(result.Failure!, text);
            await LoadAsync(ct);
            return Page();
        }

        TempData["Flash"] = text["assessment.opened", result.Value.Year, result.Value.Reports.Total];
        return Redirect(AssessmentLinks.Cycle(result.Value.Id));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Cycles = await cycles.ListAsync(ct);
        if (User.IsInRole(Infrastructure.Auth.Roles.Admin))
        {
            // Only versions an Admin (or a release) applied can run a cycle; one merely proposed cannot.
            var inForce = await PolicyVersions.InForceIdsAsync(db, clock, ct);
            Packs = (await db.PolicyPacks.AsNoTracking().Where(p => p.AppliedAt != null).OrderBy(p => p.Code).ThenByDescending(p => p.Version)
                .Select(p => new { p.Id, p.Code, p.Version }).ToListAsync(ct))
                .Select(p => new PackChoice(p.Code, p.Version, inForce.Contains(p.Id))).ToList();
        }
    }

    public sealed class OpenInput
    {
        public int? Year { get; set; }

        public DateOnly? Deadline { get; set; }

        /// <summary>"code@version"; empty for the pack in force.</summary>
        public string? Pack { get; set; }
    }
}
