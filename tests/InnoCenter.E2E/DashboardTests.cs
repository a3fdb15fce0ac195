using System.Text.RegularExpressions;
using InnoCenter.Domain.Centers;
using InnoCenter.Domain.Organizations;
using InnoCenter.E2E.Infrastructure;
using InnoCenter.E2E.Pages;
using InnoCenter.Web.Features.Centers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace InnoCenter.E2E;

public sealed class DashboardTests(AppServer server) : IClassFixture<AppServer>
{
    [BrowserFact]
    public async Task The_admin_opens_the_dashboard_its_charts_are_drawn_and_its_figures_are_those_of_the_centers()
    {
        // Two centers of this test's own, made before the dashboard is first computed (it keeps its figures a minute):
        // one recognised inside Tianjin's pilot window (2020–2022), one after it.
        var activeBefore = await server.WithDbAsync(db => db.Centers.CountAsync(c => c.Status == CenterStatus.Active));
        var inWindowBefore = await server.WithDbAsync(db => db.Centers.CountAsync(c => c.ApprovedOn >= new DateOnly(2020, 1, 1) && c.ApprovedOn < new DateOnly(2023, 1, 1)));
        await FoundCenterAsync(new DateOnly(2021, 6, 1));
        await FoundCenterAsync(new DateOnly(2023, 3, 1));
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

        await server.RunAsync(page, nameof(The_admin_opens_the_dashboard_its_charts_are_drawn_and_its_figures_are_those_of_the_centers), async () =>
        {
            await new LoginPage(page).SignInAsync(AppServer.AdminEmail, AppServer.AdminPassword);
            var dashboard = new DashboardPage(page);
            await dashboard.OpenFromNavigationAsync();

            await Assertions.Expect(dashboard.Heading).ToBeVisibleAsync();
            await Assertions.Expect(dashboard.PilotTarget("市级制造业创新中心")).ToBeVisibleAsync();
            await Assertions.Expect(dashboard.Chart("各重点领域的创新中心数量")).ToBeVisibleAsync();
            await Assertions.Expect(dashboard.Chart("认定申请（按阶段）")).ToBeVisibleAsync();
            await Assertions.Expect(dashboard.Chart("成果台账年度合计（全部创新中心）")).ToBeVisibleAsync();
            await Assertions.Expect(dashboard.CentersInStatus("Active")).ToHaveTextAsync((activeBefore + 2).ToString());
            await Assertions.Expect(dashboard.PilotFigure("municipal-centers")).ToHaveTextAsync(new Regex($@"^\s*{inWindowBefore + 1}\s*/\s*3–4\s*$"));
            Assert.True(errors.Count == 0, string.Join(" | ", errors));
        });
    }

    /// <summary>A center founded as an approved application founds one: a lead enterprise, a university and an institute.</summary>
    private async Task FoundCenterAsync(DateOnly approvedOn)
    {
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<InnoCenter.Web.Data.AppDbContext>();
        var now = DateTimeOffset.UtcNow;
        Organization Org(string name, OrganizationType type, string region, string? district)
        {
            var body = string.Concat(Guid.NewGuid().ToString("N").ToUpperInvariant().Where(char.IsDigit).Take(8)).PadRight(8, '0');
            var org = Organization.Create(new OrganizationDetails(
                Uscc.Compose("91", "120116", body), name + Guid.NewGuid().ToString("N")[..6], type, region, district, null, null, null), now);
            db.Organizations.Add(org);
            return org;
        }

        var lead = Org("看板牵头企业", OrganizationType.Enterprise, "Tianjin", "120116");
        var university = Org("看板成员大学", OrganizationType.University, "Tianjin", "120104");
        var institute = Org("看板研究院", OrganizationType.ResearchInstitute, "Beijing", null);
        await db.SaveChangesAsync();
        var founded = await scope.ServiceProvider.GetRequiredService<CenterHandlers>().CreateFromApprovedApplicationAsync(new CenterFounding(
            Guid.NewGuid(), "看板创新中心" + Guid.NewGuid().ToString("N")[..6], "high-end-equipment", lead.Id, "津工信科〔2021〕8号",
            "TJMIC-" + Random.Shared.Next(1000, 9999), approvedOn,
            [
                new CenterFoundingMember(lead.Id, MemberKind.Enterprise, 60m),
                new CenterFoundingMember(university.Id, MemberKind.University, 25m),
                new CenterFoundingMember(institute.Id, MemberKind.ResearchInstitute, 15m),
            ]), CancellationToken.None);
        Assert.True(founded.IsSuccess, founded.IsSuccess ? null : string.Join("; ", founded.Failure!.Errors));
        await db.SaveChangesAsync();
    }
}
