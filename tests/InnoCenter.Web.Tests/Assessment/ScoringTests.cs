using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using InnoCenter.Domain.Assessment;
using InnoCenter.Domain.Common;
using InnoCenter.Web.Data;
using InnoCenter.Web.Features.Assessment;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Tests.Centers;
using InnoCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace InnoCenter.Web.Tests.Assessment;

/// <summary>
/// Scoring a cycle: after the deadline and once every report is accepted; quantitative indicators by their rules from
/// the reported values, qualitative ones from the finished expert panel; totals and grades by the frozen rules; set-based.
/// </summary>
public abstract class ScoringTests<TFactory>
    where TFactory : AppFactory, new()
{
    [ProviderFact]
    public async Task Scoring_grades_qualitative_indicators_from_the_finished_panel_and_totals_by_the_policy_weights()
    {
        await using var app = await AssessmentApp<TFactory>.StartAsync();
        var strong = await app.Factory.CreateCenterAsync("强中心" + Guid.NewGuid().ToString("N")[..4], AssessmentTestData.ThreeYearsAgo);
        var weak = await app.Factory.CreateCenterAsync("弱中心" + Guid.NewGuid().ToString("N")[..4], AssessmentTestData.ThreeYearsAgo);
        var unfinished = await app.Factory.CreateCenterAsync("未评完中心" + Guid.NewGuid().ToString("N")[..4], AssessmentTestData.ThreeYearsAgo);
        var (strongUser, weakUser, unfinishedUser) = (await app.Factory.CenterUserAsync(strong), await app.Factory.CenterUserAsync(weak), await app.Factory.CenterUserAsync(unfinished));
        var cycle = await app.Admin.OpenCycleAsync(AssessmentTestData.LastYear, app.Today.AddDays(5));
        var strongReport = await app.FileAcceptReviewAsync(strongUser, await strongUser.ReportOfAsync(cycle.Id, strong.Id), Profile.Strong, 1m);
        var weakReport = await app.FileAcceptReviewAsync(weakUser, await weakUser.ReportOfAsync(cycle.Id, weak.Id), Profile.Weak, 0.6m);
        var unfinishedReport = await unfinishedUser.ReportOfAsync(cycle.Id, unfinished.Id);
        await unfinishedUser.FileProfileAsync(unfinishedReport, Profile.Pass);
        unfinishedReport = await app.Admin.AcceptAsync(unfinishedReport.Id);
        var panel = await app.ReviewAsync(unfinishedReport.Id, 0m, scorers: 4);

        var early = await app.Admin.PostAsync($"/api/v1/assessment/cycles/{cycle.Id}/score", null);
        app.PassDeadline(cycle);
        var first = await app.Admin.PostAsync($"/api/v1/assessment/cycles/{cycle.Id}/score", null);
        await AssessmentTestData.EnsureAsync(first);
        var firstRun = (await first.Content.ReadFromJsonAsync<ScoreRunDto>(Json.Options))!;
        var incomplete = await ResultOfAsync(app, unfinishedReport.Id);
        await AssessmentApp<TFactory>.ScoreAsAsync(unfinishedReport.ReviewSubjectId!.Value, panel.Members[^1], 0m);
        var second = await app.Admin.PostAsync($"/api/v1/assessment/cycles/{cycle.Id}/score", null);
        await AssessmentTestData.EnsureAsync(second);
        var secondRun = (await second.Content.ReadFromJsonAsync<ScoreRunDto>(Json.Options))!;

        Assert.Contains("截止日期", await early.ProblemAsync(HttpStatusCode.Conflict));
        Assert.Equal((3, 2, 1), (firstRun.Scored, firstRun.Complete, firstRun.Incomplete));
        Assert.False(incomplete.IsComplete);
        Assert.Contains(incomplete.Detail.Lines, l => l.Indicator == "results-quality" && l.Status == IndicatorScoreStatus.Missing);
        Assert.Equal((3, 3, 0), (secondRun.Scored, secondRun.Complete, secondRun.Incomplete));
        Assert.Equal([1, 0, 1, 1], secondRun.Grades.Select(g => g.Count));
        Assert.Equal(["优秀", "良好", "合格", "不合格"], secondRun.Grades.Select(g => g.Label));

        var s = await ResultOfAsync(app, strongReport.Id);
        var w = await ResultOfAsync(app, weakReport.Id);
        var p = await ResultOfAsync(app, unfinishedReport.Id);
        Assert.Equal((100m, "excellent"), (s.Total, s.Grade));
        Assert.All(s.Detail.Lines.Where(l => l.Dimension == "results"), l => Assert.Equal(l.MaxPoints, l.Points));
        var ratio = s.Detail.Lines.Single(l => l.Indicator == "rd-staff-share");
        Assert.Equal((60m, 100m, 60m), (ratio.Numerator, ratio.Denominator, ratio.Value));
        // 0.6 of every criterion is nearest to 一般 (C, half marks): 12.15 qualitative points halved (plan implementation shares
        // the operation dimension with the quantitative plan completion since the pack named it).
        Assert.Equal((6.08m, "fail"), (w.Total, w.Grade));
        Assert.Equal("C", w.Detail.Lines.Single(l => l.Indicator == "industry-support").Grade);
        Assert.Equal((78m, "pass"), (p.Total, p.Grade));
        Assert.Equal("D", p.Detail.Lines.Single(l => l.Indicator == "plan-implementation").Grade);
        Assert.Equal(3, await app.Factory.WithDbAsync(db => db.AssessmentResults.CountAsync(r => r.CycleId == cycle.Id)));
        Assert.Equal(100m, s.Detail.Dimensions.Sum(d => d.Points));
    }

    [ProviderFact]
    public async Task Scoring_waits_for_a_filed_report_to_be_checked_and_refuses_a_non_admin()
    {
        await using var app = await AssessmentApp<TFactory>.StartAsync();
        var filed = await app.Factory.CreateCenterAsync("已报中心" + Guid.NewGuid().ToString("N")[..4], AssessmentTestData.ThreeYearsAgo);
        var silent = await app.Factory.CreateCenterAsync("未报中心" + Guid.NewGuid().ToString("N")[..4], AssessmentTestData.ThreeYearsAgo);
        var user = await app.Factory.CenterUserAsync(filed);
        var cycle = await app.Admin.OpenCycleAsync(AssessmentTestData.LastYear, app.Today.AddDays(3));
        var report = await user.FileAsync(await user.ReportOfAsync(cycle.Id, filed.Id));
        app.PassDeadline(cycle);

        var pending = await app.Admin.PostAsync($"/api/v1/assessment/cycles/{cycle.Id}/score", null);
        var byCenter = await user.PostAsync($"/api/v1/assessment/cycles/{cycle.Id}/score", null);

        // The report filed and awaiting the Admin's check holds the scoring; the unfiled one does not (the pack grades it).
        var body = await pending.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("1 份", body);
        Assert.Contains("已报中心", body);
        Assert.DoesNotContain("未报中心", body);
        Assert.Equal(HttpStatusCode.Forbidden, byCenter.StatusCode);
        Assert.Equal("Open", (await app.Admin.GetFromJsonAsync<CycleDto>($"/api/v1/assessment/cycles/{cycle.Id}", Json.Options))!.Status);
        Assert.Equal(0, await app.Factory.WithDbAsync(db => db.AssessmentResults.CountAsync()));
        Assert.Equal("Submitted", report.Status);
    }

    [ProviderFact]
    public async Task A_center_that_files_nothing_by_the_deadline_gets_the_packs_grade_at_no_points_and_leaves_the_statistics_alone()
    {
        await using var app = await AssessmentApp<TFactory>.StartAsync();
        var filed = await app.Factory.CreateCenterAsync("按期中心" + Guid.NewGuid().ToString("N")[..4], AssessmentTestData.ThreeYearsAgo);
        var silent = await app.Factory.CreateCenterAsync("未报中心" + Guid.NewGuid().ToString("N")[..4], AssessmentTestData.ThreeYearsAgo);
        var returned = await app.Factory.CreateCenterAsync("退回未改中心" + Guid.NewGuid().ToString("N")[..4], AssessmentTestData.ThreeYearsAgo);
        var cycle = await app.Admin.OpenCycleAsync(AssessmentTestData.LastYear, app.Today.AddDays(3));
        var filedUser = await app.Factory.CenterUserAsync(filed);
        var filedReport = await app.FileAcceptReviewAsync(filedUser, await filedUser.ReportOfAsync(cycle.Id, filed.Id), Profile.Pass, 0m);
        var returnedUser = await app.Factory.CenterUserAsync(returned);
        var returnedReport = await returnedUser.FileAsync(await returnedUser.ReportOfAsync(cycle.Id, returned.Id));
        await AssessmentTestData.EnsureAsync(await app.Admin.ActAsync(returnedReport.Id, "return", "缺少年度审计报告"));
        var silentReport = await (await app.Factory.CenterUserAsync(silent)).ReportOfAsync(cycle.Id, silent.Id);
        app.PassDeadline(cycle);

        var response = await app.Admin.PostAsync($"/api/v1/assessment/cycles/{cycle.Id}/score", null);
        await AssessmentTestData.EnsureAsync(response);
        var run = (await response.Content.ReadFromJsonAsync<ScoreRunDto>(Json.Options))!;
        var overview = (await app.Admin.GetFromJsonAsync<OverviewDto>($"/api/v1/assessment/cycles/{cycle.Id}/overview", Json.Options))!;
        var card = (await app.Admin.GetFromJsonAsync<ScorecardDto>($"/api/v1/assessment/reports/{silentReport.Id}/scorecard", Json.Options))!;
        var page = await app.Admin.GetStringAsync($"/Assessment/Scorecard/{silentReport.Id}");

        Assert.Equal((3, 3, 0, 2), (run.Scored, run.Complete, run.Incomplete, run.Unfiled));
        foreach (var id in new[] { silentReport.Id, returnedReport.Id })
        {
            var r = await ResultOfAsync(app, id);
            Assert.Equal((0m, "fail", true, true), (r.Total, r.Grade, r.Unfiled, r.IsComplete));
            Assert.Empty(r.Detail.Lines);
        }

        var p = await ResultOfAsync(app, filedReport.Id);
        Assert.Equal((78m, "pass", false), (p.Total, p.Grade, p.Unfiled));
        // The statistics are those of the one scored report; the two unfiled are counted in the grades only.
        Assert.Equal((78m, 78m, 78m), (overview.Mean, overview.Min, overview.Max));
        Assert.Equal(2, overview.Grades.Single(g => g.Code == "fail").Count);
        Assert.True(overview.Centers.Items.Single(c => c.ReportId == silentReport.Id).Unfiled);
        Assert.True(card.Unfiled);
        Assert.Contains("未在截止日期前报送", page);
    }

    [ProviderFact]
    public async Task Under_a_pack_version_without_the_unfiled_rule_the_cycle_waits_for_every_report()
    {
        await using var app = await AssessmentApp<TFactory>.StartAsync();
        await app.Factory.CreateCenterAsync("未报中心" + Guid.NewGuid().ToString("N")[..4], AssessmentTestData.ThreeYearsAgo);
        var inForce = (await app.Admin.GetFromJsonAsync<InnoCenter.Web.Features.Policy.PolicyVersionDto>("/api/v1/policy", Json.Options))!;
        var assessment = System.Text.Json.Nodes.JsonNode.Parse(inForce.Json)!["assessment"]!.DeepClone();
        assessment["consequences"]!.AsObject().Remove("unfiledGrade");
        var proposed = await app.Admin.PostAsJsonAsync("/api/v1/policy/versions", new InnoCenter.Web.Features.Policy.ProposePolicyRequest
        {
            BaseVersion = inForce.Version.Version, Section = "assessment", Json = assessment.ToJsonString(), Note = "未报送按规则另定",
        });
        await AssessmentTestData.EnsureAsync(proposed);
        var row = (await proposed.Content.ReadFromJsonAsync<InnoCenter.Web.Features.Policy.PolicyVersionRow>(Json.Options))!;
        await AssessmentTestData.EnsureAsync(await app.Admin.PostAsJsonAsync(
            $"/api/v1/policy/versions/{row.Id}/apply", new InnoCenter.Web.Features.Policy.ApplyPolicyRequest { EffectiveFrom = app.Today }));
        var cycle = await app.Admin.OpenCycleAsync(AssessmentTestData.LastYear, app.Today.AddDays(3));
        app.PassDeadline(cycle);

        var response = await app.Admin.PostAsync($"/api/v1/assessment/cycles/{cycle.Id}/score", null);

        Assert.Equal(row.Version, cycle.PolicyVersion);
        Assert.Contains("未报中心", await response.ProblemAsync(HttpStatusCode.Conflict));
        Assert.Equal(0, await app.Factory.WithDbAsync(db => db.AssessmentResults.CountAsync(r => r.CycleId == cycle.Id)));
    }

    [ProviderFact]
    public async Task Scoring_a_cycle_of_five_centers_reads_as_many_queries_as_a_cycle_of_two()
    {
        await using var app = await AssessmentApp<TFactory>.StartAsync();
        for (var i = 0; i < 2; i++)
        {
            await app.Factory.CreateCenterAsync(approvedOn: AssessmentTestData.ThreeYearsAgo);
        }

        var small = await app.Admin.OpenCycleAsync(AssessmentTestData.LastYear - 1, app.Today.AddDays(3));
        for (var i = 0; i < 3; i++)
        {
            await app.Factory.CreateCenterAsync(approvedOn: AssessmentTestData.ThreeYearsAgo);
        }

        var large = await app.Admin.OpenCycleAsync(AssessmentTestData.LastYear, app.Today.AddDays(3));
        await FileAndAcceptAllAsync(app, small);
        await FileAndAcceptAllAsync(app, large);
        app.PassDeadline(large);

        var smallQueries = await CountSelectsAsync(app, small.Id);
        var largeQueries = await CountSelectsAsync(app, large.Id);

        Assert.Equal(2, await app.Factory.WithDbAsync(db => db.AssessmentResults.CountAsync(r => r.CycleId == small.Id)));
        Assert.Equal(5, await app.Factory.WithDbAsync(db => db.AssessmentResults.CountAsync(r => r.CycleId == large.Id)));
        Assert.Equal(smallQueries, largeQueries);
        Assert.True(largeQueries <= 8, $"{largeQueries} queries");
    }

    [ProviderFact]
    public async Task The_scorer_refuses_anyone_but_an_admin_even_when_called_without_the_endpoint()
    {
        await using var app = await AssessmentApp<TFactory>.StartAsync();
        var center = await app.Factory.CreateCenterAsync(approvedOn: AssessmentTestData.ThreeYearsAgo);
        var cycle = await app.Admin.OpenCycleAsync(AssessmentTestData.LastYear, app.Today.AddDays(3));
        await FileAndAcceptAllAsync(app, cycle);
        app.PassDeadline(cycle);

        var asCenter = await app.Factory.AsUserAsync(Roles.CenterUser, center.Lead.Id, services =>
            services.GetRequiredService<CycleScorer>().ScoreAsync(cycle.Id, CancellationToken.None));
        var resultsAfterRefusal = await app.Factory.WithDbAsync(db => db.AssessmentResults.CountAsync(r => r.CycleId == cycle.Id));
        var asAdmin = await app.Factory.AsUserAsync(Roles.Admin, null, services =>
            services.GetRequiredService<CycleScorer>().ScoreAsync(cycle.Id, CancellationToken.None));

        Assert.Equal(FailureKind.Forbidden, asCenter.Failure?.Kind);
        Assert.Equal(0, resultsAfterRefusal);
        Assert.True(asAdmin.IsSuccess);
        Assert.Equal(1, await app.Factory.WithDbAsync(db => db.AssessmentResults.CountAsync(r => r.CycleId == cycle.Id)));
    }

    private static async Task FileAndAcceptAllAsync(AssessmentApp<TFactory> app, CycleDto cycle)
    {
        var reports = await app.Factory.WithDbAsync(db => db.AnnualReports.Where(r => r.CycleId == cycle.Id)
            .Join(db.Centers, r => r.CenterId, c => c.Id, (r, c) => new { r.Id, r.CenterId, c.LeadOrganizationId }).ToListAsync());
        foreach (var r in reports)
        {
            var user = await app.Factory.ClientFor(InnoCenter.Web.Infrastructure.Auth.Roles.CenterUser, r.LeadOrganizationId);
            await user.FileAsync((await user.GetReportAsync(r.Id))!);
            await app.Admin.AcceptAsync(r.Id);
        }
    }

    /// <summary>Scores the cycle on a context of the app's provider that counts the SELECTs it sends.</summary>
    private static async Task<int> CountSelectsAsync(AssessmentApp<TFactory> app, Guid cycleId)
    {
        return await app.Factory.AsUserAsync(Roles.Admin, null, async services =>
        {
            var counter = new CommandCounter(sql => sql.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase));
            IInterceptor[] interceptors =
            [
                services.GetRequiredService<InnoCenter.Web.Data.Interceptors.VersionInterceptor>(),
                services.GetRequiredService<InnoCenter.Web.Data.Interceptors.AuditInterceptor>(),
                counter,
            ];
            var db = CommandCounter.ContextLike(services.GetRequiredService<AppDbContext>(), interceptors);
            await using (db)
            {
                var run = await new CycleScorer(db, services.GetRequiredService<CurrentUser>(), app.Factory.Clock).ScoreAsync(cycleId, CancellationToken.None);
                Assert.True(run.IsSuccess, run.IsSuccess ? null : string.Join("; ", run.Failure!.Errors));
                return counter.Count;
            }
        });
    }

    private static Task<AssessmentResult> ResultOfAsync(AssessmentApp<TFactory> app, Guid reportId) =>
        app.Factory.WithDbAsync(db => db.AssessmentResults.AsNoTracking().SingleAsync(r => r.ReportId == reportId));
}

public sealed class SqliteScoringTests : ScoringTests<SqliteAppFactory>;

[PostgresSuite]
public sealed class PostgresScoringTests : ScoringTests<PostgresAppFactory>;
