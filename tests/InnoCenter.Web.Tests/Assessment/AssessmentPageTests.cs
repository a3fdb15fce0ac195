using System.Net;
using System.Text.RegularExpressions;
using InnoCenter.Domain.Assessment;
using InnoCenter.Web.Features.Assessment;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Startup;
using InnoCenter.Web.Tests.Centers;
using InnoCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnoCenter.Web.Tests.Assessment;

/// <summary>Every assessment page renders for the people who use it, in Chinese and in English, with no missing string; a form post reaches the same rules as the API.</summary>
public sealed partial class AssessmentPageTests
{
    [Fact]
    public async Task Every_assessment_page_renders_in_both_languages_with_no_missing_string()
    {
        await using var app = await AssessmentApp<SqliteAppFactory>.StartAsync();
        var center = await app.Factory.CreateCenterAsync("页面中心" + Guid.NewGuid().ToString("N")[..4], AssessmentTestData.ThreeYearsAgo);
        var (published, reports) = await app.RunToScoredAsync(AssessmentTestData.LastYear - 1, new Dictionary<TestCenter, (Profile, decimal)> { [center] = (Profile.Strong, 1m) });
        await app.PublishAsync(published.Id);
        var open = await app.Admin.OpenCycleAsync(AssessmentTestData.LastYear, app.Today.AddDays(5));
        var reportId = reports[center.Id].Id;
        var user = await app.Factory.CenterUserAsync(center);
        var openReport = await user.ReportOfAsync(open.Id, center.Id);

        foreach (var culture in new[] { "zh-CN", "en-US" })
        {
            var admin = await app.Factory.ClientFor(Roles.Admin, culture: culture);
            var staff = await app.Factory.ClientFor(Roles.CenterUser, center.Lead.Id, culture);
            var anonymous = app.Factory.AnonymousClient(culture);
            var pages = new (HttpClient Client, string Path)[]
            {
                (admin, "/Assessment"), (admin, $"/Assessment/Cycle/{published.Id}"), (admin, $"/Assessment/Cycle/{open.Id}?state=due"),
                (admin, $"/Assessment/Report/{reportId}"), (admin, $"/Assessment/Report/{openReport.Id}"), (admin, $"/Assessment/Scorecard/{reportId}"),
                (admin, $"/Assessment/Overview/{published.Id}"), (admin, "/Assessment/Weights"),
                (staff, "/Assessment"), (staff, $"/Assessment/Report/{openReport.Id}"), (staff, $"/Assessment/Report/{reportId}"), (staff, $"/Assessment/Scorecard/{reportId}"),
                (anonymous, $"/Notices/Assessment/{published.Id}"),
            };
            foreach (var (client, path) in pages)
            {
                var response = await client.GetAsync(path);
                var html = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{culture} {path}: {response.StatusCode}");
                Assert.False(MissingKey().IsMatch(html), $"{culture} {path}: {MissingKey().Match(html).Value}");
            }
        }

        var adminOnly = await user.GetAsync($"/Assessment/Cycle/{open.Id}");
        var notPublished = await app.Factory.AnonymousClient().GetAsync($"/Notices/Assessment/{open.Id}");
        Assert.NotEqual(HttpStatusCode.OK, adminOnly.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notPublished.StatusCode);
    }

    [Fact]
    public async Task The_report_form_shows_a_refused_value_next_to_it_and_saves_a_correction_with_its_reason()
    {
        await using var app = await AssessmentApp<SqliteAppFactory>.StartAsync();
        var center = await app.Factory.CreateCenterAsync(approvedOn: AssessmentTestData.ThreeYearsAgo);
        var cycle = await app.Admin.OpenCycleAsync(AssessmentTestData.LastYear);
        var user = await app.Factory.CenterUserAsync(center);
        var report = await user.ReportOfAsync(cycle.Id, center.Id);
        var path = $"/Assessment/Report/{report.Id}";

        var refused = await user.PostFormAsync($"{path}?handler=Value&code=rd-spending-share", new Dictionary<string, string> { ["value"] = "N/A" });
        var html = await refused.Content.ReadAsStringAsync();
        var withoutReason = await user.PostFormAsync($"{path}?handler=Value&code=ip.invention_grants", new Dictionary<string, string> { ["value"] = "4" });
        var saved = await user.PostFormAsync($"{path}?handler=Value&code=rd-spending-share", new Dictionary<string, string> { ["value"] = "28.5%" });
        var after = await user.GetReportAsync(report.Id);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Matches("data-code=\"rd-spending-share\"[\\s\\S]*“N/A”不是数字", html);
        Assert.Contains("不同的数值须填写更正理由", await withoutReason.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(28.5m, after!.ManualValues.Single(m => m.Code == "rd-spending-share").Value);
        Assert.Equal(0m, after.Figures.Single(f => f.Key == "ip.invention_grants").Value);
    }

    [GeneratedRegex(@"\b(assessment|policy\.assessment)\.[a-z_]+(\.[A-Za-z_]+)*\b(?![/\w-])")]
    private static partial Regex MissingKey();
}

/// <summary>The demo seed opens last year's assessment once, with the demo center's report pre-filled from its ledger.</summary>
public sealed class AssessmentDemoSeedTests
{
    [Fact]
    public async Task The_demo_seed_opens_last_years_cycle_once_with_the_demo_centers_report_prefilled_from_its_ledger()
    {
        await using var app = await AssessmentApp<SqliteAppFactory>.StartAsync();
        await DemoSeeder.SeedAsync(app.Factory.Services);
        await DemoSeeder.SeedAsync(app.Factory.Services);

        var cycle = Assert.Single(await app.Factory.WithDbAsync(db => db.AssessmentCycles.ToListAsync()));
        var report = await app.Factory.WithDbAsync(db => db.AnnualReports.Include(r => r.Values).SingleAsync());
        using var scope = app.Factory.Services.CreateScope();
        var ledger = await scope.ServiceProvider.GetRequiredService<ReportFigures>().ForCenterYearAsync(report.CenterId, cycle.Year, CancellationToken.None);

        Assert.Equal(CenterTestData.Today.Year - 1, cycle.Year);
        Assert.Equal(CycleStatus.Open, cycle.Status);
        Assert.All(report.Values.Where(v => v.Kind == ReportValueKind.Figure), v => Assert.Equal(ledger[v.Code], v.LedgerValue));
    }
}
