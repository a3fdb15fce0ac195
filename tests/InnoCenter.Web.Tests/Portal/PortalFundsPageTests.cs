using System.Net;
using System.Net.Http.Json;
using InnoCenter.Web.Features.Funds;
using InnoCenter.Web.Tests.Funds;
using InnoCenter.Web.Tests.Infrastructure;

namespace InnoCenter.Web.Tests.Portal;

/// <summary>The home page's links to the published fund allocations and the open resource catalogue; run once per provider.</summary>
public abstract class PortalFundsPageTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    [ProviderFact]
    public async Task The_home_page_links_the_published_allocations_and_the_open_resource_catalogue_in_both_languages()
    {
        var zh = await factory.AnonymousClient().GetStringAsync("/");
        var en = await factory.AnonymousClient("en-US").GetStringAsync("/");

        Assert.Contains("href=\"/Portal/Funds\"", zh);
        Assert.Contains("href=\"/Resources/Public\"", zh);
        Assert.Contains("专项资金安排公开", zh);
        Assert.Contains("Published fund allocations", en);
        Assert.Equal(HttpStatusCode.OK, (await factory.AnonymousClient().GetAsync("/Resources/Public")).StatusCode);
    }

    [ProviderFact]
    public async Task The_public_allocations_page_lists_a_published_grant_to_anyone_and_never_an_unpublished_one()
    {
        var published = await factory.RunningGrantAsync();
        var unpublished = await factory.RunningGrantAsync();
        var version = (await published.Second.GrantAsync(published.Id)).GetProperty("version").GetInt32();
        await (await published.Second.PostAsJsonAsync($"/api/v1/funds/grants/{published.Id}/publish", new GrantStepRequest(version, null))).ReadAsync(HttpStatusCode.OK);
        var titles = await factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.FundGrants.Where(g => g.Id == published.Id || g.Id == unpublished.Id).Select(g => new { g.Id, g.Title })));

        var zh = await factory.AnonymousClient().GetStringAsync("/Portal/Funds?page=1");
        var en = await factory.AnonymousClient("en-US").GetAsync("/Portal/Funds");

        Assert.Contains(titles.Single(t => t.Id == published.Id).Title, zh);
        Assert.Contains("1,100,000.00", zh);
        Assert.Contains("市级专项资金", zh);
        Assert.Equal(HttpStatusCode.OK, en.StatusCode);
        Assert.Contains("Published fund allocations", await en.Content.ReadAsStringAsync());
        Assert.DoesNotContain(titles.Single(t => t.Id == unpublished.Id).Title, zh);
    }
}

public sealed class SqlitePortalFundsPageTests(SqliteAppFactory factory) : PortalFundsPageTests<SqliteAppFactory>(factory);

[PostgresSuite]
public sealed class PostgresPortalFundsPageTests(PostgresAppFactory factory) : PortalFundsPageTests<PostgresAppFactory>(factory);
