using System.Net;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Tests.Infrastructure;
using MiniExcelLibs;

namespace InnoCenter.Web.Tests.Funds;

/// <summary>The expenditure and warning-board exports: the user's own rows, Chinese headers, amounts as numbers.</summary>
public abstract class FundsSheetExportTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    [ProviderFact]
    public async Task The_expenditure_export_lists_the_centers_own_entries_with_chinese_headers_and_amounts_as_numbers()
    {
        var mine = await factory.RunningGrantAsync();
        var theirs = await factory.RunningGrantAsync();
        await (await mine.SpendAsync("pilot-line", "2026-05-01", "1234.56")).ReadAsync(HttpStatusCode.OK);
        await (await theirs.SpendAsync("pilot-line", "2026-05-02", "999")).ReadAsync(HttpStatusCode.OK);

        var rows = await SheetAsync(mine.CenterUser, $"/api/v1/funds/expenditures/export?grantId={mine.Id}");
        var all = await SheetAsync(mine.CenterUser, "/api/v1/funds/expenditures/export");

        var row = Assert.Single(rows);
        Assert.Equal(1234.56d, Assert.IsType<double>(row["金额（元）"]));
        Assert.Equal("中试生产线及设备", row["支持方向"]);
        Assert.Equal("2026-05-01", row["支出日期"]);
        Assert.DoesNotContain(all, r => Equals(r["金额（元）"], 999d));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await factory.ClientFor(Roles.Expert)).GetAsync("/api/v1/funds/expenditures/export")).StatusCode);
    }

    [ProviderFact]
    public async Task The_warning_board_export_is_for_admins_and_carries_the_figure_as_a_number()
    {
        var g = await factory.RunningGrantAsync();
        await (await g.SpendAsync("standards", "2026-04-01", "96000")).ReadAsync(HttpStatusCode.OK);
        await factory.SweepWarningsAsync();

        var rows = await SheetAsync(g.Second, "/api/v1/funds/warnings/export?kind=near-limit");

        var title = (await g.Second.GrantAsync(g.Id)).GetProperty("title").GetString();
        var row = Assert.Single(rows, r => Equals(r["项目名称"], title));
        Assert.Equal(96d, Assert.IsType<double>(row["数值"]));
        Assert.Equal("接近预算上限", row["预警类型"]);
        Assert.Equal(HttpStatusCode.Forbidden, (await g.CenterUser.GetAsync("/api/v1/funds/warnings/export")).StatusCode);
    }

    private static async Task<List<IDictionary<string, object>>> SheetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
    }
}

public sealed class SqliteFundsSheetExportTests(SqliteAppFactory factory) : FundsSheetExportTests<SqliteAppFactory>(factory);

[PostgresSuite]
public sealed class PostgresFundsSheetExportTests(PostgresAppFactory factory) : FundsSheetExportTests<PostgresAppFactory>(factory);
