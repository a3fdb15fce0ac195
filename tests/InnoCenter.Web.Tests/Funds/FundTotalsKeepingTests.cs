using System.Net;
using System.Net.Http.Json;
using InnoCenter.Domain.Funds;
using InnoCenter.Web.Features.Funds;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Tests.Funds;

/// <summary>The funds dashboard's yearly totals are kept by the writes; after any mix of writes they equal a fresh sum of the entries.</summary>
public abstract class FundTotalsKeepingTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    [ProviderFact]
    public async Task Kept_totals_equal_a_full_recomputation_after_random_tranches_receipts_expenditures_and_reversals()
    {
        var grants = new[] { await factory.RunningGrantAsync(), await factory.RunningGrantAsync() };
        var random = new Random(20261207);
        var spent = new List<(TestGrant Grant, Guid Id)>();
        foreach (var g in grants)
        {
            await (await g.ReleaseAsync(await g.PlanAsync(300_000m), on: new DateOnly(2026, 2, 1))).ReadAsync(HttpStatusCode.OK);
            await (await g.ReceiveAsync("district", "300000", "2026-02-03")).ReadAsync(HttpStatusCode.OK);
            await (await g.ReleaseAsync(await g.PlanAsync(200_000m, on: new DateOnly(2027, 2, 1)), on: new DateOnly(2027, 2, 2))).ReadAsync(HttpStatusCode.OK);
            for (var i = 0; i < 6; i++)
            {
                var year = 2026 + random.Next(2);
                var on = $"{year}-{1 + random.Next(12):00}-{1 + random.Next(28):00}";
                if (random.Next(3) == 0)
                {
                    await (await g.ReceiveAsync("district", $"{1 + random.Next(5000)}.{random.Next(100):00}", on)).ReadAsync(HttpStatusCode.OK);
                    continue;
                }

                var e = await (await g.SpendAsync(random.Next(2) == 0 ? "pilot-line" : "standards", on, $"{1 + random.Next(9000)}.{random.Next(100):00}")).ReadAsync(HttpStatusCode.OK);
                spent.Add((g, e.GetProperty("id").GetGuid()));
            }
        }

        foreach (var (g, id) in spent.Where(_ => random.Next(3) == 0))
        {
            await (await g.CenterUser.PostAsJsonAsync($"/api/v1/funds/grants/{g.Id}/expenditures/{id}/reverse", new ReversalRequest("金额录错"))).ReadAsync(HttpStatusCode.OK);
        }

        var kept = await factory.WithDbAsync(db => db.FundYearTotals.AsNoTracking().ToListAsync());
        var fresh = new List<FundYearTotal>();
        foreach (var year in new[] { 2026, 2027 })
        {
            fresh.AddRange(await factory.WithDbAsync(db => FundYearTotals.ComputeYearAsync(db, year, CancellationToken.None)));
        }

        Assert.Contains(kept, t => t.Kind == FundYearTotal.Spent);
        Assert.Equal(Rows(fresh), Rows(kept));

        // The dashboard reads the kept rows: its 2026 city receipts are the two grants' 2026 tranches, to the fen.
        var dashboard = await (await (await factory.ClientFor(Roles.Admin)).GetAsync("/api/v1/funds/dashboard")).ReadAsync(HttpStatusCode.OK);
        var i2026 = dashboard.GetProperty("years").EnumerateArray().Select(y => y.GetInt32()).ToList().IndexOf(2026);
        var city = dashboard.GetProperty("receivedBySource").EnumerateArray().Single(s => s.GetProperty("code").GetString() == "city");
        Assert.Equal(fresh.Single(t => t.Year == 2026 && t.Kind == FundYearTotal.Received && t.Code == "city").Fen / 100m, city.GetProperty("values")[i2026].GetDecimal());
    }

    [ProviderFact]
    public async Task A_rebuild_from_the_entries_gives_the_same_totals_the_writes_kept()
    {
        var g = await factory.RunningGrantAsync();
        await (await g.ReleaseAsync(await g.PlanAsync(100_000m))).ReadAsync(HttpStatusCode.OK);
        await (await g.SpendAsync("standards", "2026-05-06", "1234.56")).ReadAsync(HttpStatusCode.OK);
        var kept = Rows(await factory.WithDbAsync(db => db.FundYearTotals.AsNoTracking().ToListAsync()));

        var rows = await factory.WithDbAsync(db => FundYearTotals.RebuildAsync(db, CancellationToken.None));

        Assert.Equal(kept.Count, rows);
        Assert.Equal(kept, Rows(await factory.WithDbAsync(db => db.FundYearTotals.AsNoTracking().ToListAsync())));
    }

    private static List<string> Rows(IEnumerable<FundYearTotal> rows) =>
        rows.Select(t => $"{t.Year} {t.Kind} {t.Code} {t.Fen}").Order(StringComparer.Ordinal).ToList();
}

public sealed class SqliteFundTotalsKeepingTests(SqliteAppFactory factory) : FundTotalsKeepingTests<SqliteAppFactory>(factory);

[PostgresSuite]
public sealed class PostgresFundTotalsKeepingTests(PostgresAppFactory factory) : FundTotalsKeepingTests<PostgresAppFactory>(factory);
