using InnoCenter.E2E.Infrastructure;
using InnoCenter.E2E.Pages;
using Microsoft.Playwright;

namespace InnoCenter.E2E;

public sealed class DashboardTests(AppServer server) : IClassFixture<AppServer>
{
    [BrowserFact]
    public async Task The_admin_opens_the_dashboard_and_its_charts_are_drawn_without_a_script_error()
    {
        var page = await server.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                errors.Add($"{m.Text} {m.Location}");
            }
        };
        page.PageError += (_, e) => errors.Add(e);

        await server.RunAsync(page, nameof(The_admin_opens_the_dashboard_and_its_charts_are_drawn_without_a_script_error), async () =>
        {
            await new LoginPage(page).SignInAsync(AppServer.AdminEmail, AppServer.AdminPassword);
            var dashboard = new DashboardPage(page);
            await dashboard.OpenFromNavigationAsync();

            await Assertions.Expect(dashboard.Heading).ToBeVisibleAsync();
            await Assertions.Expect(dashboard.PilotTarget("市级制造业创新中心")).ToBeVisibleAsync();
            await Assertions.Expect(dashboard.Chart("各重点领域的创新中心数量")).ToBeVisibleAsync();
            await Assertions.Expect(dashboard.Chart("认定申请（按阶段）")).ToBeVisibleAsync();
            await Assertions.Expect(dashboard.Chart("成果台账年度合计（全部创新中心）")).ToBeVisibleAsync();
            Assert.True(errors.Count == 0, string.Join(" | ", errors));
        });
    }
}
