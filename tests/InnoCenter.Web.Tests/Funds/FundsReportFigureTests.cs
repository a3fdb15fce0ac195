using System.Net;
using InnoCenter.Domain.Assessment;
using InnoCenter.Web.Tests.Assessment;
using InnoCenter.Web.Tests.Centers;
using InnoCenter.Web.Tests.Infrastructure;

namespace InnoCenter.Web.Tests.Funds;

/// <summary>The assessment's fund indicator fills itself from the module: the report opens with the year's execution rate.</summary>
public abstract class FundsReportFigureTests<TFactory>
    where TFactory : AppFactory, new()
{
    [ProviderFact]
    public async Task The_annual_report_opens_with_the_years_fund_execution_rate_and_shows_the_years_fund_figures()
    {
        await using var app = await AssessmentApp<TFactory>.StartAsync();
        var center = await app.Factory.CreateCenterAsync(approvedOn: AssessmentTestData.ThreeYearsAgo);
        var year = AssessmentTestData.LastYear;
        var draft = FundsTestData.Draft(center.Id) with { PeriodFrom = new DateOnly(year, 1, 1), PeriodTo = new DateOnly(year + 1, 12, 31) };
        var g = await app.Factory.RunningGrantAsync(draft, center);
        await (await g.ReleaseAsync(await g.PlanAsync(100_000m, on: new DateOnly(year, 3, 1)), on: new DateOnly(year, 3, 2))).ReadAsync(HttpStatusCode.OK);
        await (await g.SpendAsync("pilot-line", $"{year}-06-01", "25000")).ReadAsync(HttpStatusCode.OK);
        await (await g.SpendAsync("standards", $"{year + 1}-01-15", "5000")).ReadAsync(HttpStatusCode.OK);

        var cycle = await app.Admin.OpenCycleAsync(year);
        var report = await g.CenterUser.ReportOfAsync(cycle.Id, center.Id);

        var figure = report.Figures.Single(f => f.Key == FundFigureKeys.ExecutionRate);
        Assert.Equal(25m, figure.LedgerValue);
        Assert.DoesNotContain(report.ManualValues, m => m.Code == "fund-execution-rate");
        var page = await g.CenterUser.GetStringAsync($"/Assessment/Report/{report.Id}");
        Assert.Contains($"{year}年资金使用情况", page);
        Assert.Contains("2.50 万元", page);
    }
}

public sealed class SqliteFundsReportFigureTests : FundsReportFigureTests<SqliteAppFactory>;

[PostgresSuite]
public sealed class PostgresFundsReportFigureTests : FundsReportFigureTests<PostgresAppFactory>;
