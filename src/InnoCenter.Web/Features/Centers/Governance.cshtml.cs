using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Centers;

/// <summary>The decision body and the advisory committee, with the warning when the former has no independent member.</summary>
public sealed class GovernanceModel(CenterHandlers handlers, GovernanceHandlers governance, Text text, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public SeatInput Input { get; set; } = new();

    public CenterDto Center { get; private set; } = null!;

    public GovernanceDto Governance { get; private set; } = null!;

    public DateOnly Today => clock.TodayInBeijing();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Input.Since = Today;
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        var result = await governance.AddSeatAsync(Id, new SeatRequest
        {
            Body = Input.Body,
            Kind = Input.Kind,
            PersonName = Input.PersonName,
            Position = Input.Position,
            Affiliation = Input.Affiliation,
            RepresentedCreditCode = Input.RepresentedCreditCode,
            Since = Input.Since,
        }, ct);
        if (!result.IsSuccess)
        {
            ModelState.AddFailure(result.Failure!, text);
            return await LoadAsync(ct) ? Page() : NotFound();
        }

        TempData["Flash"] = text["common.saved"];
        return Redirect($"/Centers/Governance/{Id}");
    }

    public async Task<IActionResult> OnPostEndAsync(Guid seatId, DateOnly? until, CancellationToken ct)
    {
        var result = await governance.EndSeatAsync(Id, seatId, new EndSeatRequest { Until = until }, ct);
        if (!result.IsSuccess)
        {
            ModelState.AddFailure(result.Failure!, text, "End");
            return await LoadAsync(ct) ? Page() : NotFound();
        }

        TempData["Flash"] = text["common.saved"];
        return Redirect($"/Centers/Governance/{Id}");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var found = await handlers.GetAsync(Id, ct);
        if (!found.IsSuccess)
        {
            return false;
        }

        Center = found.Value;
        Governance = (await governance.GovernanceAsync(Id, ct)).Value;
        return true;
    }

    public sealed class SeatInput
    {
        public string? Body { get; set; } = "DecisionBody";

        public string? Kind { get; set; }

        public string? PersonName { get; set; }

        public string? Position { get; set; }

        public string? Affiliation { get; set; }

        public string? RepresentedCreditCode { get; set; }

        public DateOnly? Since { get; set; }
    }
}
