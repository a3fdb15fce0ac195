using System.Net;
using System.Text.RegularExpressions;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Tests.Infrastructure;

namespace InnoCenter.Web.Tests.Funds;

/// <summary>The funds dashboard: figures summed by the database, a page in both languages, for Admins only.</summary>
public sealed partial class FundsDashboardTests(SqliteAppFactory factory) : IClassFixture<SqliteAppFactory>
{
    [Fact]
    public async Task The_dashboard_counts_received_money_by_source_and_renders_in_both_languages_for_admins_only()
    {
        var g = await factory.RunningGrantAsync();
        var before = await ReceivedAsync(g.Second, "city");
        await (await g.ReleaseAsync(await g.PlanAsync(123_000m), on: new DateOnly(2026, 3, 2))).ReadAsync(HttpStatusCode.OK);

        Assert.Equal(before + 123_000m, await ReceivedAsync(g.Second, "city"));
        foreach (var culture in new[] { "zh-CN", "en-US" })
        {
            var html = await (await factory.ClientFor(Roles.Admin, culture: culture)).GetStringAsync("/Funds/Dashboard");
            Assert.Contains(culture == "zh-CN" ? "资金看板" : "Funds dashboard", html);
            Assert.Contains("funds-dashboard-data", html);
            Assert.False(MissingKey().IsMatch(html), MissingKey().Match(html).Value);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await g.CenterUser.GetAsync("/api/v1/funds/dashboard")).StatusCode);
    }

    private static async Task<decimal> ReceivedAsync(HttpClient admin, string source)
    {
        var d = await (await admin.GetAsync("/api/v1/funds/dashboard")).ReadAsync(HttpStatusCode.OK);
        var i = d.GetProperty("years").EnumerateArray().Select(y => y.GetInt32()).ToList().IndexOf(2026);
        var series = d.GetProperty("receivedBySource").EnumerateArray().FirstOrDefault(s => s.GetProperty("code").GetString() == source);
        return series.ValueKind == System.Text.Json.JsonValueKind.Undefined ? 0m : series.GetProperty("values")[i].GetDecimal();
    }

    [GeneratedRegex(@"\bfunds\.[a-z_]+(\.[A-Za-z_-]+)*\b(?![/\w-])")]
    private static partial Regex MissingKey();
}
