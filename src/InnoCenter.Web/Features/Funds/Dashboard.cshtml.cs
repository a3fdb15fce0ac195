using System.Text.Json;
using InnoCenter.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Funds;

/// <summary>资金看板: the charts read the figures from a JSON data block (no inline script); the tables carry the same numbers.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class DashboardModel(FundsDashboard dashboard) : PageModel
{
    public FundsDashboardDto Figures { get; private set; } = null!;

    public string ChartJson { get; private set; } = "{}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await dashboard.GetAsync(ct);
        if (!result.IsSuccess)
        {
            return Forbid();
        }

        Figures = result.Value;
        ChartJson = JsonSerializer.Serialize(Figures, JsonSerializerOptions.Web);
        return Page();
    }
}
