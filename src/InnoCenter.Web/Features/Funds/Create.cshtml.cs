using InnoCenter.Domain.Funds;
using InnoCenter.Domain.Policy;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Policy;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Funds;

/// <summary>Drafting a grant: budget as a table of categories × sources, amounts in yuan; empty cells are no share.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class CreateModel(GrantHandlers handlers, AppDbContext db, PolicyProvider policy, Text text) : PageModel
{
    public sealed class GrantInput
    {
        public Guid? CenterId { get; set; }
        public string? Title { get; set; }
        public string? DocumentNumber { get; set; }
        public string? Source { get; set; }
        public string? Form { get; set; }
        public DateOnly? PeriodFrom { get; set; }
        public DateOnly? PeriodTo { get; set; }

        /// <summary>Amounts by "category|source".</summary>
        public Dictionary<string, decimal?> Amounts { get; set; } = [];

        public List<TargetInput> Targets { get; set; } = [new(), new(), new()];
    }

    public sealed class TargetInput
    {
        public string? Indicator { get; set; }
        public decimal? Value { get; set; }
    }

    [BindProperty]
    public GrantInput Input { get; set; } = new();

    public FundRules Rules => policy.Current.Funds;

    public IReadOnlyList<Indicator> Indicators => policy.Current.Assessment.IndicatorSystem.Indicators;

    public IReadOnlyList<(Guid Id, string Name)> Centers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input.Source = Rules.Matching.FiscalSource;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var lines = Rules.Categories
            .Select(c => new LineDraft(c.Code, Rules.Sources
                .Where(s => Input.Amounts.GetValueOrDefault($"{c.Code}|{s.Code}") is not null)
                .Select(s => new ShareDraft(s.Code, Input.Amounts[$"{c.Code}|{s.Code}"])).ToList()))
            .Where(l => l.Shares!.Count > 0).ToList();
        var targets = Input.Targets.Where(t => !string.IsNullOrWhiteSpace(t.Indicator) || t.Value is not null)
            .Select(t => new TargetDraft(t.Indicator, t.Value)).ToList();
        var draft = new GrantDraft(Input.CenterId, Input.Title, Input.DocumentNumber, Input.Source, Input.Form, Input.PeriodFrom, Input.PeriodTo, lines, targets);
        var result = await handlers.CreateAsync(draft, ct);
        if (!result.IsSuccess)
        {
            ModelState.AddFailure(result.Failure!, text);
            await LoadAsync(ct);
            return Page();
        }

        TempData["Flash"] = text["funds.saved"];
        return Redirect($"/Funds/Details/{result.Value.Id}");
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Centers = (await db.Centers.AsNoTracking().OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(ct))
            .Select(c => (c.Id, c.Name)).ToList();
}
