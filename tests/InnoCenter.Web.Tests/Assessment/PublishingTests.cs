using System.Net;
using System.Net.Http.Json;
using InnoCenter.Web.Features.Assessment;
using InnoCenter.Web.Features.Centers;
using InnoCenter.Web.Features.Organizations;
using InnoCenter.Web.Features.Reviews;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Tests.Centers;
using InnoCenter.Web.Tests.Infrastructure;
using InnoCenter.Web.Tests.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnoCenter.Web.Tests.Assessment;

/// <summary>
/// Publishing results and their consequences across years: the Tianjin rule (a second consecutive 不合格 revokes the
/// title, with a public notice), the national rule (rectification, an on-site re-check, removal or restoration; 优秀
/// rewarded), a whole programme on the national pack, and who may see results before and after publication.
/// </summary>
public abstract class PublishingTests<TFactory>
    where TFactory : AppFactory, new()
{
    [ProviderFact]
    public async Task Tianjin_fail_pass_fail_keeps_the_title_and_fail_fail_revokes_it_with_a_public_notice()
    {
        await using var app = await AssessmentApp<TFactory>.StartAsync();
        var fiveYearsAgo = CenterTestData.Today.AddYears(-5);
        var keeps = await app.Factory.CreateCenterAsync("起伏中心" + Guid.NewGuid().ToString("N")[..4], fiveYearsAgo);
        var loses = await app.Factory.CreateCenterAsync("连续不合格中心" + Guid.NewGuid().ToString("N")[..4], fiveYearsAgo);
        var y = AssessmentTestData.LastYear;

        var (first, _) = await app.RunToScoredAsync(y - 2, new Dictionary<TestCenter, (Profile, decimal)>
        {
            [keeps] = (Profile.Weak, 0m), [loses] = (Profile.Weak, 0m),
        });
        var firstDecisions = await app.PublishAsync(first.Id);
        var (second, _) = await app.RunToScoredAsync(y - 1, new Dictionary<TestCenter, (Profile, decimal)>
        {
            [keeps] = (Profile.Pass, 0m), [loses] = (Profile.Weak, 0m),
        });
        var secondDecisions = await app.PublishAsync(second.Id);
        var (third, _) = await app.RunToScoredAsync(y, new Dictionary<TestCenter, (Profile, decimal)> { [keeps] = (Profile.Weak, 0m) });
        var thirdDecisions = await app.PublishAsync(third.Id);

        Assert.All(firstDecisions.Decisions, d => Assert.Equal(("None", 1, false), (d.Kind, d.ConsecutiveFailures, d.ContinuedSupport)));
        var passed = secondDecisions.Decisions.Single(d => d.CenterId == keeps.Id);
        Assert.Equal(("pass", "None", 0, true), (passed.Grade, passed.Kind, passed.ConsecutiveFailures, passed.ContinuedSupport));
        var revoked = secondDecisions.Decisions.Single(d => d.CenterId == loses.Id);
        Assert.Equal(("Revoke", 2, true), (revoked.Kind, revoked.ConsecutiveFailures, revoked.PublicNotice));
        Assert.Contains("取消", revoked.Explanation);
        Assert.Contains(third.Excluded, e => e.CenterId == loses.Id && e.Outcome == "Revoked");
        var third1 = Assert.Single(thirdDecisions.Decisions);
        Assert.Equal((keeps.Id, "None", 1), (third1.CenterId, third1.Kind, third1.ConsecutiveFailures));
        Assert.Equal("Active", (await app.CenterAsync(keeps.Id)).Status);
        Assert.Equal("Revoked", (await app.CenterAsync(loses.Id)).Status);
        var history = await app.Admin.GetFromJsonAsync<List<StatusChangeDto>>($"/api/v1/centers/{loses.Id}/status-history", Json.Options);
        var change = Assert.Single(history!);
        Assert.Equal(("Revoked", "PolicyRule"), (change.To, change.Basis));
        Assert.Contains($"tianjin-2020/v1/{y - 1}/Revoke", change.Reference);

        var anonymous = app.Factory.AnonymousClient();
        var notice = await anonymous.GetStringAsync($"/Notices/Assessment/{second.Id}");
        var noticeJson = await anonymous.GetFromJsonAsync<AssessmentNoticeDto>($"/api/v1/notices/assessment/{second.Id}", Json.Options);
        var list = await anonymous.GetFromJsonAsync<List<AssessmentNoticeRow>>("/api/v1/notices/assessment", Json.Options);
        var page = await anonymous.GetStringAsync("/Notices");
        Assert.Contains("连续不合格中心", notice);
        Assert.Contains("连续 2 年年度考核不合格", notice);
        Assert.Equal("天津市工业和信息化局", noticeJson!.Issuer);
        Assert.Single(noticeJson.Revocations);
        Assert.Equal(2, noticeJson.Results.Count);
        Assert.Equal([third.Id, second.Id, first.Id], list!.Select(n => n.CycleId));
        Assert.Contains($"/Notices/Assessment/{second.Id}", page);
        var published = await app.Admin.PostAsJsonAsync($"/api/v1/assessment/cycles/{second.Id}/publish", new ReportDecisionRequest());
        Assert.Contains("已发布", await published.ProblemAsync(HttpStatusCode.Conflict));
    }

    [ProviderFact]
    public async Task National_path_fail_opens_rectification_the_on_site_recheck_removes_or_restores_and_excellent_is_rewarded()
    {
        await using var app = await AssessmentApp<TFactory>.StartAsync();
        var y = AssessmentTestData.LastYear;
        var recognised = new DateOnly(y - 3, 1, 15);
        var removed = await app.Factory.CreateCenterAsync("复查未过中心" + Guid.NewGuid().ToString("N")[..4], recognised);
        var restored = await app.Factory.CreateCenterAsync("复查通过中心" + Guid.NewGuid().ToString("N")[..4], recognised);
        var rewarded = await app.Factory.CreateCenterAsync("优秀中心" + Guid.NewGuid().ToString("N")[..4], recognised);

        var (first, _) = await app.RunToScoredAsync(y - 2, new Dictionary<TestCenter, (Profile, decimal)>
        {
            [removed] = (Profile.Weak, 0m), [restored] = (Profile.Weak, 0m), [rewarded] = (Profile.Strong, 1m),
        }, "national-2018");
        var firstDecisions = await app.PublishAsync(first.Id);
        var statusAfterFirst = (await app.CenterAsync(removed.Id)).Status;

        var (second, reports) = await app.RunToScoredAsync(y - 1, new Dictionary<TestCenter, (Profile, decimal)>
        {
            [removed] = (Profile.Weak, 0m), [restored] = (Profile.Pass, 0m), [rewarded] = (Profile.Strong, 1m),
        }, "national-2018");
        var noInspection = await app.Admin.PostAsJsonAsync($"/api/v1/assessment/cycles/{second.Id}/publish", new ReportDecisionRequest());
        var refusal = await noInspection.ProblemAsync(HttpStatusCode.Conflict);
        await InspectAsync(app, reports[removed.Id]);
        await InspectAsync(app, reports[restored.Id]);
        var secondDecisions = await app.PublishAsync(second.Id);
        var third = await app.Admin.OpenCycleAsync(y, app.Today.AddDays(2), "national-2018");

        Assert.Equal("national-2018", first.PolicyCode);
        var rectification = firstDecisions.Decisions.Single(d => d.CenterId == removed.Id);
        Assert.Equal(("StartRectification", y - 1, false), (rectification.Kind, rectification.RecheckYear, rectification.ContinuedSupport));
        Assert.Equal("UnderRectification", statusAfterFirst);
        var reward = firstDecisions.Decisions.Single(d => d.CenterId == rewarded.Id);
        Assert.Equal(("FlagReward", true), (reward.Kind, reward.ContinuedSupport));
        Assert.True(reports[removed.Id].IsRecheck);
        Assert.False(reports[rewarded.Id].IsRecheck);
        Assert.Contains("现场检查", refusal);
        Assert.Contains("复查未过中心", refusal);
        var failedRecheck = secondDecisions.Decisions.Single(d => d.CenterId == removed.Id);
        Assert.Equal(("RecheckFailedRemove", true), (failedRecheck.Kind, failedRecheck.PublicNotice));
        var passedRecheck = secondDecisions.Decisions.Single(d => d.CenterId == restored.Id);
        Assert.Equal(("RecheckPassed", "pass"), (passedRecheck.Kind, passedRecheck.Grade));
        Assert.Equal("FlagReward", secondDecisions.Decisions.Single(d => d.CenterId == rewarded.Id).Kind);
        Assert.Equal("Revoked", (await app.CenterAsync(removed.Id)).Status);
        Assert.Equal("Active", (await app.CenterAsync(restored.Id)).Status);
        // The third year after recognition is a periodic evaluation year under the national rules: no annual assessment.
        Assert.Equal(0, third.Reports.Total);
        Assert.Contains(third.Excluded, e => e.CenterId == restored.Id && e.Outcome == "EvaluationYear");
        Assert.Contains(third.Excluded, e => e.CenterId == removed.Id && e.Outcome == "Revoked");
        var notice = await app.Factory.AnonymousClient().GetStringAsync($"/Notices/Assessment/{second.Id}");
        Assert.Contains("复查未过中心", notice);
        Assert.Contains("国家制造业创新中心", notice);
    }

    [ProviderFact]
    public async Task A_programme_started_on_the_national_pack_runs_on_it_with_no_code_change()
    {
        await using var app = await AssessmentApp<TFactory>.StartAsync(new Dictionary<string, string> { ["Policy:File"] = "policies/national-2018.json" });
        var y = AssessmentTestData.LastYear;
        var evaluated = await NationalCenterAsync(app, new DateOnly(y - 3, 6, 1));
        var assessed = await NationalCenterAsync(app, new DateOnly(y - 2, 6, 1));
        var user = await app.Factory.ClientFor(Roles.CenterUser, assessed.LeadOrganizationId);

        var cycle = await app.Admin.OpenCycleAsync(y);
        var report = await user.ReportOfAsync(cycle.Id, assessed.Id);
        var organisation = await app.Admin.PostAsJsonAsync("/api/v1/organizations", TestData.Organization());
        var packs = await app.Factory.WithDbAsync(db => db.PolicyPacks.Select(p => new { p.Code, IsActive = p.AppliedAt != null }).ToListAsync());

        Assert.Equal("national-2018", cycle.PolicyCode);
        Assert.Contains(cycle.Excluded, e => e.CenterId == evaluated.Id && e.Outcome == "EvaluationYear");
        Assert.Equal(["plan-completion", "testing-service-hours", "rd-spending-share"], report.ManualValues.Select(m => m.Code));
        Assert.Contains(report.Figures, f => f.Key == "members.total");
        Assert.Contains(packs, p => p.Code == "tianjin-2020");
        Assert.Contains(packs, p => p.Code == "national-2018" && p.IsActive);
        // The national programme has no home city, so no region names a district: a Tianjin organisation is kept without one.
        Assert.Equal(HttpStatusCode.Created, organisation.StatusCode);
        Assert.Null((await organisation.Content.ReadFromJsonAsync<OrganizationSaved>(Json.Options))!.Organization.DistrictCode);
    }

    [ProviderFact]
    public async Task A_center_sees_only_its_own_results_and_only_once_published_and_the_public_only_the_notice()
    {
        await using var app = await AssessmentApp<TFactory>.StartAsync();
        var mine = await app.Factory.CreateCenterAsync("本中心" + Guid.NewGuid().ToString("N")[..4], AssessmentTestData.ThreeYearsAgo);
        var theirs = await app.Factory.CreateCenterAsync("他中心" + Guid.NewGuid().ToString("N")[..4], AssessmentTestData.ThreeYearsAgo);
        var (cycle, reports) = await app.RunToScoredAsync(AssessmentTestData.LastYear, new Dictionary<TestCenter, (Profile, decimal)>
        {
            [mine] = (Profile.Pass, 0m), [theirs] = (Profile.Weak, 0m),
        });
        var user = await app.Factory.CenterUserAsync(mine);
        var anonymous = app.Factory.AnonymousClient();
        var mineCard = $"/api/v1/assessment/reports/{reports[mine.Id].Id}/scorecard";
        var theirsCard = $"/api/v1/assessment/reports/{reports[theirs.Id].Id}/scorecard";
        var panel = await app.Admin.GetFromJsonAsync<PanelDto>($"/api/v1/reviews/subjects/{reports[mine.Id].ReviewSubjectId}/panel", Json.Options);
        var panelExpert = ReviewTestData.ClientOf(panel!.Members[0].ExpertId);

        var beforeOwn = await user.GetAsync(mineCard);
        var beforeAdmin = await app.Admin.GetAsync(mineCard);
        var beforeNotice = await anonymous.GetAsync($"/api/v1/notices/assessment/{cycle.Id}");
        var beforeReport = await user.GetReportAsync(reports[mine.Id].Id);
        await app.PublishAsync(cycle.Id);
        var afterOwn = await user.GetAsync(mineCard);
        var afterTheirs = await user.GetAsync(theirsCard);
        var afterExpert = await panelExpert.GetAsync(mineCard);
        var afterNotice = await anonymous.GetFromJsonAsync<AssessmentNoticeDto>($"/api/v1/notices/assessment/{cycle.Id}", Json.Options);
        var afterReport = await user.GetReportAsync(reports[mine.Id].Id);

        Assert.Equal(HttpStatusCode.NotFound, beforeOwn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, beforeAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, beforeNotice.StatusCode);
        Assert.False(beforeReport!.ResultVisible);
        Assert.All(beforeReport.Qualitative, q => Assert.Null(q.Grade));
        Assert.Equal(HttpStatusCode.OK, afterOwn.StatusCode);
        var card = (await afterOwn.Content.ReadFromJsonAsync<ScorecardDto>(Json.Options))!;
        Assert.Equal(("pass", 78m), (card.Grade, card.Total));
        Assert.NotNull(card.Decision);
        Assert.Equal(HttpStatusCode.NotFound, afterTheirs.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, afterExpert.StatusCode);
        Assert.Equal(2, afterNotice!.Results.Count);
        Assert.True(afterReport!.ResultVisible);
        Assert.All(afterReport.Qualitative, q => Assert.Equal("D", q.Grade));
        Assert.Equal(HttpStatusCode.OK, (await panelExpert.GetAsync($"/api/v1/assessment/reports/{reports[mine.Id].Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(mineCard)).StatusCode);
    }

    /// <summary>A center of a Beijing lead and a Hebei university (the national pack lists no districts), founded the way an approval founds one.</summary>
    private static async Task<InnoCenter.Domain.Centers.Center> NationalCenterAsync(AssessmentApp<TFactory> app, DateOnly approvedOn)
    {
        var lead = await app.Admin.CreateOrganizationAsync(TestData.Organization(name: "北京企业" + Guid.NewGuid().ToString("N")[..6], region: "Beijing"));
        var university = await app.Admin.CreateOrganizationAsync(TestData.Organization(name: "河北大学" + Guid.NewGuid().ToString("N")[..6], type: "University", region: "Hebei"));
        using var scope = app.Factory.Services.CreateScope();
        var created = await scope.ServiceProvider.GetRequiredService<CenterHandlers>().CreateFromApprovedApplicationAsync(
            new InnoCenter.Domain.Centers.CenterFounding(
                Guid.NewGuid(), "国家创新中心" + Guid.NewGuid().ToString("N")[..6], "cnc-robotics", lead.Id, "工信部科函〔2024〕1号", "NMIC-" + Random.Shared.Next(1000, 9999),
                approvedOn,
                [
                    new InnoCenter.Domain.Centers.CenterFoundingMember(lead.Id, InnoCenter.Domain.Centers.MemberKind.Enterprise, 70m),
                    new InnoCenter.Domain.Centers.CenterFoundingMember(university.Id, InnoCenter.Domain.Centers.MemberKind.University, 30m),
                ]),
            CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<InnoCenter.Web.Data.AppDbContext>().SaveChangesAsync();
        return created.Value;
    }

    /// <summary>The Admin records the on-site re-check of a report's panel: every checklist item met, one panel expert present.</summary>
    private static async Task InspectAsync(AssessmentApp<TFactory> app, ReportDto report)
    {
        var subjectId = report.ReviewSubjectId!.Value;
        var panel = await app.Admin.GetFromJsonAsync<PanelDto>($"/api/v1/reviews/subjects/{subjectId}/panel", Json.Options);
        var checklist = new[] { "legal-entity", "premises", "equipment", "staff", "capital", "collaboration", "materials" };
        var response = await app.Admin.PutAsJsonAsync($"/api/v1/reviews/subjects/{subjectId}/inspection", new InspectionRequest
        {
            Date = app.Today,
            Place = "天津市滨海新区创新中心办公场所",
            Participants = [new ParticipantRequest("Expert", panel!.Members[0].ExpertId, null, null)],
            Findings = checklist.Select(c => new FindingRequest(c, "Met", null)).ToList(),
            Conclusion = "Pass",
        });
        await AssessmentTestData.EnsureAsync(response);
    }
}

public sealed class SqlitePublishingTests : PublishingTests<SqliteAppFactory>;

[PostgresSuite]
public sealed class PostgresPublishingTests : PublishingTests<PostgresAppFactory>;
