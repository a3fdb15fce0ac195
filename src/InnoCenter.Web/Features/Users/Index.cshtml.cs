using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Users;

public sealed class IndexModel(UserHandlers handlers, CurrentUser user, Text text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public UserFilter Filter { get; set; } = new();

    public PagedResult<UserDto> Result { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public async Task OnGetAsync(CancellationToken ct) => Result = await handlers.ListAsync(Filter, ct);

    public async Task<IActionResult> OnPostActivateAsync(Guid id, CancellationToken ct) =>
        await After(await handlers.ActivateAsync(id, new UserActivation(null), ct), ct);

    public async Task<IActionResult> OnPostDeactivateAsync(Guid id, CancellationToken ct) =>
        await After(await handlers.DeactivateAsync(id, user.Id ?? Guid.Empty, ct), ct);

    private async Task<IActionResult> After(InnoCenter.Domain.Common.Result<UserDto> result, CancellationToken ct)
    {
        if (result.IsSuccess)
        {
            TempData["Flash"] = text["common.saved"];
            return RedirectToPage();
        }

        ModelState.AddFailure(result.Failure!, text);
        Result = await handlers.ListAsync(Filter, ct);
        return Page();
    }
}
