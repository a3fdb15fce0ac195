using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Centers;

/// <summary>An Admin records a decision that changes a center's status.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class StatusModel(CenterHandlers handlers, CenterStatusHandlers statuses, Text text, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public StatusInput Input { get; set; } = new();

    public CenterDto Center { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Input = new StatusInput { EffectiveOn = clock.TodayInBeijing(), Version = Center.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await statuses.ChangeStatusAsync(Id, new StatusChangeRequest
        {
            To = Input.To,
            Reference = Input.Reference,
            Reason = Input.Reason,
            EffectiveOn = Input.EffectiveOn,
            Version = Input.Version,
        }, ct);
        if (!result.IsSuccess)
        {
            ModelState.AddFailure(result.Failure!, text);
            return await LoadAsync(ct) ? Page() : NotFound();
        }

        TempData["Flash"] = text["common.saved"];
        return Redirect($"/Centers/Details/{Id}");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var found = await handlers.GetAsync(Id, ct);
        if (found.IsSuccess)
        {
            Center = found.Value;
        }

        return found.IsSuccess;
    }

    public sealed class StatusInput
    {
        public string? To { get; set; }

        public string? Reference { get; set; }

        public string? Reason { get; set; }

        public DateOnly? EffectiveOn { get; set; }

        public int? Version { get; set; }
    }
}
