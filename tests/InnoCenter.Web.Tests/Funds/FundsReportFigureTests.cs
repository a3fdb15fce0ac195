using System.Net;
using System.Net.Http.Json;
using InnoCenter.Domain.Ledger;
using InnoCenter.Web.Features.Ledger.Rollup;
using InnoCenter.Web.Features.Plans;
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
        Assert.True(figure.Computed);
        Assert.False(report.Figures.Single(f => f.Key == LedgerRollupKeys.StaffTotal).Computed);
        Assert.DoesNotContain(report.ManualValues, m => m.Code == "fund-execution-rate");
        var page = await g.CenterUser.GetStringAsync($"/Assessment/Report/{report.Id}");
        Assert.Contains($"{year}年资金使用情况", page);
        Assert.Contains("2.50 万元", page);
        Assert.Contains($"data-testid=\"computed-{FundFigureKeys.ExecutionRate}\"", page);
    }

    [ProviderFact]
    public async Task Plan_completion_filled_by_its_module_is_marked_computed_and_offers_no_input()
    {
        await using var app = await AssessmentApp<TFactory>.StartAsync();
        var center = await app.Factory.CreateCenterAsync(approvedOn: AssessmentTestData.ThreeYearsAgo);
        var year = AssessmentTestData.LastYear;
        var staff = await app.Factory.CenterUserAsync(center);
        await app.Factory.WithDbAsync(async db =>
        {
            db.LedgerRollupRows.Add(new LedgerRollupRow(center.Id, year, LedgerRollupFigures.IpGranted, false, 3));
            return await db.SaveChangesAsync();
        });
        var proposed = await staff.PostAsJsonAsync($"/api/v1/plans/centers/{center.Id}/revisions", new ProposeRevisionRequest
        {
            EffectiveFromYear = year,
            Reason = "细化建设目标",
            Indicators = [new PlanIndicatorRequest("发明专利授权", "项", LedgerRollupKeys.InventionGrants, 5, 5, 5)],
        });
        var revision = (await proposed.Content.ReadFromJsonAsync<PlanDto>(Json.Options))!.Revisions.Single(r => r.Number == 1);
        await (await center.Admin.PostAsJsonAsync($"/api/v1/plans/revisions/{revision.Id}/approve", new RevisionDecisionRequest("同意", revision.Version))).ReadAsync(HttpStatusCode.OK);
        var progress = (await staff.GetFromJsonAsync<PlanProgressDto>($"/api/v1/plans/centers/{center.Id}/progress?year={year}", Json.Options))!;

        var cycle = await app.Admin.OpenCycleAsync(year);
        var report = await staff.ReportOfAsync(cycle.Id, center.Id);

        var completion = report.ManualValues.Single(m => m.Code == "plan-completion");
        Assert.Equal(60m, progress.Completion);
        Assert.Equal(progress.Completion, completion.Value);
        Assert.True(completion.Computed);
        Assert.False(report.ManualValues.Single(m => m.Code == "rd-spending-share").Computed);
        var page = await staff.GetStringAsync($"/Assessment/Report/{report.Id}");
        Assert.Contains("data-testid=\"computed-plan-completion\"", page);
        Assert.DoesNotContain("id=\"v-plan-completion\"", page);
        Assert.Contains("id=\"v-rd-spending-share\"", page);
    }
}

public sealed class SqliteFundsReportFigureTests : FundsReportFigureTests<SqliteAppFactory>;

[PostgresSuite]
public sealed class PostgresFundsReportFigureTests : FundsReportFigureTests<PostgresAppFactory>;
