using InnoCenter.Domain.Policy;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Policy;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Centers;

/// <summary>Membership over time: every period, the composition where it changed, and (for the center's users) a change form.</summary>
public sealed class MembersModel(CenterHandlers handlers, MembershipHandlers memberships, PolicyProvider policy, Text text, TimeProvider clock) : PageModel
{
    public const int StepRows = 4;

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public ChangeInput Input { get; set; } = new();

    public CenterDto Center { get; private set; } = null!;

    public IReadOnlyList<CenterMemberDto> Periods { get; private set; } = [];

    public IReadOnlyList<CompositionPointDto> Composition { get; private set; } = [];

    public PolicyPack Policy => policy.Current;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Input.EffectiveOn = clock.TodayInBeijing();
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await memberships.ChangeMembershipAsync(Id, new MembershipChangeRequest
        {
            EffectiveOn = Input.EffectiveOn,
            Steps = Input.Steps.Select(s => new MembershipStepRequest
            {
                Action = s.Action,
                CreditCode = s.CreditCode,
                Kind = s.Kind,
                EquitySharePercent = s.EquitySharePercent,
            }).ToList(),
        }, ct);
        if (!result.IsSuccess)
        {
            ModelState.AddFailure(result.Failure!, text);
            return await LoadAsync(ct) ? Page() : NotFound();
        }

        TempData["Flash"] = text["common.saved"];
        return Redirect($"/Centers/Members/{Id}");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var found = await handlers.GetAsync(Id, ct);
        if (!found.IsSuccess)
        {
            return false;
        }

        Center = found.Value;
        Periods = (await memberships.MembersAsync(Id, ct)).Value;
        Composition = (await memberships.CompositionAsync(Id, ct)).Value;
        while (Input.Steps.Count < StepRows)
        {
            Input.Steps.Add(new StepInput());
        }

        return true;
    }

    public sealed class ChangeInput
    {
        public DateOnly? EffectiveOn { get; set; }

        public List<StepInput> Steps { get; set; } = [];
    }

    public sealed class StepInput
    {
        public string? Action { get; set; }

        public string? CreditCode { get; set; }

        public string? Kind { get; set; }

        public decimal? EquitySharePercent { get; set; }
    }
}
