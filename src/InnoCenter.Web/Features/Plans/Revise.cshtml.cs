using InnoCenter.Web.Features.Centers;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Plans;

/// <summary>The center's staff propose a revision of the plan: the targets from a year on, with the reason; an Admin decides.</summary>
public sealed class ReviseModel(PlanQueries queries, PlanRevisionHandlers revisions, Text text, TimeProvider clock) : PageModel
{
    public const int BlankRows = 3;

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public PlanDto Plan { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var plan = await queries.GetPlanAsync(Id, ct);
        if (!plan.IsSuccess)
        {
            return NotFound();
        }

        Plan = plan.Value;
        if (!Plan.CanPropose)
        {
            return Redirect(PlanLinks.Center(Id));
        }

        // Start from the latest approved plan, the one a revision changes.
        var current = Plan.Revisions.First(r => r.Status == "Approved");
        Input.EffectiveFromYear = Math.Clamp(clock.TodayInBeijing().Year, Plan.FirstYear, Plan.LastYear);
        Input.Indicators = current.Indicators.Select(i => new IndicatorInput { Name = i.Name, Unit = i.Unit, Figure = i.Figure, Year1 = i.Year1, Year2 = i.Year2, Year3 = i.Year3 }).ToList();
        Pad();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var request = new ProposeRevisionRequest
        {
            EffectiveFromYear = Input.EffectiveFromYear,
            Reason = Input.Reason,
            Indicators = Input.Indicators.Select(i => new PlanIndicatorRequest(i.Name, i.Unit, i.Figure, i.Year1, i.Year2, i.Year3)).ToList(),
        };
        var result = await revisions.ProposeAsync(Id, request, ct);
        if (result.IsSuccess)
        {
            TempData["Flash"] = text["plans.proposed"];
            return Redirect(PlanLinks.Center(Id));
        }

        if (result.Failure!.Kind == Domain.Common.FailureKind.NotFound)
        {
            return NotFound();
        }

        ModelState.AddFailure(result.Failure, text);
        var plan = await queries.GetPlanAsync(Id, ct);
        if (!plan.IsSuccess)
        {
            return NotFound();
        }

        Plan = plan.Value;
        Pad();
        return Page();
    }

    private void Pad()
    {
        while (Input.Indicators.Count(i => string.IsNullOrWhiteSpace(i.Name)) < BlankRows)
        {
            Input.Indicators.Add(new IndicatorInput());
        }
    }

    public sealed class InputModel
    {
        public int? EffectiveFromYear { get; set; }

        public string? Reason { get; set; }

        public List<IndicatorInput> Indicators { get; set; } = [];
    }

    public sealed class IndicatorInput
    {
        public string? Name { get; set; }

        public string? Unit { get; set; }

        public string? Figure { get; set; }

        public decimal? Year1 { get; set; }

        public decimal? Year2 { get; set; }

        public decimal? Year3 { get; set; }
    }
}
