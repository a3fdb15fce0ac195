using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using InnoCenter.Domain.Applications;
using InnoCenter.Web.Features.Applications;
using InnoCenter.Web.Features.Policy;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Policy;
using InnoCenter.Web.Tests.Applications;
using InnoCenter.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnoCenter.Web.Tests.Policy;

/// <summary>
/// The policy pack as data (issue 16): a proposal changes nothing until applied, a bad section is refused by name, a
/// version applies from a day, a case keeps the pack it began under, and every node takes up an applied version.
/// Tests that put a version in force today start an app of their own, so no other test sees the changed rules.
/// </summary>
public abstract class PolicyVersionTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : AppFactory, new()
{
    private static DateOnly BeijingToday(AppFactory app) =>
        DateOnly.FromDateTime(app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);

    [ProviderFact]
    public async Task A_proposed_section_is_not_in_force_until_applied_and_its_diff_shows_the_change()
    {
        var admin = await factory.ClientFor(Roles.Admin);
        var inForce = await InForceAsync(admin);

        var proposed = await ProposeNoticeDaysAsync(admin, inForce, 9);

        Assert.Equal(HttpStatusCode.Created, proposed.StatusCode);
        var row = (await proposed.Content.ReadFromJsonAsync<PolicyVersionRow>(Json.Options))!;
        Assert.Equal(PolicyVersionState.Proposed, row.State);
        Assert.True(row.Version > inForce.Version.Version, $"proposed v{row.Version} over v{inForce.Version.Version}");
        Assert.Equal(inForce.Version.Id, (await InForceAsync(admin)).Version.Id);
        var diff = (await admin.GetFromJsonAsync<PolicyDiffDto>($"/api/v1/policy/versions/{inForce.Version.Id}/diff/{row.Id}", Json.Options))!;
        Assert.Contains(diff.Lines, l => l.Kind == "inserted" && l.Text.Contains("\"noticeWorkingDays\": 9"));
        Assert.Contains(diff.Lines, l => l.Kind == "deleted" && l.Text.Contains("\"noticeWorkingDays\": " + NoticeDays(inForce)));
        // Only the changed rule and the pack's own version number differ.
        Assert.Equal(["\"noticeWorkingDays\": 9", "\"version\": " + row.Version],
            diff.Lines.Where(l => l.Kind == "inserted").Select(l => l.Text.Trim().TrimEnd(',')).Order(StringComparer.Ordinal));
    }

    [ProviderFact]
    public async Task A_section_that_breaks_a_rule_is_refused_naming_the_field_and_nothing_is_stored()
    {
        var admin = await factory.ClientFor(Roles.Admin);
        var inForce = await InForceAsync(admin);
        var before = (await admin.GetFromJsonAsync<List<PolicyVersionRow>>("/api/v1/policy/versions", Json.Options))!.Count;

        var refused = await ProposeNoticeDaysAsync(admin, inForce, 0);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("applications.noticeWorkingDays", out _), errors.ToString());
        Assert.Equal(before, (await admin.GetFromJsonAsync<List<PolicyVersionRow>>("/api/v1/policy/versions", Json.Options))!.Count);
    }

    [ProviderFact]
    public async Task A_proposal_on_a_version_no_longer_in_force_is_a_conflict()
    {
        var admin = await factory.ClientFor(Roles.Admin);
        var inForce = await InForceAsync(admin);

        var stale = await admin.PostAsJsonAsync("/api/v1/policy/versions", new ProposePolicyRequest
        {
            BaseVersion = inForce.Version.Version - 1,
            Section = "applications",
            Json = Section(inForce, "applications").ToJsonString(),
            Note = "基于旧版本的修改",
        });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
    }

    [ProviderFact]
    public async Task Only_an_admin_reads_or_changes_the_rules_and_a_day_in_the_past_is_refused()
    {
        var admin = await factory.ClientFor(Roles.Admin);
        var officer = await factory.ClientFor(Roles.CenterUser);
        var inForce = await InForceAsync(admin);
        var row = (await (await ProposeNoticeDaysAsync(admin, inForce, 8)).Content.ReadFromJsonAsync<PolicyVersionRow>(Json.Options))!;
        var today = BeijingToday(factory);

        var past = await admin.PostAsJsonAsync($"/api/v1/policy/versions/{row.Id}/apply", new ApplyPolicyRequest { EffectiveFrom = today.AddDays(-1) });
        var byOther = await officer.PostAsJsonAsync($"/api/v1/policy/versions/{row.Id}/apply", new ApplyPolicyRequest { EffectiveFrom = today.AddDays(30) });
        var readByOther = await officer.GetAsync("/api/v1/policy/versions");
        var later = await admin.PostAsJsonAsync($"/api/v1/policy/versions/{row.Id}/apply", new ApplyPolicyRequest { EffectiveFrom = today.AddDays(30) });

        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.True((await past.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("effectiveFrom", out _));
        Assert.Equal(HttpStatusCode.Forbidden, byOther.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, readByOther.StatusCode);
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        Assert.Equal(PolicyVersionState.Scheduled, (await later.Content.ReadFromJsonAsync<PolicyVersionRow>(Json.Options))!.State);
        Assert.Equal(inForce.Version.Id, (await InForceAsync(admin)).Version.Id);
    }

    [ProviderFact]
    public async Task A_case_keeps_the_notice_window_of_the_pack_it_began_under()
    {
        await using var own = await OwnApp<TFactory>.StartAsync();
        var app = own.Factory;
        var flow = await ApplicationFlow.StartAsync(app);
        var underFirst = await flow.SubmittedAsync();
        var inForce = await InForceAsync(flow.Admin);
        var longer = NoticeDays(inForce) + 10;
        var row = (await (await ProposeNoticeDaysAsync(flow.Admin, inForce, longer)).Content.ReadFromJsonAsync<PolicyVersionRow>(Json.Options))!;

        var applied = await flow.Admin.PostAsJsonAsync($"/api/v1/policy/versions/{row.Id}/apply", new ApplyPolicyRequest { EffectiveFrom = BeijingToday(app) });
        var again = await flow.Admin.PostAsJsonAsync($"/api/v1/policy/versions/{row.Id}/apply", new ApplyPolicyRequest { EffectiveFrom = BeijingToday(app) });
        var underSecond = await flow.SubmittedAsync();
        foreach (var id in new[] { underFirst, underSecond })
        {
            await flow.ForceStatusAsync(id, ApplicationStatus.Deliberation);
            var approved = await flow.ActAsync(flow.Admin, id, "approve", new TransitionRequest { MeetingDate = BeijingToday(app), DecisionNumber = "审议〔2026〕" + id.ToString("N")[..4] + "号" });
            Assert.True(approved.IsSuccessStatusCode, await approved.Content.ReadAsStringAsync());
        }

        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(row.Version, (await InForceAsync(flow.Admin)).Version.Version);
        var first = await flow.ReadAsync(underFirst);
        var second = await flow.ReadAsync(underSecond);
        Assert.NotNull(first.NoticeEndsOn);
        Assert.NotNull(second.NoticeEndsOn);
        // Ten more working days span at least fourteen calendar days, whatever holidays fall in between.
        Assert.True(second.NoticeEndsOn!.Value.DayNumber - first.NoticeEndsOn!.Value.DayNumber >= 14,
            $"begun under v{inForce.Version.Version}: {first.NoticeEndsOn}; under v{row.Version}: {second.NoticeEndsOn}");
    }

    [ProviderFact]
    public async Task A_notice_window_counted_as_weekdays_for_want_of_a_calendar_says_so_on_the_application()
    {
        await using var own = await OwnApp<TFactory>.StartAsync();
        var app = own.Factory;
        // 28 December of the pack's last calendar year: the window runs into a year it has no holidays for, and the
        // shipped pack says such a year is counted as weekdays (missingCalendarYear: weekdays).
        var last = JsonNode.Parse((await InForceAsync(await app.ClientFor(Roles.Admin))).Json)!["applications"]!["calendarYears"]!.AsArray().Max(y => y!.GetValue<int>());
        app.Clock.Advance(TimeSpan.FromDays(new DateOnly(last, 12, 28).DayNumber - BeijingToday(app).DayNumber));
        var flow = await ApplicationFlow.StartAsync(app);
        var id = await flow.SubmittedAsync();
        await flow.ForceStatusAsync(id, ApplicationStatus.Deliberation);

        var approved = await flow.ActAsync(flow.Admin, id, "approve", new TransitionRequest { MeetingDate = BeijingToday(app), DecisionNumber = "审议〔2026〕" + id.ToString("N")[..4] + "号" });

        Assert.True(approved.IsSuccessStatusCode, await approved.Content.ReadAsStringAsync());
        var detail = await flow.ReadAsync(id);
        Assert.Equal(last + 1, detail.NoticeEndsOn!.Value.Year);
        Assert.Equal([last + 1], detail.NoticeWeekdayYears);
        var page = await flow.Admin.GetStringAsync($"/Applications/Details/{id}");
        Assert.Contains($"公示期跨入 {last + 1} 年", page);
        var english = await app.ClientFor(Roles.Admin, culture: "en-US");
        Assert.Contains($"no holiday calendar for {last + 1}", await english.GetStringAsync($"/Applications/Details/{id}"));
    }

    [ProviderFact]
    public async Task Another_node_takes_up_an_applied_version_within_seconds()
    {
        await using var own = await OwnApp<TFactory>.StartAsync();
        var app = own.Factory;
        var admin = await app.ClientFor(Roles.Admin);
        using var other = app.WithWebHostBuilder(b => b.UseSetting("Policy:RefreshSeconds", "1"));
        _ = other.CreateClient();
        var otherPolicy = other.Services.GetRequiredService<PolicyProvider>();
        var inForce = await InForceAsync(admin);
        Assert.Equal(inForce.Version.Version, otherPolicy.Current.Version);
        var row = (await (await ProposeNoticeDaysAsync(admin, inForce, NoticeDays(inForce) + 1)).Content.ReadFromJsonAsync<PolicyVersionRow>(Json.Options))!;

        (await admin.PostAsJsonAsync($"/api/v1/policy/versions/{row.Id}/apply", new ApplyPolicyRequest { EffectiveFrom = BeijingToday(app) })).EnsureSuccessStatusCode();

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (otherPolicy.Current.Version != row.Version && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        Assert.Equal(row.Version, otherPolicy.Current.Version);
        Assert.Equal(NoticeDays(inForce) + 1, otherPolicy.Current.Applications.NoticeWorkingDays);
    }

    [ProviderFact]
    public async Task A_case_keeps_the_required_materials_of_the_pack_it_began_under()
    {
        await using var own = await OwnApp<TFactory>.StartAsync();
        var app = own.Factory;
        var flow = await ApplicationFlow.StartAsync(app);
        var underFirst = await flow.CreateDraftAsync();
        var inForce = await InForceAsync(flow.Admin);
        var materials = Section(inForce, "requiredMaterials").AsArray();
        materials.Add(new JsonObject { ["code"] = "site-photos", ["zh"] = "场地照片", ["en"] = "Photos of the site", ["required"] = true });
        var proposed = await flow.Admin.PostAsJsonAsync("/api/v1/policy/versions", new ProposePolicyRequest
        {
            BaseVersion = inForce.Version.Version,
            Section = "requiredMaterials",
            Json = materials.ToJsonString(),
            Note = "增加场地照片",
        });
        var row = (await proposed.Content.ReadFromJsonAsync<PolicyVersionRow>(Json.Options))!;
        (await flow.Admin.PostAsJsonAsync($"/api/v1/policy/versions/{row.Id}/apply", new ApplyPolicyRequest { EffectiveFrom = BeijingToday(app) })).EnsureSuccessStatusCode();

        var underSecond = await flow.CreateDraftAsync();
        var first = await flow.ReadAsync(underFirst);
        var second = await flow.ReadAsync(underSecond);
        var upload = await flow.Applicant.PostAsync($"/api/v1/applications/{underFirst}/materials/site-photos", ApplicationFlow.File(ApplicationFlow.Pdf, "photos.pdf"));

        Assert.Equal(HttpStatusCode.Created, proposed.StatusCode);
        Assert.DoesNotContain(first.Materials, m => m.Code == "site-photos");
        Assert.Equal(Section(inForce, "requiredMaterials").AsArray().Select(m => m!["code"]!.GetValue<string>()), first.Materials.Select(m => m.Code));
        Assert.Contains(second.Materials, m => m.Code == "site-photos" && m.Required);
        Assert.Equal(HttpStatusCode.BadRequest, upload.StatusCode);
    }

    [ProviderFact]
    public async Task Proposing_and_applying_a_version_are_in_the_audit_log_with_the_admin()
    {
        await using var own = await OwnApp<TFactory>.StartAsync();
        var app = own.Factory;
        var admin = await app.ClientFor(Roles.Admin);
        var inForce = await InForceAsync(admin);
        var row = (await (await ProposeNoticeDaysAsync(admin, inForce, NoticeDays(inForce) + 2)).Content.ReadFromJsonAsync<PolicyVersionRow>(Json.Options))!;

        var applied = (await (await admin.PostAsJsonAsync($"/api/v1/policy/versions/{row.Id}/apply", new ApplyPolicyRequest { EffectiveFrom = BeijingToday(app) }))
            .Content.ReadFromJsonAsync<PolicyVersionRow>(Json.Options))!;

        var id = row.Id.ToString();
        var entries = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == nameof(PolicyPackRecord) && e.EntityId == id).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(["Insert", "Update"], entries.Select(e => e.Action).ToArray());
        Assert.All(entries, e => Assert.False(string.IsNullOrEmpty(e.UserId)));
        Assert.All(entries, e => Assert.Equal(row.ProposedBy, e.UserName));
        Assert.Equal(applied.AppliedBy, entries[1].UserName);
        Assert.Contains("AppliedAt", entries[1].After);
        Assert.Contains("EffectiveFrom", entries[1].After);
        Assert.All(entries, e => Assert.InRange(e.At, row.LoadedAt.AddMinutes(-1), applied.AppliedAt!.Value.AddMinutes(1)));
    }

    [ProviderFact]
    public async Task A_release_file_is_stored_only_when_its_content_differs_and_never_displaces_an_admins_edit()
    {
        var folder = Directory.CreateTempSubdirectory("innocenter-pack-");
        var file = Path.Combine(folder.FullName, "tianjin-2020.json");
        var release = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "policies", "tianjin-2020.json")),
            documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!;
        await File.WriteAllTextAsync(file, release.ToJsonString());
        try
        {
            await using var own = await OwnApp<TFactory>.StartAsync(f => f.Settings["Policy:File"] = file);
            var app = own.Factory;
            var admin = await app.ClientFor(Roles.Admin);
            var installed = await VersionsAsync(admin);

            // The same release started again: its content is stored already.
            await PolicyPackLoader.LoadAsync(app.Services);
            var afterSameFile = await VersionsAsync(admin);

            var inForce = await InForceAsync(admin);
            var edit = (await (await ProposeNoticeDaysAsync(admin, inForce, NoticeDays(inForce) + 3)).Content.ReadFromJsonAsync<PolicyVersionRow>(Json.Options))!;
            (await admin.PostAsJsonAsync($"/api/v1/policy/versions/{edit.Id}/apply", new ApplyPolicyRequest { EffectiveFrom = BeijingToday(app) })).EnsureSuccessStatusCode();

            // The next release changes a rule and carries the number the Admin's edit already took.
            release["applications"]!["stageDays"]!["Submitted"] = 11;
            release["version"] = edit.Version;
            await File.WriteAllTextAsync(file, release.ToJsonString());
            await PolicyPackLoader.LoadAsync(app.Services);
            var afterNewFile = await VersionsAsync(admin);
            await PolicyPackLoader.LoadAsync(app.Services);

            Assert.Equal(installed.Select(v => v.Id), afterSameFile.Select(v => v.Id));
            var stored = Assert.Single(afterNewFile, v => v.Code == edit.Code && v.Version > edit.Version);
            Assert.Equal(nameof(PolicySource.File), stored.Source);
            Assert.Equal(PolicyVersionState.Proposed, stored.State);
            Assert.Equal(edit.Id, (await InForceAsync(admin)).Version.Id);
            Assert.Equal(edit.Id, app.Services.GetRequiredService<PolicyProvider>().CurrentRecordId);
            Assert.Equal(afterNewFile.Count, (await VersionsAsync(admin)).Count);
            var json = JsonNode.Parse((await admin.GetFromJsonAsync<PolicyVersionDto>($"/api/v1/policy/versions/{stored.Id}", Json.Options))!.Json)!;
            Assert.Equal(11, json["applications"]!["stageDays"]!["Submitted"]!.GetValue<int>());
            Assert.Equal(stored.Version, json["version"]!.GetValue<int>());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<List<PolicyVersionRow>> VersionsAsync(HttpClient admin) =>
        (await admin.GetFromJsonAsync<List<PolicyVersionRow>>("/api/v1/policy/versions", Json.Options))!;

    private static async Task<PolicyVersionDto> InForceAsync(HttpClient admin) =>
        (await admin.GetFromJsonAsync<PolicyVersionDto>("/api/v1/policy", Json.Options))!;

    private static JsonNode Section(PolicyVersionDto pack, string name) => JsonNode.Parse(pack.Json)![name]!.DeepClone();

    private static int NoticeDays(PolicyVersionDto pack) => Section(pack, "applications")["noticeWorkingDays"]!.GetValue<int>();

    private static Task<HttpResponseMessage> ProposeNoticeDaysAsync(HttpClient admin, PolicyVersionDto inForce, int days)
    {
        var section = Section(inForce, "applications");
        section["noticeWorkingDays"] = days;
        return admin.PostAsJsonAsync("/api/v1/policy/versions", new ProposePolicyRequest
        {
            BaseVersion = inForce.Version.Version,
            Section = "applications",
            Json = section.ToJsonString(),
            Note = "公示期调整为 " + days + " 个工作日",
        });
    }
}

public sealed class SqlitePolicyVersionTests(SqliteAppFactory factory) : PolicyVersionTests<SqliteAppFactory>(factory);

[PostgresSuite]
public sealed class PostgresPolicyVersionTests(PostgresAppFactory factory) : PolicyVersionTests<PostgresAppFactory>(factory);
