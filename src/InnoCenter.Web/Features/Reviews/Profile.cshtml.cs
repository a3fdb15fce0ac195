using InnoCenter.Domain.Common;
using InnoCenter.Domain.Policy;
using InnoCenter.Web.Features.Experts;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Policy;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Reviews;

/// <summary>
/// The expert's own profile (专家个人信息), next to their assignments: what they keep themselves, the employers they ask an
/// Admin to confirm, and the conflicts they declare with organisations before any draw.
/// </summary>
[Authorize(Roles = Roles.Expert)]
public sealed class ProfileModel(ExpertProfileHandlers profiles, PolicyProvider policy, Text text) : PageModel
{
    /// <summary>Empty rows offered for new past employers below the ones already listed.</summary>
    private const int SpareRows = 2;

    [BindProperty]
    public ProfileInput Input { get; set; } = new();

    [BindProperty]
    public ChangeInput Change { get; set; } = new();

    [BindProperty]
    public ConflictInput Conflict { get; set; } = new();

    public OwnProfileDto? Profile { get; private set; }

    public PolicyPack Policy => policy.Current;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return Page();
        }

        var p = Profile!;
        Input = new ProfileInput
        {
            Domains = p.Domains.ToList(), KeyAreas = p.KeyAreas.ToList(), Expertise = p.Expertise, Phone = p.Phone,
            UnavailableUntil = p.UnavailableUntil, Version = p.Version,
        };
        var basis = p.PendingChange;
        Change = new ChangeInput
        {
            AffiliationCreditCode = basis?.CreditCode ?? p.AffiliationCreditCode,
            AffiliationName = basis?.OrganizationName ?? p.AffiliationName,
            AffiliatedSince = basis is null ? p.AffiliatedSince : basis.AffiliatedSince,
            PastAffiliations = (basis?.PastAffiliations ?? p.PastAffiliations)
                .Select(a => new PastRow { CreditCode = a.CreditCode, OrganizationName = a.OrganizationName, StartedOn = a.StartedOn, EndedOn = a.EndedOn })
                .Concat(Enumerable.Range(0, SpareRows).Select(_ => new PastRow())).ToList(),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostProfileAsync(CancellationToken ct)
    {
        var result = await profiles.UpdateMineAsync(new OwnProfileRequest
        {
            Domains = Input.Domains, KeyAreas = Input.KeyAreas, Expertise = Input.Expertise, Phone = Input.Phone,
            UnavailableUntil = Input.UnavailableUntil, Version = Input.Version,
        }, ct);
        return await AfterAsync(result.Failure, "Input", ct);
    }

    public async Task<IActionResult> OnPostChangeAsync(CancellationToken ct)
    {
        var past = Change.PastAffiliations.Where(r => !r.IsBlank)
            .Select(r => new AffiliationRequest(r.CreditCode, r.OrganizationName, r.StartedOn, r.EndedOn)).ToList();
        var result = await profiles.RequestChangeAsync(new AffiliationChangeRequest
        {
            AffiliationCreditCode = Change.AffiliationCreditCode, AffiliationName = Change.AffiliationName,
            AffiliatedSince = Change.AffiliatedSince, PastAffiliations = past, Note = Change.Note,
        }, ct);
        return await AfterAsync(result.Failure, "Change", ct);
    }

    public async Task<IActionResult> OnPostDeclareAsync(CancellationToken ct)
    {
        var result = await profiles.DeclareAsync(new StandingConflictRequest(Conflict.CreditCode, Conflict.OrganizationName, Conflict.Reason), ct);
        return await AfterAsync(result.Failure, "Conflict", ct);
    }

    private async Task<IActionResult> AfterAsync(Failure? failure, string prefix, CancellationToken ct)
    {
        if (failure is null)
        {
            TempData["Flash"] = text["common.saved"];
            return RedirectToPage();
        }

        if (failure.Kind is FailureKind.Validation)
        {
            ModelState.AddFailure(failure, text, prefix);
        }
        else
        {
            foreach (var e in failure.Errors)
            {
                ModelState.AddModelError(string.Empty, text.Of(e));
            }
        }

        await LoadAsync(ct);
        while (Change.PastAffiliations.Count(r => r.IsBlank) < SpareRows)
        {
            Change.PastAffiliations.Add(new PastRow());
        }

        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var mine = await profiles.MineAsync(ct);
        Profile = mine.IsSuccess ? mine.Value : null;
        return Profile is not null;
    }

    public sealed class ProfileInput
    {
        public List<string> Domains { get; set; } = [];

        public List<string> KeyAreas { get; set; } = [];

        public string? Expertise { get; set; }

        public string? Phone { get; set; }

        public DateOnly? UnavailableUntil { get; set; }

        public int? Version { get; set; }
    }

    public sealed class ChangeInput
    {
        public string? AffiliationCreditCode { get; set; }

        public string? AffiliationName { get; set; }

        public DateOnly? AffiliatedSince { get; set; }

        public List<PastRow> PastAffiliations { get; set; } = [];

        public string? Note { get; set; }
    }

    public sealed class PastRow
    {
        public string? CreditCode { get; set; }

        public string? OrganizationName { get; set; }

        public DateOnly? StartedOn { get; set; }

        public DateOnly? EndedOn { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(CreditCode) && string.IsNullOrWhiteSpace(OrganizationName) && StartedOn is null && EndedOn is null;
    }

    public sealed class ConflictInput
    {
        public string? CreditCode { get; set; }

        public string? OrganizationName { get; set; }

        public string? Reason { get; set; }
    }
}
