using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InnoCenter.Web.Features.Applications;
using InnoCenter.Web.Features.Dashboard;
using InnoCenter.Web.Features.Policy;
using InnoCenter.Web.Features.Reminders;
using InnoCenter.Web.Features.Workbench;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Web;
using InnoCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Tests.Applications;

/// <summary>
/// The lists, the workbench, the dashboard and the reminders judge each application by the pack version it began
/// under (issue 16): a later version's stage days or region rule do not change an application already under way.
/// Each test puts new versions in force today, so it starts an app of its own.
/// </summary>
public abstract class ApplicationCaseRulesTests<TFactory>
    where TFactory : AppFactory, new()
{
    [ProviderFact]
    public async Task Every_overview_judges_an_application_by_the_stage_days_and_region_rule_it_began_under()
    {
        await using var own = await OwnApp<TFactory>.StartAsync();
        var app = own.Factory;
        var flow = await ApplicationFlow.StartAsync(app);
        var underFirst = await flow.SubmittedAsync();
        var first = await InForceAsync(flow.Admin);
        var days = Section(first, "applications")["stageDays"]!["Submitted"]!.GetValue<int>();

        // Later versions: twenty more days in Submitted, and a Beijing member no longer makes a consortium cross-region.
        var applications = Section(first, "applications");
        applications["stageDays"]!["Submitted"] = days + 20;
        await ProposeAndApplyAsync(app, flow.Admin, first, "applications", applications);
        await ProposeAndApplyAsync(app, flow.Admin, await InForceAsync(flow.Admin), "crossRegions", new JsonArray("Hebei"));
        var underLatest = await flow.SubmittedAsync();
        app.Clock.Advance(TimeSpan.FromDays(days + 1));

        var all = (await flow.Admin.GetFromJsonAsync<PipelineDto>("/api/v1/applications?pageSize=100", Json.Options))!.Applications.Items;
        var overdue = (await flow.Admin.GetFromJsonAsync<PipelineDto>("/api/v1/applications?overdue=true&pageSize=100", Json.Options))!.Applications.Items;
        var onePerPage = new List<ApplicationSummaryDto>();
        for (var p = 1; p <= all.Count; p++)
        {
            onePerPage.AddRange((await flow.Admin.GetFromJsonAsync<PipelineDto>($"/api/v1/applications?pageSize=1&page={p}", Json.Options))!.Applications.Items);
        }

        var page = await flow.Admin.GetStringAsync("/Applications?overdue=true");
        var workbench = (await flow.Admin.GetFromJsonAsync<WorkbenchDto>("/api/v1/workbench", Json.Options))!;
        var dashboard = (await flow.Admin.GetFromJsonAsync<DashboardDto>("/api/v1/dashboard", Json.Options))!;
        await app.RunRemindersAsync();

        var old = Assert.Single(all, a => a.Id == underFirst);
        var latest = Assert.Single(all, a => a.Id == underLatest);
        Assert.True(old.Overdue, $"begun under v{first.Version.Version}: {old.DaysInStage} of {old.StageDays} days");
        Assert.Equal(days, old.StageDays);
        Assert.True(old.CrossRegion);
        Assert.False(latest.Overdue);
        Assert.Equal(days + 20, latest.StageDays);
        Assert.False(latest.CrossRegion);
        Assert.Equal([underFirst], overdue.Select(a => a.Id));
        // Paged one by one, the same applications in the same order, each judged by its own version.
        Assert.Equal(all.Select(a => (a.Id, a.CrossRegion, a.Overdue, a.StageDays, a.MemberCount)),
            onePerPage.Select(a => (a.Id, a.CrossRegion, a.Overdue, a.StageDays, a.MemberCount)));
        Assert.Contains(old.CenterName, page);
        Assert.DoesNotContain(latest.CenterName, page);
        var items = workbench.Groups.SelectMany(g => g.Items).ToDictionary(i => i.Key);
        Assert.Equal(1, items["workbench.applications.overdueStages"].Count);
        Assert.Equal(2, items["workbench.applications.toCheck"].Count);
        Assert.Equal(1, items["workbench.applications.toCheck"].Overdue);
        Assert.Equal(1, dashboard.OverdueApplications);
        var reminded = await app.WithDbAsync(db => db.SentReminders.Where(r => r.Kind == ReminderKinds.StageOverdue).Select(r => r.SubjectId).ToListAsync());
        Assert.Equal([underFirst], reminded);
    }

    private static async Task ProposeAndApplyAsync(AppFactory app, HttpClient admin, PolicyVersionDto inForce, string section, JsonNode json)
    {
        var proposed = await admin.PostAsJsonAsync("/api/v1/policy/versions", new ProposePolicyRequest
        {
            BaseVersion = inForce.Version.Version,
            Section = section,
            Json = json.ToJsonString(),
            Note = "调整 " + section,
        });
        Assert.True(proposed.IsSuccessStatusCode, await proposed.Content.ReadAsStringAsync());
        var row = (await proposed.Content.ReadFromJsonAsync<PolicyVersionRow>(Json.Options))!;
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
        (await admin.PostAsJsonAsync($"/api/v1/policy/versions/{row.Id}/apply", new ApplyPolicyRequest { EffectiveFrom = today })).EnsureSuccessStatusCode();
    }

    private static async Task<PolicyVersionDto> InForceAsync(HttpClient admin) =>
        (await admin.GetFromJsonAsync<PolicyVersionDto>("/api/v1/policy", Json.Options))!;

    private static JsonNode Section(PolicyVersionDto pack, string name) => JsonNode.Parse(pack.Json)![name]!.DeepClone();
}

public sealed class SqliteApplicationCaseRulesTests : ApplicationCaseRulesTests<SqliteAppFactory>;

[PostgresSuite]
public sealed class PostgresApplicationCaseRulesTests : ApplicationCaseRulesTests<PostgresAppFactory>;
