using InnoCenter.Domain.Common;
using InnoCenter.Domain.Resources;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Resources;

/// <summary>
/// 中小企业认定: an organisation's user declares its SME status against the national classification with evidence;
/// an Admin sees the declarations, waiting ones first, and confirms or rejects each.
/// </summary>
public sealed class SmeModel(SmeStatusHandlers sme, ResourceAccess access, Text text) : PageModel
{
    [BindProperty]
    public SmeInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public SmeStatusState? State { get; set; }

    /// <summary>From the query only: Razor Pages keeps the page's own path in the route value "page", which would win.</summary>
    [FromQuery(Name = "page")]
    public int? PageNumber { get; set; }

    public bool CanDeclare => access.CanBook;

    public bool IsAdmin => access.IsAdmin;

    public SmeStatusDto? Mine { get; private set; }

    public PagedResult<SmeStatusDto>? Declarations { get; private set; }

    public IReadOnlyList<Domain.Policy.SmeIndustry> Industries => sme.Industries;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!CanDeclare && !IsAdmin)
        {
            return Forbid();
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDeclareAsync(IFormFile? evidenceFile, CancellationToken ct)
    {
        var result = await sme.DeclareAsync(
            new SmeDeclarationRequest { Industry = Input.Industry, Employees = Input.Employees, AnnualRevenue = Input.AnnualRevenue, Version = Input.Version },
            evidenceFile, ct);
        return await OutcomeAsync(result, "resources.sme.declared", ct);
    }

    public async Task<IActionResult> OnPostConfirmAsync(Guid organizationId, int version, CancellationToken ct) =>
        await OutcomeAsync(await sme.ConfirmAsync(organizationId, version, ct), "resources.sme.confirmed_flash", ct);

    public async Task<IActionResult> OnPostRejectAsync(Guid organizationId, int version, string? reason, CancellationToken ct) =>
        await OutcomeAsync(await sme.RejectAsync(organizationId, new SmeRejectionRequest(reason, version), ct), "resources.sme.rejected_flash", ct);

    private async Task<IActionResult> OutcomeAsync(Result<SmeStatusDto?> result, string flash, CancellationToken ct)
    {
        if (!result.IsSuccess)
        {
            if (result.Failure!.Kind == FailureKind.Forbidden)
            {
                return Forbid();
            }

            ModelState.AddFailure(result.Failure, text);
            await LoadAsync(ct);
            return Page();
        }

        TempData["Flash"] = text[flash];
        return Redirect("/Resources/Sme" + (State is { } s ? $"?state={s}" : string.Empty));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        if (CanDeclare && await sme.MineAsync(ct) is { IsSuccess: true } mine)
        {
            Mine = mine.Value;
            if (Mine is not null && ModelState.IsValid)
            {
                Input = new SmeInput { Industry = Mine.Industry, Employees = Mine.Employees, AnnualRevenue = Mine.AnnualRevenue, Version = Mine.Version };
            }
            else if (Mine is not null)
            {
                Input.Version = Mine.Version;
            }
        }

        if (IsAdmin && await sme.ListAsync(State, PageNumber, null, ct) is { IsSuccess: true } list)
        {
            Declarations = list.Value;
        }
    }

    public sealed class SmeInput
    {
        public string? Industry { get; set; }

        public int? Employees { get; set; }

        public decimal? AnnualRevenue { get; set; }

        public int? Version { get; set; }

        /// <summary>Only the key the field's refusal is shown under; the file itself is bound as a handler argument.</summary>
        public string? EvidenceFile { get; set; }
    }
}
