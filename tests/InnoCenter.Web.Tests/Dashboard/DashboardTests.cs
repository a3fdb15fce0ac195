using System.Net;
using System.Net.Http.Json;
using InnoCenter.Web.Features.Centers;
using InnoCenter.Web.Features.Dashboard;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Tests.Centers;
using InnoCenter.Web.Tests.Infrastructure;

namespace InnoCenter.Web.Tests.Dashboard;

/// <summary>The programme dashboard, once per database provider. Other tests of the class add centers too, so every count is compared before and after.</summary>
public abstract class DashboardTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    [ProviderFact]
    public async Task Pilot_targets_count_centers_recognised_in_the_window_and_those_put_forward_to_national_level()
    {
        var admin = await factory.ClientFor(Roles.Admin);
        var before = await GetAsync(admin);

        // Tianjin's pilot window is 2020-01-01 to 2022-12-31 (three years from the pack's start).
        var inWindow = await factory.CreateCenterAsync(approvedOn: new DateOnly(2021, 6, 1));
        await factory.CreateCenterAsync(approvedOn: new DateOnly(2023, 3, 1));
        var dto = await admin.GetFromJsonAsync<CenterDto>($"/api/v1/centers/{inWindow.Id}", Json.Options);
        var recommended = await admin.PostAsJsonAsync($"/api/v1/centers/{inWindow.Id}/status", new StatusChangeRequest
        {
            To = "RecommendedNational", Reference = "津工信科〔2022〕30号", Reason = "推荐申报国家制造业创新中心", EffectiveOn = CenterTestData.Today, Version = dto!.Version,
        });
        var after = await GetAsync(admin);

        Assert.Equal(HttpStatusCode.OK, recommended.StatusCode);
        Assert.Equal(new DateOnly(2020, 1, 1), after.Pilot!.StartsOn);
        Assert.Equal(new DateOnly(2023, 1, 1), after.Pilot.EndsOn);
        var municipal = Target(after, "municipal-centers");
        Assert.Equal(Target(before, "municipal-centers").Achieved + 1, municipal.Achieved);
        Assert.Equal(Target(before, "municipal-centers").AchievedToDate + 2, municipal.AchievedToDate);
        Assert.Equal((3, 4), (municipal.Min, municipal.Max));
        Assert.Equal(Target(before, "national-centers").Achieved + 1, Target(after, "national-centers").Achieved);
        Assert.Equal("Met", Target(after, "national-centers").Progress);
        Assert.Equal(Count(before.CentersByStatus, "RecommendedNational") + 1, Count(after.CentersByStatus, "RecommendedNational"));
        Assert.Equal(Count(before.CentersByStatus, "Active") + 1, Count(after.CentersByStatus, "Active"));
        Assert.Equal(Count(before.CentersByKeyArea, "high-end-equipment") + 2, Count(after.CentersByKeyArea, "high-end-equipment"));
        Assert.Equal(Year(before, 2021) + 1, Year(after, 2021));
    }

    [ProviderFact]
    public async Task The_ledger_trend_covers_five_years_to_this_one_and_every_stage_of_the_pipeline_is_listed()
    {
        var admin = await factory.ClientFor(Roles.Admin, culture: "en-US");
        var d = await GetAsync(admin);

        Assert.Equal(Enumerable.Range(CenterTestData.Today.Year - 4, 5), d.Ledger.Years);
        Assert.Equal(DashboardQueries.LedgerFigureKeys, d.Ledger.Series.Select(s => s.Key));
        Assert.All(d.Ledger.Series, s => Assert.Equal(5, s.Values.Count));
        Assert.Equal("Invention grants", LabelOf(d, "ip.invention_grants"));
        Assert.DoesNotContain(d.ApplicationsByStatus, s => s.Code == "Draft");
        Assert.Contains(d.ApplicationsByStatus, s => s.Code == "PublicNotice");
    }

    [ProviderFact]
    public async Task Only_an_admin_reads_the_dashboard_and_its_page_shows_the_targets_in_the_readers_language()
    {
        var center = await factory.CreateCenterAsync();
        var centerUser = await factory.CenterUserAsync(center);
        var adminZh = await factory.ClientFor(Roles.Admin);
        var adminEn = await factory.ClientFor(Roles.Admin, culture: "en-US");

        var refused = await centerUser.GetAsync("/api/v1/dashboard");
        var page = await centerUser.GetAsync("/Dashboard");
        var zh = await adminZh.GetStringAsync("/Dashboard");
        var en = await adminEn.GetStringAsync("/Dashboard");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains(page.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.Redirect });
        Assert.DoesNotContain("工作看板</h1>", await page.Content.ReadAsStringAsync());
        Assert.Contains("工作看板", zh);
        Assert.Contains("市级制造业创新中心", zh);
        Assert.Contains("Municipal manufacturing innovation centers", en);
        Assert.Contains("id=\"dashboard-data\"", en);
        Assert.Contains("/lib/echarts/echarts.common.min.js", en);
    }

    private static async Task<DashboardDto> GetAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<DashboardDto>("/api/v1/dashboard", Json.Options))!;

    private static PilotTargetDto Target(DashboardDto d, string code) => d.Pilot!.Targets.Single(t => t.Code == code);

    private static int Count(IReadOnlyList<CountItem> items, string code) => items.SingleOrDefault(i => i.Code == code)?.Count ?? 0;

    private static int Year(DashboardDto d, int year) => d.RecognitionsByYear.SingleOrDefault(y => y.Year == year)?.Count ?? 0;

    private static string LabelOf(DashboardDto d, string key) => d.Ledger.Series.Single(s => s.Key == key).Label;
}

public sealed class SqliteDashboardTests(SqliteAppFactory factory) : DashboardTests<SqliteAppFactory>(factory);

[PostgresSuite]
public sealed class PostgresDashboardTests(PostgresAppFactory factory) : DashboardTests<PostgresAppFactory>(factory);
