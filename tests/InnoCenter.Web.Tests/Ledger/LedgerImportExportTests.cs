using System.Net;
using System.Net.Http.Json;
using InnoCenter.Web.Features.Ledger;
using InnoCenter.Web.Infrastructure.Web;
using InnoCenter.Web.Tests.Centers;
using InnoCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace InnoCenter.Web.Tests.Ledger;

/// <summary>Excel in and out: imports are all-or-nothing with every bad row named; exports carry what imports read.</summary>
public abstract class LedgerImportExportTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    [ProviderFact]
    public async Task An_ip_import_with_bad_rows_writes_nothing_and_names_each_row_then_the_corrected_file_imports_whole()
    {
        var c = await factory.CreateCenterAsync();
        var user = await factory.CenterUserAsync(c, "en-US");
        var existing = LedgerTestData.Ip(c);
        await user.CreateAsync("ip", existing);
        var good1 = LedgerTestData.NewPatentNumber(c.LastYear);
        var good2 = LedgerTestData.NewPatentNumber(c.LastYear);
        var badCheck = good2[..^1] + (good2[^1] == '1' ? '2' : '1');
        var shares = $"{c.Lead.CreditCode}:70; {c.University.CreditCode}:30";
        var rows = new List<Dictionary<string, object>>
        {
            Row("发明专利申请", good1, "第一项", "2025-03-01".Replace("2025", c.LastYear.ToString()), shares),
            Row("发明专利申请", badCheck, "校验位错", $"{c.LastYear}-03-02", shares),
            Row("Invention application", good1, "文件内重复", $"{c.LastYear}-03-03", shares),
            Row("发明专利申请", existing.Number!, "库中已有", $"{c.LastYear}-03-04", shares),
            Row("发明专利申请", good2, "份额不足", $"{c.LastYear}-03-05", $"{c.Lead.CreditCode}:70"),
            Row("不存在的类型", good2, "类型错", "2025/13/40", shares),
        };

        var refused = await user.UploadAsync($"/api/v1/ledger/ip/import?centerId={c.Id}", Xlsx(rows), "ip.xlsx");
        var report = await refused.Content.ReadFromJsonAsync<ImportReport>(Json.Options);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(6, report!.Rows);
        Assert.Equal(0, report.Imported);
        Assert.Equal([3, 4, 5, 6, 7], report.Errors.Select(e => e.Row).Distinct().Order());
        Assert.Contains(report.Errors, e => e.Row == 3 && e.Message.Contains("check digit"));
        Assert.Contains(report.Errors, e => e.Row == 4 && e.Message.Contains(good1));
        Assert.Contains(report.Errors, e => e.Row == 6 && e.Message.Contains("70 %"));
        Assert.Contains(report.Errors, e => e.Row == 7 && e.Column == "Filed or registered on");
        Assert.Equal(1, await factory.WithDbAsync(db => db.LedgerIp.CountAsync(x => x.CenterId == c.Id)));

        var corrected = new List<Dictionary<string, object>>
        {
            rows[0],
            Row("发明专利申请", good2, "改正后", $"{c.LastYear}-03-05", shares),
        };
        var accepted = await user.UploadAsync($"/api/v1/ledger/ip/import?centerId={c.Id}", Xlsx(corrected), "ip.xlsx");

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(2, (await accepted.Content.ReadFromJsonAsync<ImportReport>(Json.Options))!.Imported);
        Assert.Equal(3, await factory.WithDbAsync(db => db.LedgerIp.CountAsync(x => x.CenterId == c.Id)));
    }

    [ProviderFact]
    public async Task A_file_that_is_not_a_workbook_or_is_for_another_center_is_refused()
    {
        var c = await factory.CreateCenterAsync();
        var other = await factory.CreateCenterAsync();
        var user = await factory.CenterUserAsync(c, "en-US");

        var garbage = await user.UploadAsync($"/api/v1/ledger/training/import?centerId={c.Id}", "hello"u8.ToArray(), "t.xlsx");
        var empty = await user.UploadAsync($"/api/v1/ledger/training/import?centerId={c.Id}", Xlsx([new Dictionary<string, object> { ["培训名称"] = "" }]), "t.xlsx");
        var foreign = await user.UploadAsync($"/api/v1/ledger/training/import?centerId={other.Id}",
            Xlsx([new Dictionary<string, object> { ["培训名称"] = "x", ["培训日期"] = $"{c.LastYear}-01-05", ["培训人次"] = 3 }]), "t.xlsx");

        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
        Assert.Contains("cannot be read", await garbage.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal(0, await factory.WithDbAsync(db => db.LedgerTraining.CountAsync(x => x.CenterId == other.Id)));
    }

    [ProviderFact]
    public async Task An_export_reads_back_as_an_import_of_another_year()
    {
        var c = await factory.CreateCenterAsync();
        var user = await factory.CenterUserAsync(c);
        foreach (var kind in new[] { "training", "intl", "sme", "talent", "standards" })
        {
            await user.CreateAsync(kind, await LedgerTestData.ValidRequestAsync(kind, c, user));
        }

        foreach (var kind in new[] { "training", "intl", "sme", "talent", "standards" })
        {
            var export = await user.GetAsync($"/api/v1/ledger/{kind}/export?centerId={c.Id}");
            Assert.Equal(ExcelExport.ContentType, export.Content.Headers.ContentType?.MediaType);
            await using var stream = new MemoryStream(await export.Content.ReadAsByteArrayAsync());
            var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
            Assert.Single(rows);
            var listed = (await user.GetFromJsonAsync<PagedResult<LedgerItem>>($"/api/v1/ledger/{kind}?centerId={c.Id}", Json.Options))!.Items[0];
            Assert.Equal(listed.CenterName, rows[0]["创新中心"]);

            // Move the exported row to the year before and import it again: it reads back as a valid record.
            var row = rows[0].ToDictionary(kv => kv.Key, kv => kv.Value switch
            {
                string s => s.Replace($"{c.LastYear}-", $"{c.LastYear - 1}-"),
                DateTime d => d.AddYears(-1),
                _ => kv.Value,
            });
            if (row.ContainsKey("年度"))
            {
                row["年度"] = c.LastYear - 1;
            }

            var again = await user.UploadAsync($"/api/v1/ledger/{kind}/import?centerId={c.Id}", Xlsx([row!]), "again.xlsx");
            Assert.True(again.StatusCode == HttpStatusCode.OK, $"{kind}: {await again.Content.ReadAsStringAsync()}");
        }
    }

    [ProviderFact]
    public async Task The_template_lists_the_columns_in_the_users_language()
    {
        var c = await factory.CreateCenterAsync();
        var user = await factory.CenterUserAsync(c);

        var template = await user.GetAsync("/api/v1/ledger/deals/template");

        await using var stream = new MemoryStream(await template.Content.ReadAsByteArrayAsync());
        // Required columns are marked with a star, which the import ignores.
        var first = (IDictionary<string, object>)stream.Query(useHeaderRow: false).First();
        var headers = first.Values.Select(h => h?.ToString()?.TrimEnd('*', ' ')).ToList();
        Assert.Contains("合同金额（元）", headers);
        Assert.Contains("涉及知识产权", headers);
        Assert.DoesNotContain("已到账金额（元）", headers);
    }

    private static Dictionary<string, object> Row(string kind, string number, string title, string filed, string shares) => new()
    {
        ["知识产权类型"] = kind,
        ["申请号/登记号"] = number,
        ["名称"] = title,
        ["申请日/登记日"] = filed,
        ["共有人及份额"] = shares,
        ["备注（忽略）"] = "多余的列不影响导入",
    };

    private static byte[] Xlsx(IEnumerable<IDictionary<string, object>> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows);
        return stream.ToArray();
    }
}

public sealed class SqliteLedgerImportExportTests(SqliteAppFactory factory) : LedgerImportExportTests<SqliteAppFactory>(factory);

[PostgresSuite]
public sealed class PostgresLedgerImportExportTests(PostgresAppFactory factory) : LedgerImportExportTests<PostgresAppFactory>(factory);
