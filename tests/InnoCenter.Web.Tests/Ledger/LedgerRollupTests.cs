using System.Data.Common;
using System.Net.Http.Json;
using InnoCenter.Web.Data;
using InnoCenter.Web.Features.Centers;
using InnoCenter.Web.Features.Ledger;
using InnoCenter.Web.Infrastructure.Policy;
using InnoCenter.Web.Infrastructure.Web;
using InnoCenter.Web.Tests.Centers;
using InnoCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace InnoCenter.Web.Tests.Ledger;

/// <summary>The yearly roll-up the assessment reads: right figures per key, and a fixed number of queries for all centers.</summary>
public abstract class LedgerRollupTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    [ProviderFact]
    public async Task The_roll_up_counts_and_sums_each_kind_of_the_year_and_nothing_of_other_years()
    {
        var c = await factory.CreateCenterAsync();
        var user = await factory.CenterUserAsync(c);
        var y = c.LastYear;
        var hebei = await c.Admin.CreateOrganizationAsync(TestData.Organization(region: "Hebei"));
        await user.PostAsJsonAsync($"/api/v1/centers/{c.Id}/members/changes", new MembershipChangeRequest
        {
            EffectiveOn = new DateOnly(y, 2, 1),
            Steps = [new MembershipStepRequest { Action = "Join", CreditCode = hebei.CreditCode }],
        });
        foreach (var kind in LedgerTestData.Kinds)
        {
            await user.CreateAsync(kind, await LedgerTestData.ValidRequestAsync(kind, c, user));
        }

        // A granted invention filed the year before counts as a grant this year, not as an application.
        var granted = LedgerTestData.Ip(c) with { Kind = "InventionGrant", FilingDate = new DateOnly(y - 1, 6, 1), GrantDate = new DateOnly(y, 4, 1) };
        await user.CreateAsync("ip", granted);
        await user.CreateAsync("ip", LedgerTestData.Ip(c) with { Kind = "Pct", Number = $"PCT/CN{y}/{Random.Shared.Next(100000, 999999)}" });
        await user.CreateAsync("sme", new SmeRequest { CenterId = c.Id, EnterpriseName = "同一家企业", ServiceKind = "consulting", ServedOn = new DateOnly(y, 3, 1) });
        await user.CreateAsync("sme", new SmeRequest { CenterId = c.Id, EnterpriseName = "同一家企业", ServiceKind = "testing", ServedOn = new DateOnly(y, 4, 1) });
        await user.CreateAsync("talent", new TalentRequest { CenterId = c.Id, Year = y, Category = "doctorate", Headcount = 9 });
        await user.CreateAsync("intl", new IntlRequest { CenterId = c.Id, Title = "技术引进", Partner = "Siemens", Country = "DE", CooperationKind = "TechnologyIntroduction", StartedOn = new DateOnly(y, 3, 1) });
        await user.CreateAsync("training", new TrainingRequest { CenterId = c.Id, Title = "上一年的培训", HeldOn = new DateOnly(y - 1, 3, 1), PersonTimes = 1000 });
        var deals = await user.GetFromJsonAsync<PagedResult<LedgerItem>>($"/api/v1/ledger/deals?centerId={c.Id}", Json.Options);
        await user.PostAsJsonAsync($"/api/v1/ledger/deals/{deals!.Items[0].Id}/receipts", new ReceiptRequest { ReceivedOn = new DateOnly(y, 10, 1), Amount = 123_456.78m });

        var r = await user.GetFromJsonAsync<Dictionary<string, decimal>>($"/api/v1/ledger/rollup?centerId={c.Id}&year={y}", Json.Options);

        Assert.Equal(LedgerRollup.Keys.Order(), r!.Keys.Order());
        Assert.Equal(2, r["ip.invention_applications"]);
        Assert.Equal(1, r["ip.invention_grants"]);
        Assert.Equal(1, r["ip.pct_applications"]);
        Assert.Equal(1, r["projects.total"]);
        Assert.Equal(1, r["projects.common_key_breakthroughs"]);
        Assert.Equal(1, r["transfer.deals"]);
        Assert.Equal(50m, r["transfer.contract_value_wan"]);
        Assert.Equal(12.345678m, r["transfer.revenue_wan"]);
        Assert.Equal(1, r["transfer.sme_deals"]);
        Assert.Equal(1, r["transfer.first_commercial"]);
        Assert.Equal(1, r["incubated.enterprises"]);
        Assert.Equal(2, r["sme.served"]);
        Assert.Equal(1, r["standards.group"]);
        Assert.Equal(0, r["standards.national"]);
        Assert.Equal(120, r["staff.total"]);
        Assert.Equal(80, r["staff.rd"]);
        Assert.Equal(2, r["talent.high_level"]);
        Assert.Equal(150, r["training.person_times"]);
        Assert.Equal(2, r["intl.projects"]);
        Assert.Equal(1, r["intl.joint_labs"]);
        Assert.Equal(1, r["intl.introductions"]);
        Assert.Equal(4, r["members.total"]);
        Assert.Equal(2, r["members.cross_region"]);

        var before = await user.GetFromJsonAsync<Dictionary<string, decimal>>($"/api/v1/ledger/rollup?centerId={c.Id}&year={y - 1}", Json.Options);
        Assert.Equal(1000, before!["training.person_times"]);
        Assert.Equal(0, before["ip.invention_grants"]);
        Assert.Equal(1, before["ip.invention_applications"]);
        Assert.Equal(3, before["members.total"]);
    }

    [ProviderFact]
    public async Task The_roll_up_of_all_centers_is_paged_by_name_and_each_entry_equals_the_centers_own()
    {
        var c = await factory.CreateCenterAsync();
        var user = await factory.CenterUserAsync(c);
        await user.CreateAsync("ip", LedgerTestData.Ip(c));
        await user.CreateAsync("training", await LedgerTestData.ValidRequestAsync("training", c, user));
        var year = c.LastYear;
        var own = await c.Admin.GetFromJsonAsync<Dictionary<string, decimal>>($"/api/v1/ledger/rollup?centerId={c.Id}&year={year}", Json.Options);

        var seen = new List<CenterYearRollup>();
        PagedResult<CenterYearRollup>? page = null;
        for (var p = 1; page is null || p <= page.PageCount; p++)
        {
            page = await c.Admin.GetFromJsonAsync<PagedResult<CenterYearRollup>>($"/api/v1/ledger/rollup/{year}?page={p}&pageSize=7", Json.Options);
            Assert.True(page!.Items.Count <= 7);
            seen.AddRange(page.Items);
        }

        var centers = await factory.WithDbAsync(db => db.Centers.CountAsync());
        Assert.Equal(centers, page.Total);
        Assert.Equal(centers, seen.Select(r => r.CenterId).Distinct().Count());
        Assert.Equal(seen.Select(r => r.CenterName).Order(StringComparer.Ordinal), seen.Select(r => r.CenterName));
        var mine = Assert.Single(seen, r => r.CenterId == c.Id);
        Assert.Equal(own!.OrderBy(kv => kv.Key), mine.Figures.OrderBy(kv => kv.Key));
        Assert.Equal(1, mine.Figures["ip.invention_applications"]);
    }

    [ProviderFact]
    public async Task All_centers_of_a_year_come_from_the_same_number_of_queries_however_many_centers_there_are()
    {
        var first = await factory.CreateCenterAsync();
        var user = await factory.CenterUserAsync(first);
        await user.CreateAsync("ip", LedgerTestData.Ip(first));
        var year = first.LastYear;

        var (few, fewCommands) = await CountQueriesAsync(r => r.ForYearAsync(year, CancellationToken.None));
        for (var i = 0; i < 3; i++)
        {
            var more = await factory.CreateCenterAsync();
            var moreUser = await factory.CenterUserAsync(more);
            await moreUser.CreateAsync("ip", LedgerTestData.Ip(more));
            await moreUser.CreateAsync("training", await LedgerTestData.ValidRequestAsync("training", more, moreUser));
        }

        var (many, manyCommands) = await CountQueriesAsync(r => r.ForYearAsync(year, CancellationToken.None));
        var single = await factory.WithDbAsync(db => new LedgerRollup(db, factory.Services.GetRequiredService<PolicyProvider>()).ForCenterYearAsync(first.Id, year, CancellationToken.None));

        Assert.Equal(fewCommands, manyCommands);
        Assert.True(manyCommands <= 16, $"{manyCommands} queries");
        Assert.True(many.Count >= few.Count + 3);
        Assert.Equal(1, many[first.Id]["ip.invention_applications"]);
        Assert.Equal(single.OrderBy(kv => kv.Key), many[first.Id].OrderBy(kv => kv.Key));
    }

    /// <summary>Runs the roll-up on a context of the app's own provider that counts the commands it sends.</summary>
    private async Task<(T Result, int Commands)> CountQueriesAsync<T>(Func<LedgerRollup, Task<T>> work)
    {
        var counter = new CommandCounter();
        using var scope = factory.Services.CreateScope();
        var db = CommandCounter.ContextLike(scope.ServiceProvider.GetRequiredService<AppDbContext>(), counter);
        await using (db)
        {
            var result = await work(new LedgerRollup(db, scope.ServiceProvider.GetRequiredService<PolicyProvider>()));
            return (result, counter.Count);
        }
    }
}

public sealed class SqliteLedgerRollupTests(SqliteAppFactory factory) : LedgerRollupTests<SqliteAppFactory>(factory);

[PostgresSuite]
public sealed class PostgresLedgerRollupTests(PostgresAppFactory factory) : LedgerRollupTests<PostgresAppFactory>(factory);
