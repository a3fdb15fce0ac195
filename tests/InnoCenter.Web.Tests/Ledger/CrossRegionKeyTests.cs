using InnoCenter.Domain.Assessment;
using InnoCenter.Web.Data.Migrations;
using InnoCenter.Web.Features.Applications;
using InnoCenter.Web.Tests.Applications;
using InnoCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Tests.Ledger;

/// <summary>
/// The cross-region members' figure has a name no city is in (members.cross_region): rows stored under the former,
/// Tianjin-only name are carried by the upgrade's statements, on both providers, and shown with the neutral label.
/// </summary>
public abstract class CrossRegionKeyTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    [ProviderFact]
    public async Task An_indicator_stored_under_the_former_key_is_carried_to_the_neutral_one_and_labelled_without_a_city()
    {
        var flow = await ApplicationFlow.StartAsync(factory);
        var request = flow.CompleteRequest() with { Indicators = [new IndicatorRequest("京冀成员单位", "家", 2, 3, 4, LedgerRollupKeys.MembersCrossRegion)] };
        var id = await flow.CreateDraftAsync(request);
        // As a release before the rename stored it.
        await factory.WithDbAsync(db => db.Database.ExecuteSqlAsync(
            $"UPDATE \"ApplicationIndicators\" SET \"Figure\" = {LedgerRollupKeys.LegacyMembersBeijingHebei} WHERE \"ApplicationId\" = {id}"));

        await factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(CrossRegionKeyRename.Sql()));

        var indicator = Assert.Single((await flow.ReadAsync(id)).Indicators);
        Assert.Equal("members.cross_region", indicator.Figure);
        Assert.Equal("跨区域成员单位（家）", factory.Text("zh-CN", "ledger.rollup." + indicator.Figure));
        Assert.Equal("Cross-region members", factory.Text("en-US", "ledger.rollup." + indicator.Figure));
    }
}

public sealed class SqliteCrossRegionKeyTests(SqliteAppFactory factory) : CrossRegionKeyTests<SqliteAppFactory>(factory);

[PostgresSuite]
public sealed class PostgresCrossRegionKeyTests(PostgresAppFactory factory) : CrossRegionKeyTests<PostgresAppFactory>(factory);
