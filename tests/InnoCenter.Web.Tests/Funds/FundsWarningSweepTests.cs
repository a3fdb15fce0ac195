using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InnoCenter.Web.Features.Funds;
using InnoCenter.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace InnoCenter.Web.Tests.Funds;

/// <summary>The daily sweep keeps the warning board: stored once, resolved when it no longer holds, the follow-up kept.</summary>
public abstract class FundsWarningSweepTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    [ProviderFact]
    public async Task A_sweep_stores_a_warning_once_an_admin_notes_a_follow_up_and_the_next_sweep_resolves_it_when_it_no_longer_holds()
    {
        var g = await factory.RunningGrantAsync();
        var spent = await (await g.SpendAsync("standards", "2026-04-01", "95000")).ReadAsync(HttpStatusCode.OK);

        await factory.SweepWarningsAsync();
        await factory.SweepWarningsAsync();

        var mine = await MineAsync(g, "?kind=near-limit");
        var warning = Assert.Single(mine);
        Assert.Equal(95m, warning.GetProperty("figure").GetDecimal());
        Assert.Contains("95", warning.GetProperty("message").GetString());
        var id = warning.GetProperty("id").GetGuid();
        var version = warning.GetProperty("version").GetInt32();
        await (await g.Second.PostAsJsonAsync($"/api/v1/funds/warnings/{id}/follow-up", new FollowUpRequest(" ", version))).ReadAsync(HttpStatusCode.BadRequest);
        await (await g.Second.PostAsJsonAsync($"/api/v1/funds/warnings/{id}/follow-up", new FollowUpRequest("已约谈中心财务负责人", version))).ReadAsync(HttpStatusCode.OK);
        await (await g.Drafter.PostAsJsonAsync($"/api/v1/funds/warnings/{id}/follow-up", new FollowUpRequest("重复记录", version))).ReadAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.Forbidden, (await g.CenterUser.PostAsJsonAsync($"/api/v1/funds/warnings/{id}/follow-up", new FollowUpRequest("x", version))).StatusCode);

        await (await g.CenterUser.PostAsJsonAsync($"/api/v1/funds/grants/{g.Id}/expenditures/{spent.GetProperty("id").GetGuid()}/reverse", new ReversalRequest("发票作废"))).ReadAsync(HttpStatusCode.OK);
        await factory.SweepWarningsAsync();

        Assert.Empty(await MineAsync(g, "?kind=near-limit"));
        var resolved = Assert.Single(await MineAsync(g, "?kind=near-limit&resolved=true"));
        Assert.Equal("已约谈中心财务负责人", resolved.GetProperty("followUp").GetString());
        Assert.NotEqual(JsonValueKind.Null, resolved.GetProperty("resolvedAt").ValueKind);
    }

    [ProviderFact]
    public async Task The_stored_board_speaks_the_readers_language()
    {
        var g = await factory.RunningGrantAsync();
        await (await g.SpendAsync("standards", "2026-04-01", "99000")).ReadAsync(HttpStatusCode.OK);
        await factory.SweepWarningsAsync();

        var english = await factory.ClientFor(InnoCenter.Web.Infrastructure.Auth.Roles.Admin, culture: "en-US");
        var page = await english.GetStringAsync("/Funds/Warnings?kind=near-limit");

        Assert.Contains($"/Funds/Details/{g.Id}", page);
        Assert.Contains("Standard setting", page);
    }

    private static async Task<List<JsonElement>> MineAsync(TestGrant g, string query)
    {
        var board = await (await g.Second.GetAsync("/api/v1/funds/warnings" + query + "&pageSize=200")).ReadAsync(HttpStatusCode.OK);
        return board.GetProperty("items").EnumerateArray().Where(w => w.GetProperty("grantId").GetGuid() == g.Id).ToList();
    }
}

public sealed class SqliteFundsWarningSweepTests(SqliteAppFactory factory) : FundsWarningSweepTests<SqliteAppFactory>(factory);

[PostgresSuite]
public sealed class PostgresFundsWarningSweepTests(PostgresAppFactory factory) : FundsWarningSweepTests<PostgresAppFactory>(factory);
