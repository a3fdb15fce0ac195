using System.Net;
using System.Net.Http.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using InnoCenter.Web.Infrastructure.Web;
using InnoCenter.Web.Tests.Centers;
using InnoCenter.Web.Tests.Infrastructure;
using InnoCenter.Web.Tests.Ledger;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Tests.Office;

/// <summary>Workbooks as a person opens them: widths, a header even when empty, date cells, dropdowns; and imports that report every mistake and never register a deal twice.</summary>
public abstract class OfficeFileTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    [ProviderFact]
    public async Task An_empty_export_still_has_its_header_row_and_sets_column_widths()
    {
        var c = await factory.CreateCenterAsync();
        var user = await factory.CenterUserAsync(c);

        var bytes = await (await user.GetAsync($"/api/v1/ledger/deals/export?centerId={c.Id}")).Content.ReadAsByteArrayAsync();

        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var sheet = FirstSheet(doc);
        var rows = sheet.Descendants<Row>().ToList();
        var header = Assert.Single(rows);
        var headers = header.Elements<Cell>().Select(Text).ToList();
        Assert.Contains("合同编号", headers);
        Assert.Contains("受让/合作单位", headers);
        var columns = sheet.Descendants<Column>().ToList();
        Assert.Equal(headers.Count, columns.Count);
        Assert.All(columns, col => Assert.True(col.CustomWidth?.Value == true && col.Width!.Value >= 8));
        var counterparty = headers.IndexOf("受让/合作单位");
        Assert.True(columns[counterparty].Width!.Value >= 14, $"width {columns[counterparty].Width!.Value}");
    }

    [ProviderFact]
    public async Task Dates_are_date_cells_with_a_date_format_and_money_is_a_number()
    {
        var c = await factory.CreateCenterAsync();
        var user = await factory.CenterUserAsync(c);
        var ip = LedgerTestData.Ip(c);
        await user.CreateAsync("ip", ip);
        var request = LedgerTestData.Deal(c, c.University.CreditCode, ip.Number!);
        await user.CreateAsync("deals", request);

        var bytes = await (await user.GetAsync($"/api/v1/ledger/deals/export?centerId={c.Id}")).Content.ReadAsByteArrayAsync();

        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var sheet = FirstSheet(doc);
        var rows = sheet.Descendants<Row>().ToList();
        Assert.Equal(2, rows.Count);
        var headers = rows[0].Elements<Cell>().Select(Text).ToList();
        var signed = Cell(rows[1], headers.IndexOf("签订日期"));
        Assert.Null(signed.DataType);
        Assert.Equal(request.SignedOn!.Value, DateOnly.FromDateTime(DateTime.FromOADate(double.Parse(signed.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture))));
        var format = (CellFormat)doc.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.ElementAt((int)signed.StyleIndex!.Value);
        var code = doc.WorkbookPart.WorkbookStylesPart.Stylesheet.NumberingFormats!.Elements<NumberingFormat>()
            .Single(n => n.NumberFormatId!.Value == format.NumberFormatId!.Value).FormatCode!.Value;
        Assert.Equal("yyyy-mm-dd", code);
        var value = Cell(rows[1], headers.IndexOf("合同金额（元）"));
        Assert.Null(value.DataType);
        Assert.Equal(500_000m, decimal.Parse(value.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture));
    }

    [ProviderFact]
    public async Task The_ip_template_offers_the_ip_kinds_in_a_dropdown()
    {
        var c = await factory.CreateCenterAsync();
        var user = await factory.CenterUserAsync(c);

        var bytes = await (await user.GetAsync("/api/v1/ledger/ip/template")).Content.ReadAsByteArrayAsync();

        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var sheet = FirstSheet(doc);
        var headers = sheet.Descendants<Row>().First().Elements<Cell>().Select(Text).ToList();
        var kindColumn = XlsxWriter.ColumnName(headers.FindIndex(h => h.StartsWith("知识产权类型", StringComparison.Ordinal)));
        var validation = Assert.Single(sheet.Descendants<DataValidation>(), v => (v.SequenceOfReferences!.InnerText ?? string.Empty).StartsWith(kindColumn + "2", StringComparison.Ordinal));
        Assert.Equal(DataValidationValues.List, validation.Type!.Value);
        var formula = validation.Formula1!.Text;
        var listSheetName = formula[1..formula.IndexOf('\'', 1)];
        var listSheet = doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == listSheetName);
        Assert.Equal(SheetStateValues.Hidden, listSheet.State!.Value);
        var choices = ((WorksheetPart)doc.WorkbookPart.GetPartById(listSheet.Id!)).Worksheet.Descendants<Cell>().Select(Text).ToList();
        Assert.Contains("发明专利申请", choices);
    }

    [ProviderFact]
    public async Task Reimporting_a_deals_export_does_not_register_the_same_deal_again()
    {
        var c = await factory.CreateCenterAsync();
        var user = await factory.CenterUserAsync(c, "en-US");
        var ip = LedgerTestData.Ip(c);
        await user.CreateAsync("ip", ip);
        var request = LedgerTestData.Deal(c, c.University.CreditCode, ip.Number!);
        await user.CreateAsync("deals", request);
        var export = await (await user.GetAsync($"/api/v1/ledger/deals/export?centerId={c.Id}")).Content.ReadAsByteArrayAsync();

        var again = await user.UploadAsync($"/api/v1/ledger/deals/import?centerId={c.Id}", export, "deals.xlsx");

        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        var report = await again.Content.ReadFromJsonAsync<ImportReport>(Json.Options);
        Assert.Contains(report!.Errors, e => e.Row == 2 && e.Column == "Contract number" && e.Message.Contains(request.ContractNumber!));
        Assert.Equal(1, await factory.WithDbAsync(db => db.LedgerDeals.CountAsync(x => x.CenterId == c.Id)));

        var twice = await user.PostJsonAsync("/api/v1/ledger/deals", request with { Title = "同一合同再登记" });
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Equal(1, await factory.WithDbAsync(db => db.LedgerDeals.CountAsync(x => x.CenterId == c.Id)));
    }

    [ProviderFact]
    public async Task A_row_with_two_mistakes_reports_both()
    {
        var c = await factory.CreateCenterAsync();
        var user = await factory.CenterUserAsync(c, "en-US");
        var sheet = ImportSafetyTests<TFactory>.Xlsx([new Dictionary<string, object?> { ["培训名称"] = "两处错误", ["培训日期"] = "2025/13/40", ["培训人次"] = null }]);

        var response = await user.UploadAsync($"/api/v1/ledger/training/import?centerId={c.Id}", sheet, "two.xlsx");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<ImportReport>(Json.Options);
        var columns = report!.Errors.Where(e => e.Row == 2).Select(e => e.Column).ToList();
        Assert.Contains("Person-times", columns);
        Assert.Equal(2, columns.Distinct().Count());
    }

    private static Worksheet FirstSheet(SpreadsheetDocument doc)
    {
        var first = doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().First();
        return ((WorksheetPart)doc.WorkbookPart.GetPartById(first.Id!)).Worksheet;
    }

    private static Cell Cell(Row row, int index) =>
        row.Elements<Cell>().Single(x => x.CellReference!.Value!.StartsWith(XlsxWriter.ColumnName(index), StringComparison.Ordinal)
                                          && char.IsDigit(x.CellReference.Value[XlsxWriter.ColumnName(index).Length]));

    private static string Text(Cell cell) => cell.InlineString?.InnerText ?? cell.CellValue?.Text ?? string.Empty;
}

public sealed class SqliteOfficeFileTests(SqliteAppFactory factory) : OfficeFileTests<SqliteAppFactory>(factory);

[PostgresSuite]
public sealed class PostgresOfficeFileTests(PostgresAppFactory factory) : OfficeFileTests<PostgresAppFactory>(factory);
