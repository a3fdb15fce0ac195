using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Policy;
using InnoCenter.Web.Infrastructure.Web;
using InnoCenter.Web.Tests.Centers;
using InnoCenter.Web.Tests.Infrastructure;
using InnoCenter.Web.Tests.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace InnoCenter.Web.Tests.Funds;

/// <summary>支出批量导入: all or nothing, every row under the single expenditure's rules, run once per database provider.</summary>
public abstract class FundsImportTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    [ProviderFact]
    public async Task A_good_file_imports_every_row_and_vouchers_are_attached_afterwards()
    {
        var g = await factory.RunningGrantAsync();
        var sheet = Xlsx([
            Row("中试生产线及设备", new DateTime(2026, 4, 1), "天津某设备有限公司", 120_000.5, "设备首付款"),
            Row("pilot-line", "2026-05-10", "天津某安装公司", "30000", null),
        ]);

        var response = await g.CenterUser.UploadAsync($"/api/v1/funds/grants/{g.Id}/expenditures/import", sheet, "支出.xlsx");

        var report = await response.ReadAsync(HttpStatusCode.OK);
        Assert.Equal(2, report.GetProperty("imported").GetInt32());
        var grant = await g.CenterUser.GrantAsync(g.Id);
        Assert.Equal(150_000.5m, grant.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("category").GetString() == "pilot-line").GetProperty("spent").GetDecimal());
        var list = await (await g.CenterUser.GetAsync($"/api/v1/funds/expenditures?grantId={g.Id}")).ReadAsync(HttpStatusCode.OK);
        var first = list.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("payee").GetString() == "天津某设备有限公司");
        Assert.Equal(0, first.GetProperty("vouchers").GetArrayLength());

        var attached = await g.CenterUser.PostAsync($"/api/v1/funds/grants/{g.Id}/expenditures/{first.GetProperty("id").GetGuid()}/vouchers",
            FundsTestData.Fields().File("vouchers", FundsTestData.Pdf, "invoice.pdf").File("vouchers", FundsTestData.Pdf, "contract.pdf"));

        Assert.Equal(2, (await attached.ReadAsync(HttpStatusCode.OK)).GetArrayLength());
        var after = await (await g.CenterUser.GetAsync($"/api/v1/funds/expenditures?grantId={g.Id}")).ReadAsync(HttpStatusCode.OK);
        Assert.Equal(2, after.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("payee").GetString() == "天津某设备有限公司").GetProperty("vouchers").GetArrayLength());
    }

    [ProviderFact]
    public async Task Bad_rows_are_named_by_row_and_column_in_the_users_language_and_nothing_is_written()
    {
        var g = await factory.RunningGrantAsync();
        var english = await factory.CenterUserAsync(g.Center, "en-US");
        var sheet = Xlsx([
            Row("pilot-line", "2026-04-01", "Good Payee Ltd", 1000, null, english: true),
            Row("pilot-line", "2025-12-31", "Early Payee Ltd", 1000, null, english: true),
            Row("pilot-line", "2026-04-02", "Sub Fen Ltd", "12.345", null, english: true),
            Row("no-such-line", "2026-04-03", "Lost Ltd", 1000, null, english: true),
            Row("standards", "2026-04-04", null, 1000, null, english: true),
            Row("standards", "not a date", "Odd Ltd", -5, null, english: true),
        ]);

        var response = await english.UploadAsync($"/api/v1/funds/grants/{g.Id}/expenditures/import", sheet, "bad.xlsx");

        var report = await response.ReadAsync(HttpStatusCode.BadRequest);
        var errors = report.GetProperty("errors").EnumerateArray()
            .Select(e => (Row: e.GetProperty("row").GetInt32(), Column: e.GetProperty("column").GetString(), Message: e.GetProperty("message").GetString()!)).ToList();
        Assert.DoesNotContain(errors, e => e.Row == 2);
        Assert.Contains(errors, e => e is { Row: 3, Column: "Date" } && e.Message.Contains("2026-01-01"));
        Assert.Contains(errors, e => e is { Row: 4, Column: "Amount (yuan)" });
        Assert.Contains(errors, e => e is { Row: 5, Column: "Category" } && e.Message.Contains("no-such-line"));
        Assert.Contains(errors, e => e is { Row: 6, Column: "Payee" });
        Assert.Contains(errors, e => e is { Row: 7, Column: "Date" } && e.Message.Contains("not a date"));
        Assert.Contains(errors, e => e is { Row: 7, Column: "Amount (yuan)" });
        Assert.Equal(0, await factory.WithDbAsync(db => db.FundExpenditures.CountAsync(e => e.GrantId == g.Id)));
    }

    [ProviderFact]
    public async Task Rows_that_together_overspend_a_line_are_refused_though_each_alone_would_fit()
    {
        var g = await factory.RunningGrantAsync();
        await (await g.SpendAsync("standards", "2026-03-01", "30000")).ReadAsync(HttpStatusCode.OK);
        var sheet = Xlsx([
            Row("standards", "2026-04-01", "甲标准咨询公司", 40_000, null),
            Row("standards", "2026-04-02", "乙标准咨询公司", 40_000, null),
        ]);

        var response = await g.CenterUser.UploadAsync($"/api/v1/funds/grants/{g.Id}/expenditures/import", sheet, "over.xlsx");

        var report = await response.ReadAsync(HttpStatusCode.BadRequest);
        var error = Assert.Single(report.GetProperty("errors").EnumerateArray());
        Assert.Equal(3, error.GetProperty("row").GetInt32());
        Assert.Equal("金额（元）", error.GetProperty("column").GetString());
        Assert.Contains("30000", error.GetProperty("message").GetString()!.Replace(",", string.Empty));
        Assert.Equal(1, await factory.WithDbAsync(db => db.FundExpenditures.CountAsync(e => e.GrantId == g.Id)));
    }

    [ProviderFact]
    public async Task A_file_past_the_packs_row_cap_is_refused_before_it_is_read()
    {
        var g = await factory.RunningGrantAsync();
        var max = factory.Services.GetRequiredService<PolicyProvider>().Current.Ledger.MaxImportRows;
        var sheet = Xlsx(Enumerable.Range(0, max + 1).Select(i => Row("standards", "2026-04-01", $"收款方{i}", 1, null)));

        var response = await g.CenterUser.UploadAsync($"/api/v1/funds/grants/{g.Id}/expenditures/import", sheet, "many.xlsx");

        var problem = await response.ReadAsync(HttpStatusCode.BadRequest);
        Assert.Contains("import.too_many_rows", problem.GetProperty("codes").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(0, await factory.WithDbAsync(db => db.FundExpenditures.CountAsync(e => e.GrantId == g.Id)));
    }

    [ProviderFact]
    public async Task Only_the_centers_own_staff_import_and_the_template_carries_the_headers()
    {
        var g = await factory.RunningGrantAsync();
        var sheet = Xlsx([Row("standards", "2026-04-01", "某公司", 100, null)]);
        var stranger = await factory.CenterUserAsync(await factory.CreateCenterAsync());

        await (await stranger.UploadAsync($"/api/v1/funds/grants/{g.Id}/expenditures/import", sheet, "x.xlsx")).ReadAsync(HttpStatusCode.NotFound);
        await (await g.Second.UploadAsync($"/api/v1/funds/grants/{g.Id}/expenditures/import", sheet, "x.xlsx")).ReadAsync(HttpStatusCode.Forbidden);
        Assert.Equal(0, await factory.WithDbAsync(db => db.FundExpenditures.CountAsync(e => e.GrantId == g.Id)));

        var template = await g.CenterUser.GetAsync($"/api/v1/funds/grants/{g.Id}/expenditures/template");
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        await using var stream = new MemoryStream(await template.Content.ReadAsByteArrayAsync());
        var headers = ((IDictionary<string, object>)stream.Query(useHeaderRow: false).First()).Values.Select(h => h?.ToString()?.TrimEnd('*', ' ')).ToList();
        Assert.Equal(["支持方向", "支出日期", "收款方", "金额（元）", "用途"], headers);
    }

    [ProviderFact]
    public async Task The_import_page_lists_the_refused_rows_in_place()
    {
        var g = await factory.RunningGrantAsync();
        var path = $"/Funds/Import/{g.Id}";
        var page = await g.CenterUser.GetStringAsync(path);
        Assert.Contains("补传凭证", page);
        var token = await g.CenterUser.AntiforgeryTokenAsync(path);
        var form = FundsTestData.Fields(("__RequestVerificationToken", token))
            .File("file", Xlsx([Row("standards", "2030-01-01", "某公司", 100, null)]), "bad.xlsx");

        var response = await g.CenterUser.PostAsync(path, form);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("未导入任何支出", html);
        Assert.Contains("支出日期", html);
        Assert.Equal(0, await factory.WithDbAsync(db => db.FundExpenditures.CountAsync(e => e.GrantId == g.Id)));
    }

    private static Dictionary<string, object?> Row(string category, object spentOn, string? payee, object amount, string? purpose, bool english = false) => english
        ? new() { ["Category"] = category, ["Date *"] = spentOn, ["Payee"] = payee, ["Amount (yuan)"] = amount, ["Purpose"] = purpose }
        : new() { ["支持方向 *"] = category, ["支出日期"] = spentOn, ["收款方"] = payee, ["金额（元） *"] = amount, ["用途"] = purpose };

    private static byte[] Xlsx(IEnumerable<IDictionary<string, object?>> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows);
        return stream.ToArray();
    }
}

public sealed class SqliteFundsImportTests(SqliteAppFactory factory) : FundsImportTests<SqliteAppFactory>(factory);

[PostgresSuite]
public sealed class PostgresFundsImportTests(PostgresAppFactory factory) : FundsImportTests<PostgresAppFactory>(factory);
