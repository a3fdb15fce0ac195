using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InnoCenter.Web.Features.Policy;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Tests.Infrastructure;

namespace InnoCenter.Web.Tests.Policy;

/// <summary>
/// The pack as data through the pages (issue 16.1): every section of the pack in force opens in the editor; a section
/// that breaks a rule is refused on the page naming the field; a valid one is saved as a proposal, applied from a day on
/// its version page, and the diff page shows the change.
/// </summary>
public abstract class PolicyPageTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : AppFactory, new()
{
    [ProviderFact]
    public async Task The_policy_page_warns_of_this_and_next_year_without_a_calendar_listed_in_the_readers_language()
    {
        await using var own = await OwnApp<TFactory>.StartAsync();
        var app = own.Factory;
        var pack = await (await app.ClientFor(Roles.Admin)).GetFromJsonAsync<PolicyVersionDto>("/api/v1/policy", Json.Options);
        var last = JsonNode.Parse(pack!.Json)!["applications"]!["calendarYears"]!.AsArray().Max(y => y!.GetValue<int>());
        // 2 January after the pack's last calendar year, in Beijing: neither this year nor the next has holidays.
        var target = new DateTimeOffset(last + 1, 1, 2, 12, 0, 0, TimeSpan.FromHours(8));
        app.Clock.Advance(target - app.Clock.GetUtcNow());

        var chinese = await (await app.ClientFor(Roles.Admin)).GetStringAsync("/Policy");
        var english = await (await app.ClientFor(Roles.Admin, culture: "en-US")).GetStringAsync("/Policy");

        Assert.Contains($"{last + 1}、{last + 2} 年的节假日安排", chinese);
        Assert.Contains($"no holiday calendar for {last + 1}, {last + 2}", english);
    }

    [ProviderFact]
    public async Task Every_section_of_the_pack_in_force_opens_in_the_editor()
    {
        var admin = await factory.ClientFor(Roles.Admin);
        var pack = (await admin.GetFromJsonAsync<PolicyVersionDto>("/api/v1/policy", Json.Options))!;
        var sections = JsonNode.Parse(pack.Json)!.AsObject().Select(p => p.Key).Where(k => k is not ("code" or "version")).ToList();

        Assert.True(sections.Count >= 15, string.Join(", ", sections));
        foreach (var section in sections)
        {
            var html = await admin.GetStringAsync($"/Policy/Edit?section={section}");
            Assert.Contains($"<option value=\"{section}\" selected=\"selected\">", html);
            Assert.DoesNotContain(">null</textarea>", html);
        }
    }

    [ProviderFact]
    public async Task An_admin_proposes_a_section_on_the_page_applies_it_from_today_and_the_diff_page_shows_the_change()
    {
        await using var own = await OwnApp<TFactory>.StartAsync();
        var app = own.Factory;
        var admin = await app.ClientFor(Roles.Admin);
        var before = (await admin.GetFromJsonAsync<PolicyVersionDto>("/api/v1/policy", Json.Options))!;
        var applications = JsonNode.Parse(before.Json)!["applications"]!.DeepClone();
        var days = applications["noticeWorkingDays"]!.GetValue<int>();
        var count = (await admin.GetFromJsonAsync<List<PolicyVersionRow>>("/api/v1/policy/versions", Json.Options))!.Count;

        applications["noticeWorkingDays"] = 0;
        var refused = await admin.PostFormAsync("/Policy/Edit?section=applications", Form(before, applications));
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        var afterRefusal = (await admin.GetFromJsonAsync<List<PolicyVersionRow>>("/api/v1/policy/versions", Json.Options))!.Count;
        applications["noticeWorkingDays"] = days + 1;
        var saved = await admin.PostFormAsync("/Policy/Edit?section=applications", Form(before, applications));
        var versionPage = saved.Headers.Location!.OriginalString;
        var applied = await admin.PostFormAsync(versionPage + "?handler=Apply", new Dictionary<string, string>
        {
            ["EffectiveFrom"] = DateOnly.FromDateTime(app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime).ToString("yyyy-MM-dd"),
        });
        var inForce = (await admin.GetFromJsonAsync<PolicyVersionDto>("/api/v1/policy", Json.Options))!;
        var diff = await admin.GetStringAsync($"/Policy/Diff?from={before.Version.Id}&to={inForce.Version.Id}");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("<code>applications.noticeWorkingDays</code>", refusedHtml);
        Assert.Equal(count, afterRefusal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.StartsWith("/Policy/Version/", versionPage);
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        Assert.Equal("/Policy/Version/" + inForce.Version.Id, versionPage);
        Assert.Equal(days + 1, JsonNode.Parse(inForce.Json)!["applications"]!["noticeWorkingDays"]!.GetValue<int>());
        // The inserted line, in its row marked as inserted (the page encodes quotes and the plus sign).
        Assert.Matches(@"<tr class=""table-success"">(?:(?!</tr>)[\s\S])*?(?:&quot;|&#x22;|"")noticeWorkingDays(?:&quot;|&#x22;|""): " + (days + 1) + @"\b", diff);
    }

    private static Dictionary<string, string> Form(PolicyVersionDto basedOn, JsonNode section) => new()
    {
        ["Section"] = "applications",
        ["BaseVersion"] = basedOn.Version.Version.ToString(),
        ["Json"] = section.ToJsonString(),
        ["Note"] = "公示期调整",
    };
}

public sealed class SqlitePolicyPageTests(SqliteAppFactory factory) : PolicyPageTests<SqliteAppFactory>(factory);

[PostgresSuite]
public sealed class PostgresPolicyPageTests(PostgresAppFactory factory) : PolicyPageTests<PostgresAppFactory>(factory);
