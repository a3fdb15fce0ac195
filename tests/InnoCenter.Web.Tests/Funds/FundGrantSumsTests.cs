using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InnoCenter.Domain.Funds;
using InnoCenter.Web.Features.Funds;
using InnoCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnoCenter.Web.Tests.Funds;

/// <summary>
/// A grant's figures are kept by the writes (<see cref="FundGrantSum"/>); after any mix of tranches, receipts,
/// expenditures, reversals, adjustments and clawbacks they equal a full recomputation from the entries, and what the
/// grant's API shows from them equals the sums taken from the entries now.
/// </summary>
public abstract class FundGrantSumsTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    [ProviderFact]
    public async Task Kept_grant_sums_equal_a_full_recomputation_after_a_random_mix_of_money_writes()
    {
        var random = new Random(20261208);
        var grants = new[] { await factory.RunningGrantAsync(), await factory.RunningGrantAsync() };
        var refused = 0;
        foreach (var g in grants)
        {
            await (await g.ReleaseAsync(await g.PlanAsync(300_000m), on: new DateOnly(2026, 2, 1))).ReadAsync(HttpStatusCode.OK);
            // The district's matching money in proportion first, or the second tranche is held (同比例到位).
            await (await g.ReceiveAsync("district", "200000", "2026-02-03")).ReadAsync(HttpStatusCode.OK);
            await (await g.ReleaseAsync(await g.PlanAsync(200_000m, on: new DateOnly(2026, 6, 1)), on: new DateOnly(2026, 6, 2))).ReadAsync(HttpStatusCode.OK);
            var spent = new List<Guid>();
            var clawbacks = new List<JsonElement>();
            for (var i = 0; i < 16; i++)
            {
                var on = $"2026-{1 + random.Next(11):00}-{1 + random.Next(28):00}";
                switch (random.Next(7))
                {
                    case 0:
                        await (await g.ReceiveAsync("district", $"{1 + random.Next(50_000)}.{random.Next(100):00}", on)).ReadAsync(HttpStatusCode.OK);
                        break;
                    case 1 or 2:
                        var e = await (await g.SpendAsync(random.Next(2) == 0 ? "pilot-line" : "standards", on, $"{1 + random.Next(9_000)}.{random.Next(100):00}")).ReadAsync(HttpStatusCode.OK);
                        spent.Add(e.GetProperty("id").GetGuid());
                        break;
                    case 3 when spent.Count > 0:
                        var which = spent[random.Next(spent.Count)];
                        spent.Remove(which);
                        await (await g.CenterUser.PostAsJsonAsync($"/api/v1/funds/grants/{g.Id}/expenditures/{which}/reverse", new ReversalRequest("金额录错"))).ReadAsync(HttpStatusCode.OK);
                        break;
                    case 4:
                        refused += await AdjustAsync(g, random) ? 0 : 1;
                        break;
                    case 5:
                        clawbacks.Add(await (await g.Second.PostAsJsonAsync($"/api/v1/funds/grants/{g.Id}/clawbacks", new ClawbackRequest(random.Next(1, 3_000), "挪用于非项目支出"))).ReadAsync(HttpStatusCode.OK));
                        break;
                    case 6 when clawbacks.Count > 0:
                        var settled = clawbacks[0];
                        clawbacks.RemoveAt(0);
                        await (await g.Second.PostAsJsonAsync(
                            $"/api/v1/funds/grants/{g.Id}/clawbacks/{settled.GetProperty("id").GetGuid()}/settle",
                            new GrantStepRequest(settled.GetProperty("version").GetInt32(), null))).ReadAsync(HttpStatusCode.OK);
                        break;
                }
            }

            await (await g.Second.PostAsJsonAsync($"/api/v1/funds/grants/{g.Id}/clawbacks", new ClawbackRequest(12.34m, "结余收回"))).ReadAsync(HttpStatusCode.OK);
        }

        var ids = grants.Select(g => g.Id).ToList();
        var kept = await factory.WithDbAsync(db => db.FundGrantSums.AsNoTracking().Where(s => ids.Contains(s.GrantId)).ToListAsync());
        var fresh = await factory.WithDbAsync(db => FundGrantSums.ComputeAsync(db, ids, CancellationToken.None));
        Assert.Contains(kept, s => s.Kind == FundGrantSum.Spent);
        Assert.Contains(kept, s => s.Kind == FundGrantSum.ClawedBack);
        Assert.Equal(Rows(fresh), Rows(kept));

        foreach (var g in grants)
        {
            // The sums the page reads from the kept rows are the sums a write takes from the entries, to the fen.
            var live = await factory.WithDbAsync(db => new FundFigures(db, TimeProvider.System).SumsAsync(g.Id, CancellationToken.None));
            Assert.Equal(Text(live), Text(FundFigures.FromKept(kept.Where(s => s.GrantId == g.Id).ToList())));

            var shown = await g.Second.GrantAsync(g.Id);
            var figures = shown.GetProperty("figures");
            Assert.Equal(live.ReceivedFen / 100m, figures.GetProperty("received").GetDecimal());
            Assert.Equal(live.SpentFen / 100m, figures.GetProperty("spent").GetDecimal());
            Assert.Equal((live.ReceivedFen - live.SpentFen - live.ClawedBackFen) / 100m, figures.GetProperty("balance").GetDecimal());
            foreach (var line in shown.GetProperty("lines").EnumerateArray())
            {
                Assert.Equal(live.SpentByLine.GetValueOrDefault(line.GetProperty("id").GetGuid()) / 100m, line.GetProperty("spent").GetDecimal());
            }
        }

        // The rebuild (rollup-rebuild, a pending marker) writes the same rows.
        await factory.WithDbAsync(db => FundGrantSums.RebuildAsync(db, CancellationToken.None));
        Assert.Equal(Rows(kept), Rows(await factory.WithDbAsync(db => db.FundGrantSums.AsNoTracking().Where(s => ids.Contains(s.GrantId)).ToListAsync())));
    }

    [ProviderFact]
    public async Task A_refused_write_leaves_the_kept_sums_as_they_were()
    {
        var g = await factory.RunningGrantAsync();
        await (await g.SpendAsync("standards", "2026-04-01", "1234.56")).ReadAsync(HttpStatusCode.OK);
        var before = Rows(await factory.WithDbAsync(db => db.FundGrantSums.AsNoTracking().Where(s => s.GrantId == g.Id).ToListAsync()));

        await (await g.SpendAsync("standards", "2026-04-01", "100000")).ReadAsync(HttpStatusCode.BadRequest);

        Assert.Contains($"{g.Id} spent", string.Join("\n", before));
        Assert.Equal(before, Rows(await factory.WithDbAsync(db => db.FundGrantSums.AsNoTracking().Where(s => s.GrantId == g.Id).ToListAsync())));
    }

    /// <summary>调剂 of a small random amount between the two lines, asked by one Admin and decided by the other; false when refused (a line below what it spent).</summary>
    private static async Task<bool> AdjustAsync(TestGrant g, Random random)
    {
        var grant = await g.Second.GrantAsync(g.Id);
        var lines = grant.GetProperty("lines").EnumerateArray().ToDictionary(l => l.GetProperty("category").GetString()!, l => l.GetProperty("id").GetGuid());
        var (from, to) = random.Next(2) == 0 ? (lines["pilot-line"], lines["standards"]) : (lines["standards"], lines["pilot-line"]);
        var asked = await (await g.Drafter.PostAsJsonAsync($"/api/v1/funds/grants/{g.Id}/adjustments",
            new AdjustmentRequest(from, to, random.Next(1, 20_000), "任务调整", grant.GetProperty("version").GetInt32()))).ReadAsync(HttpStatusCode.OK);
        var change = asked.GetProperty("changes").EnumerateArray().Last().GetProperty("id").GetGuid();
        var decided = await g.Second.PostAsJsonAsync($"/api/v1/funds/grants/{g.Id}/changes/{change}/decision", new ChangeDecisionRequest(true, "同意", asked.GetProperty("version").GetInt32()));
        Assert.True(decided.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, await decided.Content.ReadAsStringAsync());
        if (decided.StatusCode == HttpStatusCode.OK)
        {
            return true;
        }

        // Refused (the line would fall below what it spent): turned down, so no change stays pending.
        await (await g.Second.PostAsJsonAsync($"/api/v1/funds/grants/{g.Id}/changes/{change}/decision", new ChangeDecisionRequest(false, "不同意", asked.GetProperty("version").GetInt32()))).ReadAsync(HttpStatusCode.OK);
        return false;
    }

    private static List<string> Rows(IEnumerable<FundGrantSum> rows) =>
        rows.Select(s => $"{s.GrantId} {s.Kind} {s.Code} {s.Value}").Order(StringComparer.Ordinal).ToList();

    private static string Text(FundFigures.Sums s) => string.Join(
        "; ",
        string.Join(",", s.SpentByLine.OrderBy(x => x.Key).Select(x => $"{x.Key}={x.Value}")),
        string.Join(",", s.PlannedBySource.OrderBy(x => x.Key, StringComparer.Ordinal).Select(x => $"{x.Key}={x.Value}")),
        string.Join(",", s.ReceivedBySource.OrderBy(x => x.Key, StringComparer.Ordinal).Select(x => $"{x.Key}={x.Value}")),
        s.ClawedBackFen, s.OpenClawback, s.SpentFen, s.ReceivedFen,
        s.LastSpentOn?.ToString("O", CultureInfo.InvariantCulture), s.FirstReceivedOn?.ToString("O", CultureInfo.InvariantCulture));
}

public sealed class SqliteFundGrantSumsTests(SqliteAppFactory factory) : FundGrantSumsTests<SqliteAppFactory>(factory);

[PostgresSuite]
public sealed class PostgresFundGrantSumsTests(PostgresAppFactory factory) : FundGrantSumsTests<PostgresAppFactory>(factory);
