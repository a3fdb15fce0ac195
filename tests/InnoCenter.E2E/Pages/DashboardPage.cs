using Microsoft.Playwright;

namespace InnoCenter.E2E.Pages;

public sealed class DashboardPage(IPage page)
{
    public async Task OpenFromNavigationAsync()
    {
        await page.GotoAsync("/");
        await new AppNavigation(page).OpenAsync("看板");
        await page.WaitForURLAsync(url => url.Contains("/Dashboard"));
    }

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "工作看板", Level = 1 });

    public ILocator PilotTarget(string label) => page.GetByRole(AriaRole.Heading, new() { Name = label, Level = 3 });

    /// <summary>The count of centers in a status (its code), from the table under the centers' chart.</summary>
    public ILocator CentersInStatus(string code) => page.GetByTestId($"center-status-{code}").GetByRole(AriaRole.Cell).Last;

    /// <summary>A pilot target's figure (by the target's code): achieved / target range.</summary>
    public ILocator PilotFigure(string code) => page.GetByTestId($"pilot-{code}").Locator("p.display-6");

    /// <summary>A chart drawn by ECharts: its container (role img, named for the chart) holds an SVG once the script ran.</summary>
    public ILocator Chart(string name) => page.GetByRole(AriaRole.Img, new() { Name = name }).Locator("svg");
}
