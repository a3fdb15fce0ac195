using System.Text.Json;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Dashboard;

public sealed class IndexModel(DashboardHandlers handlers) : PageModel
{
    public DashboardDto Dashboard { get; private set; } = null!;

    /// <summary>The same figures for the charts, read by dashboard.js from a data block (no inline script, per the CSP).</summary>
    public string ChartJson { get; private set; } = "{}";

    public async Task OnGetAsync()
    {
        Dashboard = await handlers.GetAsync();
        ChartJson = JsonSerializer.Serialize(Dashboard, JsonSerializerOptions.Web);
    }
}
