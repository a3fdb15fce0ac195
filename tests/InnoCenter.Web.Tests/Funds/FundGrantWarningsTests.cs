using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InnoCenter.Web.Features.Funds;
using InnoCenter.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace InnoCenter.Web.Tests.Funds;

/// <summary>
/// The grant's page and API show its live warnings from the kept sums, in memory; the board's sweep computes them
/// set-based over all grants. Both answer the same, to the message, on every day — so this suite moves its own clock.
/// </summary>
public abstract class FundGrantWarningsTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    [ProviderFact]
    public async Task A_grant_shows_the_warnings_the_set_based_sweep_computes_as_the_days_pass()
    {
        // a: city money arrived alone (matching behind), the standards line at 95 % (near its limit), nothing spent since March (idle).
        var a = await factory.RunningGrantAsync();
        await (await a.ReleaseAsync(await a.PlanAsync(300_000m))).ReadAsync(HttpStatusCode.OK);
        await (await a.SpendAsync("standards", "2026-03-10", "95000")).ReadAsync(HttpStatusCode.OK);

        // b: matched in full, the standards line spent to the fen, a clawback open, little spent of what arrived.
        var b = await factory.RunningGrantAsync();
        await (await b.ReleaseAsync(await b.PlanAsync(700_000m))).ReadAsync(HttpStatusCode.OK);
        await (await b.ReceiveAsync("district", "400000")).ReadAsync(HttpStatusCode.OK);
        await (await b.SpendAsync("standards", "2026-11-20", "100000")).ReadAsync(HttpStatusCode.OK);
        await (await b.Second.PostAsJsonAsync($"/api/v1/funds/grants/{b.Id}/clawbacks", new ClawbackRequest(1_000.01m, "挪用于非项目支出"))).ReadAsync(HttpStatusCode.OK);

        var seen = new HashSet<string>();
        // Today; then two months before the end of the period (low execution); then past the carry-over limit.
        foreach (var days in new[] { 0, 330, 800 })
        {
            factory.Clock.Advance(TimeSpan.FromDays(days));
            foreach (var g in new[] { a, b })
            {
                var expected = await SetBasedAsync(g);
                var shown = (await g.Second.GrantAsync(g.Id)).GetProperty("warnings").EnumerateArray().Select(Line).ToList();
                Assert.Equal(expected, shown);
                seen.UnionWith(shown.Select(s => s.Split('|')[0]));
            }
        }

        Assert.Equal(["carry-over", "idle", "low-execution", "matching", "near-limit"], seen.Order(StringComparer.Ordinal));
    }

    private async Task<List<string>> SetBasedAsync(TestGrant g)
    {
        // The request's culture, for the texts and for the dates formatted into them, as the API reads in.
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        try
        {
            using var scope = factory.Services.CreateScope();
            var all = await scope.ServiceProvider.GetRequiredService<FundWarnings>().AllAsync(null, [g.Center.Id], CancellationToken.None);
            return all.Where(w => w.GrantId == g.Id).Select(w => Line(w.Kind, w.Subject, w.Figure, w.Message)).ToList();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUi);
        }
    }

    private static string Line(JsonElement w) => Line(
        w.GetProperty("kind").GetString()!, w.GetProperty("subject").GetString(),
        w.GetProperty("figure").ValueKind == JsonValueKind.Null ? null : w.GetProperty("figure").GetDecimal(), w.GetProperty("message").GetString()!);

    private static string Line(string kind, string? subject, decimal? figure, string message) =>
        $"{kind}|{subject}|{figure?.ToString("0.##", CultureInfo.InvariantCulture)}|{message}";
}

public sealed class SqliteFundGrantWarningsTests(SqliteAppFactory factory) : FundGrantWarningsTests<SqliteAppFactory>(factory);

[PostgresSuite]
public sealed class PostgresFundGrantWarningsTests(PostgresAppFactory factory) : FundGrantWarningsTests<PostgresAppFactory>(factory);
