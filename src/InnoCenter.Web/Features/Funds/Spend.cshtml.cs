using InnoCenter.Domain.Common;
using InnoCenter.Domain.Funds;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Funds;

/// <summary>The center records one expenditure against a budget line, with its vouchers.</summary>
[Authorize(Roles = Roles.CenterUser)]
public sealed class SpendModel(GrantHandlers grants, ExpenditureHandlers money, Text text) : PageModel
{
    public sealed class SpendInput
    {
        public string? Category { get; set; }
        public DateOnly? SpentOn { get; set; }
        public string? Payee { get; set; }
        public string? Amount { get; set; }
        public string? Purpose { get; set; }
    }

    [BindProperty]
    public SpendInput Input { get; set; } = new();

    [BindProperty]
    public List<IFormFile> Vouchers { get; set; } = [];

    public GrantDto Grant { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }

        if (!FundsEndpoints.TryAmount(Input.Amount, out var amount))
        {
            ModelState.AddModelError("Input.Amount", text["funds.amount_invalid"]);
            return Page();
        }

        var result = await money.RecordExpenditureAsync(id, new ExpenditureDraft(Input.Category, Input.SpentOn, Input.Payee, amount, Input.Purpose), Vouchers, ct);
        if (!result.IsSuccess)
        {
            ModelState.AddFailure(result.Failure!, text);
            foreach (var e in result.Failure!.Errors.Where(e => e.Field == "vouchers"))
            {
                ModelState.AddModelError(nameof(Vouchers), text.Of(e));
            }

            return Page();
        }

        TempData["Flash"] = text["funds.saved"];
        return Redirect($"/Funds/Details/{id}");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await grants.GetAsync(id, ct);
        if (!found.IsSuccess)
        {
            return found.Failure!.Kind == FailureKind.Forbidden ? Forbid() : NotFound();
        }

        Grant = found.Value;
        return null;
    }
}
