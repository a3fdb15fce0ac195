using System.Net;
using DocumentFormat.OpenXml.Packaging;
using InnoCenter.Web.Tests.Infrastructure;

namespace InnoCenter.Web.Tests.Funds;

/// <summary>The official .docx of the module: a released tranche's 资金拨付通知 and a grant's 资金使用情况报告 for a year.</summary>
public abstract class FundsDocumentTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    [ProviderFact]
    public async Task A_released_tranche_has_a_numbered_disbursement_notice_and_a_planned_one_none()
    {
        var g = await factory.RunningGrantAsync();
        var planned = await g.PlanAsync(100_000m);
        var url = $"/api/v1/funds/grants/{g.Id}/tranches/{planned.GetProperty("id").GetGuid()}/notice.docx";
        await (await g.CenterUser.GetAsync(url)).ReadAsync(HttpStatusCode.Conflict);
        await (await g.ReleaseAsync(planned)).ReadAsync(HttpStatusCode.OK);

        var first = await TextAsync(g.CenterUser, url);
        var again = await TextAsync(g.Second, url);

        Assert.Contains("专项资金的通知", first);
        Assert.Contains("100,000.00", first);
        Assert.Contains("资〔2026〕", first);
        Assert.Equal(first, again);
    }

    [ProviderFact]
    public async Task The_usage_report_of_a_year_carries_the_years_figures_and_refuses_a_year_outside_the_period()
    {
        var g = await factory.RunningGrantAsync();
        await (await g.ReleaseAsync(await g.PlanAsync(200_000m))).ReadAsync(HttpStatusCode.OK);
        await (await g.SpendAsync("pilot-line", "2026-05-01", "50000")).ReadAsync(HttpStatusCode.OK);

        var text = await TextAsync(g.CenterUser, $"/api/v1/funds/grants/{g.Id}/usage-report.docx?year=2026");

        Assert.Contains("2026年度专项资金使用情况报告", text);
        Assert.Contains("200,000.00", text);
        Assert.Contains("50,000.00", text);
        Assert.Contains("25%", text);
        await (await g.CenterUser.GetAsync($"/api/v1/funds/grants/{g.Id}/usage-report.docx?year=2030")).ReadAsync(HttpStatusCode.BadRequest);
    }

    private static async Task<string> TextAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var doc = WordprocessingDocument.Open(stream, false);
        return doc.MainDocumentPart!.Document.Body!.InnerText;
    }
}

public sealed class SqliteFundsDocumentTests(SqliteAppFactory factory) : FundsDocumentTests<SqliteAppFactory>(factory);

[PostgresSuite]
public sealed class PostgresFundsDocumentTests(PostgresAppFactory factory) : FundsDocumentTests<PostgresAppFactory>(factory);
