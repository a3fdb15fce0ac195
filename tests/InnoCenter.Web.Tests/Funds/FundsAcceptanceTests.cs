using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InnoCenter.Web.Features.Funds;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Tests.Centers;
using InnoCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Tests.Funds;

/// <summary>验收 through the API: self-evaluation by the center, verdicts by an Admin, on both providers.</summary>
public abstract class FundsAcceptanceTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    [ProviderFact]
    public async Task The_center_reports_and_submits_its_self_evaluation_and_the_admin_verdict_accepts_the_grant()
    {
        var g = await factory.RunningGrantAsync();
        var asked = await (await Step(g.Second, g.Id, "request", (await Evaluation(g.Second, g.Id)).GetProperty("version").GetInt32())).ReadAsync(HttpStatusCode.OK);
        Assert.NotEqual(JsonValueKind.Null, asked.GetProperty("requestedAt").ValueKind);
        Assert.True(await factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.Link == $"/Funds/Details/{g.Id}" && n.TitleEn.StartsWith("Please submit the performance self-evaluation"))));

        var target = asked.GetProperty("targets")[0].GetProperty("id").GetGuid();
        var reported = await (await Report(g.CenterUser, g.Id, target, "4", asked.GetProperty("version").GetInt32(), FundsTestData.Pdf)).ReadAsync(HttpStatusCode.OK);
        Assert.Equal(4m, reported.GetProperty("targets")[0].GetProperty("actualValue").GetDecimal());
        Assert.Equal(1, reported.GetProperty("targets")[0].GetProperty("evidence").GetArrayLength());

        var submitted = await (await Step(g.CenterUser, g.Id, "submit", reported.GetProperty("version").GetInt32())).ReadAsync(HttpStatusCode.OK);
        Assert.NotEqual(JsonValueKind.Null, submitted.GetProperty("submittedAt").ValueKind);
        Assert.True(await factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.Link == $"/Funds/Details/{g.Id}" && n.TitleEn.Contains("awaits the verdict"))));

        var verdict = new VerdictRequest("passed", "各项绩效目标均已完成", [new TargetVerdict(target, "passed")], submitted.GetProperty("version").GetInt32());
        var decided = await (await g.Drafter.PostAsJsonAsync($"/api/v1/funds/grants/{g.Id}/evaluation/verdict", verdict)).ReadAsync(HttpStatusCode.OK);

        Assert.Equal("Accepted", decided.GetProperty("status").GetString());
        Assert.Equal("passed", decided.GetProperty("verdict").GetString());
        Assert.Equal("passed", decided.GetProperty("targets")[0].GetProperty("verdict").GetString());
        var accepted = await g.Second.GrantAsync(g.Id);
        Assert.Equal("Accepted", accepted.GetProperty("status").GetString());

        // Published, the acceptance result is public with the verdict's own words (资金安排及验收结果公开).
        var title = accepted.GetProperty("title").GetString()!;
        await (await g.Second.PostAsJsonAsync($"/api/v1/funds/grants/{g.Id}/publish", new GrantStepRequest(accepted.GetProperty("version").GetInt32(), null)))
            .ReadAsync(HttpStatusCode.OK);
        var zh = await factory.AnonymousClient().GetStringAsync("/Portal/Funds");
        var en = await factory.AnonymousClient("en-US").GetStringAsync("/Portal/Funds");
        Assert.Contains("已验收（通过）", RowOf(zh, title));
        Assert.Contains("Accepted: Passed", RowOf(en, title));
    }

    private static string RowOf(string html, string title)
    {
        var at = html.IndexOf(title, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{title}' is not on the page");
        return html[at..html.IndexOf("</tr>", at, StringComparison.Ordinal)];
    }

    [ProviderFact]
    public async Task Submitting_without_a_value_and_evidence_names_what_is_missing_and_changes_nothing()
    {
        var g = await factory.RunningGrantAsync();
        var before = await Evaluation(g.CenterUser, g.Id);

        var refused = await (await Step(g.CenterUser, g.Id, "submit", before.GetProperty("version").GetInt32())).ReadAsync(HttpStatusCode.BadRequest);

        var codes = refused.GetProperty("codes").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.Contains("funds.evaluation_value_missing", codes);
        Assert.Contains("funds.evaluation_evidence_missing", codes);
        Assert.Equal(JsonValueKind.Null, (await Evaluation(g.CenterUser, g.Id)).GetProperty("submittedAt").ValueKind);
    }

    [ProviderFact]
    public async Task Evidence_of_the_wrong_type_is_refused_and_nothing_is_written()
    {
        var g = await factory.RunningGrantAsync();
        var before = await Evaluation(g.CenterUser, g.Id);
        var target = before.GetProperty("targets")[0].GetProperty("id").GetGuid();

        await (await Report(g.CenterUser, g.Id, target, "4", before.GetProperty("version").GetInt32(), "MZ\u0090\u0000not a document"u8.ToArray(), "tool.exe"))
            .ReadAsync(HttpStatusCode.BadRequest);

        var after = await Evaluation(g.CenterUser, g.Id);
        Assert.Equal(JsonValueKind.Null, after.GetProperty("targets")[0].GetProperty("actualValue").ValueKind);
        Assert.Equal(before.GetProperty("version").GetInt32(), after.GetProperty("version").GetInt32());
    }

    [ProviderFact]
    public async Task Only_the_centers_own_staff_report_and_an_admin_cannot_judge_before_the_submission()
    {
        var g = await factory.RunningGrantAsync();
        var e = await Evaluation(g.Second, g.Id);
        var target = e.GetProperty("targets")[0].GetProperty("id").GetGuid();
        var stranger = await factory.CenterUserAsync(await factory.CreateCenterAsync());

        await (await Report(stranger, g.Id, target, "4", e.GetProperty("version").GetInt32(), FundsTestData.Pdf)).ReadAsync(HttpStatusCode.NotFound);
        await (await Report(g.Second, g.Id, target, "4", e.GetProperty("version").GetInt32(), FundsTestData.Pdf)).ReadAsync(HttpStatusCode.Forbidden);
        var early = new VerdictRequest("passed", "提前验收", [new TargetVerdict(target, "passed")], e.GetProperty("version").GetInt32());
        await (await g.Second.PostAsJsonAsync($"/api/v1/funds/grants/{g.Id}/evaluation/verdict", early)).ReadAsync(HttpStatusCode.Conflict);
        Assert.Equal("InExecution", (await g.Second.GrantAsync(g.Id)).GetProperty("status").GetString());
    }

    [ProviderFact]
    public async Task A_submitted_self_evaluation_satisfies_the_final_tranche_rule()
    {
        var g = await factory.RunningGrantAsync();
        var last = await g.PlanAsync(100_000m, isFinal: true);
        await (await g.ReleaseAsync(last)).ReadAsync(HttpStatusCode.Conflict);
        var e = await Evaluation(g.CenterUser, g.Id);
        var target = e.GetProperty("targets")[0].GetProperty("id").GetGuid();
        var reported = await (await Report(g.CenterUser, g.Id, target, "3", e.GetProperty("version").GetInt32(), FundsTestData.Pdf)).ReadAsync(HttpStatusCode.OK);
        await (await Step(g.CenterUser, g.Id, "submit", reported.GetProperty("version").GetInt32())).ReadAsync(HttpStatusCode.OK);

        var tranche = (await g.Second.GrantAsync(g.Id)).GetProperty("tranches")[0];
        await (await g.ReleaseAsync(tranche)).ReadAsync(HttpStatusCode.OK);
    }

    [ProviderFact]
    public async Task A_verdict_outside_the_packs_list_is_refused_with_the_field_named()
    {
        var g = await factory.RunningGrantAsync();
        var e = await Evaluation(g.CenterUser, g.Id);
        var target = e.GetProperty("targets")[0].GetProperty("id").GetGuid();
        var reported = await (await Report(g.CenterUser, g.Id, target, "3", e.GetProperty("version").GetInt32(), FundsTestData.Pdf)).ReadAsync(HttpStatusCode.OK);
        var submitted = await (await Step(g.CenterUser, g.Id, "submit", reported.GetProperty("version").GetInt32())).ReadAsync(HttpStatusCode.OK);

        var bad = new VerdictRequest("excellent", "理由", [], submitted.GetProperty("version").GetInt32());
        var refused = await (await g.Second.PostAsJsonAsync($"/api/v1/funds/grants/{g.Id}/evaluation/verdict", bad)).ReadAsync(HttpStatusCode.BadRequest);

        Assert.True(refused.GetProperty("errors").TryGetProperty("verdict", out _));
        Assert.True(refused.GetProperty("errors").TryGetProperty("targets[0].verdict", out _));
        Assert.Equal("InExecution", (await g.Second.GrantAsync(g.Id)).GetProperty("status").GetString());
    }

    private static async Task<JsonElement> Evaluation(HttpClient client, Guid id) =>
        await (await client.GetAsync($"/api/v1/funds/grants/{id}/evaluation")).ReadAsync(HttpStatusCode.OK);

    private static Task<HttpResponseMessage> Step(HttpClient client, Guid id, string step, int version) =>
        client.PostAsJsonAsync($"/api/v1/funds/grants/{id}/evaluation/{step}", new GrantStepRequest(version, null));

    private static Task<HttpResponseMessage> Report(HttpClient client, Guid id, Guid target, string actual, int version, byte[] file, string name = "report.pdf") =>
        client.PostAsync(
            $"/api/v1/funds/grants/{id}/evaluation/targets/{target}",
            FundsTestData.Fields(("actualValue", actual), ("comment", "已完成"), ("version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                .File("evidence", file, name));
}

public sealed class SqliteFundsAcceptanceTests(SqliteAppFactory factory) : FundsAcceptanceTests<SqliteAppFactory>(factory);

[PostgresSuite]
public sealed class PostgresFundsAcceptanceTests(PostgresAppFactory factory) : FundsAcceptanceTests<PostgresAppFactory>(factory);
