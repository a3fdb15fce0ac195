using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
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

namespace InnoCenter.Web.Tests.Office;

/// <summary>
/// Imports cannot exhaust the server (a zip bomb, a giant cell, too many rows are refused by the cap they pass, before
/// the reader runs) and bad cells are row errors, never a 500.
/// </summary>
public abstract class ImportSafetyTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    [ProviderFact]
    public async Task A_ledger_import_whose_shared_string_expands_to_200_MiB_is_refused_by_the_size_cap_and_stores_nothing()
    {
        var c = await factory.CreateCenterAsync();
        var user = await factory.CenterUserAsync(c, "en-US");
        var bomb = Bomb(200L * 1024 * 1024);
        Assert.True(bomb.Length < AppFactory.MaxUploadBytes, $"the bomb is {bomb.Length} bytes");

        var response = await user.UploadAsync($"/api/v1/ledger/training/import?centerId={c.Id}", bomb, "bomb.xlsx");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        // Only the package check gives this code: MiniExcel never saw the file, so the string was never built.
        Assert.Contains("import.part_too_large", Codes(problem));
        Assert.Contains("32 MB", problem.GetProperty("detail").GetString());
        Assert.Equal(0, await factory.WithDbAsync(db => db.LedgerTraining.CountAsync(x => x.CenterId == c.Id)));
    }

    [ProviderFact]
    public async Task An_expert_import_bomb_is_refused_by_the_size_cap_and_stores_nothing()
    {
        var admin = await factory.ClientFor(Roles.Admin);
        var before = await factory.WithDbAsync(db => db.Experts.CountAsync());

        var response = await admin.PostAsync("/api/v1/experts/import", File(Bomb(200L * 1024 * 1024)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("import.part_too_large", Codes(await response.Content.ReadFromJsonAsync<JsonElement>()));
        Assert.Equal(before, await factory.WithDbAsync(db => db.Experts.CountAsync()));
    }

    [ProviderFact]
    public async Task A_cell_longer_than_the_cap_is_refused_naming_the_cap()
    {
        var c = await factory.CreateCenterAsync();
        var user = await factory.CenterUserAsync(c, "en-US");
        var sheet = Xlsx([new Dictionary<string, object?> { ["培训名称"] = new string('长', 40_000), ["培训日期"] = $"{c.LastYear}-01-05", ["培训人次"] = 3 }]);

        var response = await user.UploadAsync($"/api/v1/ledger/training/import?centerId={c.Id}", sheet, "long.xlsx");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("import.cell_too_long", Codes(problem));
        Assert.Contains("32767", problem.GetProperty("detail").GetString());
        Assert.Equal(0, await factory.WithDbAsync(db => db.LedgerTraining.CountAsync(x => x.CenterId == c.Id)));
    }

    [ProviderFact]
    public async Task More_rows_than_the_pack_allows_are_refused_before_they_are_read()
    {
        var c = await factory.CreateCenterAsync();
        var user = await factory.CenterUserAsync(c, "en-US");
        var max = factory.Services.GetRequiredService<PolicyProvider>().Current.Ledger.MaxImportRows;
        var rows = Enumerable.Range(0, max + 1)
            .Select(i => new Dictionary<string, object?> { ["培训名称"] = $"培训{i}", ["培训日期"] = $"{c.LastYear}-01-05", ["培训人次"] = 3 });

        var response = await user.UploadAsync($"/api/v1/ledger/training/import?centerId={c.Id}", Xlsx(rows), "many.xlsx");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("import.too_many_rows", Codes(problem));
        Assert.Contains(max.ToString(), problem.GetProperty("detail").GetString());
        Assert.Equal(0, await factory.WithDbAsync(db => db.LedgerTraining.CountAsync(x => x.CenterId == c.Id)));
    }

    [ProviderFact]
    public async Task A_numeric_cell_of_1E300_in_a_money_column_is_a_row_error_naming_the_field()
    {
        var c = await factory.CreateCenterAsync();
        var user = await factory.CenterUserAsync(c, "en-US");
        var sheet = Xlsx([new Dictionary<string, object?>
        {
            ["转化方式"] = "技术服务",
            ["转化项目"] = "超大金额",
            ["受让/合作单位"] = c.Lead.CreditCode,
            ["合同金额（元）"] = 1E+300,
            ["签订日期"] = $"{c.LastYear}-03-01",
        }]);

        var response = await user.UploadAsync($"/api/v1/ledger/deals/import?centerId={c.Id}", sheet, "huge.xlsx");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<ImportReport>(Json.Options);
        Assert.Contains(report!.Errors, e => e.Row == 2 && e.Column == "Contract value (yuan)");
        Assert.Equal(0, await factory.WithDbAsync(db => db.LedgerDeals.CountAsync(x => x.CenterId == c.Id)));
    }

    [ProviderFact]
    public async Task An_integer_cell_beyond_range_is_a_row_error_naming_the_field()
    {
        var c = await factory.CreateCenterAsync();
        var user = await factory.CenterUserAsync(c, "en-US");
        var sheet = Xlsx([new Dictionary<string, object?> { ["培训名称"] = "超大人次", ["培训日期"] = $"{c.LastYear}-01-05", ["培训人次"] = 1E+300 }]);

        var response = await user.UploadAsync($"/api/v1/ledger/training/import?centerId={c.Id}", sheet, "huge.xlsx");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<ImportReport>(Json.Options);
        Assert.Contains(report!.Errors, e => e.Row == 2 && e.Message.Contains("1E+300"));
    }

    [ProviderFact]
    public async Task An_expert_date_cell_of_9999999_is_a_row_error_naming_the_column()
    {
        var admin = await factory.ClientFor(Roles.Admin);
        var marker = "日期" + Guid.NewGuid().ToString("N")[..6];
        var row = new Dictionary<string, object?>
        {
            ["姓名"] = marker,
            ["职称"] = "教授",
            ["工作单位统一社会信用代码"] = TestData.NewCreditCode(),
            ["工作单位"] = "导入测试单位",
            ["入职日期"] = 9999999d,
            ["专家领域"] = "技术",
            ["在库状态"] = "是",
        };

        var response = await admin.PostAsync("/api/v1/experts/import", File(Xlsx([row])));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("rowErrors").EnumerateArray().ToList();
        Assert.Contains(errors, e => e.GetProperty("row").GetInt32() == 2 && e.GetProperty("column").GetString() == "入职日期");
        Assert.Equal(0, await factory.WithDbAsync(db => db.Experts.CountAsync(e => e.Name == marker)));
    }

    private static string[] Codes(JsonElement problem) =>
        problem.GetProperty("codes").EnumerateArray().Select(e => e.GetString()!).ToArray();

    /// <summary>A well-formed workbook whose one shared string is <paramref name="chars"/> letters: tiny zipped, huge unzipped.</summary>
    internal static byte[] Bomb(long chars)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, string xml)
            {
                using var w = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Optimal).Open(), new UTF8Encoding(false));
                w.Write(xml);
            }

            Add("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>""");
            Add("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Add("xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Add("xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>""");
            Add("xl/worksheets/sheet1.xml", """<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>培训名称</t></is></c></row><row r="2"><c r="A2" t="s"><v>0</v></c></row></sheetData></worksheet>""");
            using var strings = new StreamWriter(zip.CreateEntry("xl/sharedStrings.xml", CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false));
            strings.Write("""<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>""");
            var chunk = new string('A', 1024 * 1024);
            for (var written = 0L; written < chars; written += chunk.Length)
            {
                strings.Write(chunk);
            }

            strings.Write("</t></si></sst>");
        }

        return output.ToArray();
    }

    internal static byte[] Xlsx(IEnumerable<IDictionary<string, object?>> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows);
        return stream.ToArray();
    }

    private static MultipartFormDataContent File(byte[] bytes)
    {
        var content = new MultipartFormDataContent();
        content.Add(new ByteArrayContent(bytes), "file", "experts.xlsx");
        return content;
    }
}

public sealed class SqliteImportSafetyTests(SqliteAppFactory factory) : ImportSafetyTests<SqliteAppFactory>(factory);

[PostgresSuite]
public sealed class PostgresImportSafetyTests(PostgresAppFactory factory) : ImportSafetyTests<PostgresAppFactory>(factory);
