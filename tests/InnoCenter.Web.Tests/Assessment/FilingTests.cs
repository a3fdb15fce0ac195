using System.Net;
using System.Net.Http.Json;
using InnoCenter.Domain.Assessment;
using InnoCenter.Domain.Reviews;
using InnoCenter.Web.Features.Assessment;
using InnoCenter.Web.Features.Ledger;
using InnoCenter.Web.Features.Reviews;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Web;
using InnoCenter.Web.Tests.Applications;
using InnoCenter.Web.Tests.Centers;
using InnoCenter.Web.Tests.Infrastructure;
using InnoCenter.Web.Tests.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnoCenter.Web.Tests.Assessment;

/// <summary>
/// Opening a cycle, who is assessed, the report pre-filled from the ledger, changing a value (reason and evidence, both
/// values kept), submitting, returning and accepting, the due / overdue view, and the refusals of bad input.
/// </summary>
public abstract class FilingTests<TFactory>
    where TFactory : AppFactory, new()
{
    [ProviderFact]
    public async Task An_admin_moves_the_deadline_with_a_reason_the_history_keeps_it_and_late_centers_are_told()
    {
        await using var app = await AssessmentApp<TFactory>.StartAsync();
        var center = await app.Factory.CreateCenterAsync(approvedOn: AssessmentTestData.ThreeYearsAgo);
        var user = await app.Factory.CenterUserAsync(center);
        var cycle = await app.Admin.OpenCycleAsync(AssessmentTestData.LastYear);
        var report = await user.ReportOfAsync(cycle.Id, center.Id);
        var later = cycle.Deadline.AddDays(30);
        var path = $"/api/v1/assessment/cycles/{cycle.Id}/deadline";

        var byCenter = await user.PostAsJsonAsync(path, new MoveDeadlineRequest { Deadline = later, Reason = "自行延期", Version = cycle.Version });
        var noReason = await app.Admin.PostAsJsonAsync(path, new MoveDeadlineRequest { Deadline = later, Reason = " ", Version = cycle.Version });
        var past = await app.Admin.PostAsJsonAsync(path, new MoveDeadlineRequest { Deadline = CenterTestData.Today.AddDays(-1), Reason = "原因", Version = cycle.Version });
        var moved = await app.Admin.PostAsJsonAsync(path, new MoveDeadlineRequest { Deadline = later, Reason = "疫情影响，统一延期", Version = cycle.Version });
        var stale = await app.Admin.PostAsJsonAsync(path, new MoveDeadlineRequest { Deadline = later.AddDays(1), Reason = "再延", Version = cycle.Version });

        Assert.Equal(HttpStatusCode.Forbidden, byCenter.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("\"reason\"", await noReason.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.Contains("\"deadline\"", await past.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var after = (await moved.Content.ReadFromJsonAsync<CycleDto>(Json.Options))!;
        Assert.Equal(later, after.Deadline);
        var change = Assert.Single(after.DeadlineChanges);
        Assert.Equal((cycle.Deadline, later, "疫情影响，统一延期"), (change.From, change.To, change.Reason));
        var link = $"/Assessment/Report/{report.Id}";
        Assert.Equal(1, await app.Factory.WithDbAsync(db => db.Notifications.CountAsync(n => n.Link == link && n.TitleZh.Contains(later.ToString("yyyy-MM-dd")))));
    }

    [ProviderFact]
    public async Task Opening_a_cycle_freezes_the_pack_and_gives_each_eligible_center_a_report_prefilled_from_the_ledger()
    {
        await using var app = await AssessmentApp<TFactory>.StartAsync();
        var y = AssessmentTestData.LastYear;
        var old = await app.Factory.CreateCenterAsync(approvedOn: AssessmentTestData.ThreeYearsAgo);
        var young = await app.Factory.CreateCenterAsync(approvedOn: CenterTestData.Today.AddMonths(-6));
        var revoked = await app.Factory.CreateCenterAsync(approvedOn: AssessmentTestData.ThreeYearsAgo);
        await AssessmentTestData.EnsureAsync(await app.Admin.RevokeAsync(revoked.Id));
        var user = await app.Factory.CenterUserAsync(old);
        await user.CreateAsync("staff", new StaffRequest { CenterId = old.Id, Year = y, AllStaff = 120, RdStaff = 80 });
        await user.CreateAsync("training", new TrainingRequest { CenterId = old.Id, Title = "工程师培训", HeldOn = new DateOnly(y, 7, 1), PersonTimes = 150 });

        var cycle = await app.Admin.OpenCycleAsync(y);
        var report = await user.ReportOfAsync(cycle.Id, old.Id);

        Assert.Equal("tianjin-2020", cycle.PolicyCode);
        Assert.Equal(1, cycle.PolicyVersion);
        Assert.Equal("Open", cycle.Status);
        Assert.Equal(1, cycle.Reports.Total);
        Assert.Equal(1, cycle.Reports.Due);
        Assert.Contains(cycle.Excluded, e => e.CenterId == young.Id && e.Outcome == "NotYetEligible");
        Assert.Contains(cycle.Excluded, e => e.CenterId == revoked.Id && e.Outcome == "Revoked");
        Assert.Equal(120m, report.Figures.Single(f => f.Key == LedgerRollupKeys.StaffTotal).LedgerValue);
        Assert.Equal(80m, report.Figures.Single(f => f.Key == LedgerRollupKeys.StaffRd).Value);
        Assert.Equal(150m, report.Figures.Single(f => f.Key == LedgerRollupKeys.TrainingPersonTimes).Value);
        Assert.Contains(report.Figures, f => f.Key == LedgerRollupKeys.StandardsInternational);
        Assert.Equal(["shared-resource-hours", "rd-spending-share", "plan-completion"], report.ManualValues.Select(m => m.Code));
        Assert.Equal(0m, report.Figures.Single(f => f.Key == FundFigureKeys.ExecutionRate).LedgerValue);
        Assert.Equal(["results-quality", "industry-support", "plan-implementation"], report.Qualitative.Select(q => q.Code));
        Assert.True(report.CanEdit);
        var frozen = await app.Factory.WithDbAsync(db => db.AssessmentCycles.SingleAsync(c => c.Id == cycle.Id));
        Assert.Contains("\"results-quality\"", frozen.RulesJson);
        Assert.Equal(100m, frozen.Rules.IndicatorSystem.Dimensions.Sum(d => d.Points));
    }

    [ProviderFact]
    public async Task A_second_cycle_for_a_year_a_past_deadline_a_future_year_and_an_unknown_pack_are_refused_and_only_admins_open()
    {
        await using var app = await AssessmentApp<TFactory>.StartAsync();
        var y = AssessmentTestData.LastYear;
        await app.Admin.OpenCycleAsync(y);
        var center = await app.Factory.CreateCenterAsync();
        var user = await app.Factory.CenterUserAsync(center);

        var twice = await app.Admin.OpenAsync(y);
        var pastDeadline = await app.Admin.OpenAsync(y - 1, CenterTestData.Today.AddDays(-1));
        var future = await app.Admin.OpenAsync(CenterTestData.Today.Year + 1);
        var unknownPack = await app.Admin.OpenAsync(y - 2, policyCode: "shanghai-2030");
        var byCenter = await user.OpenAsync(y - 3);

        Assert.Contains("已开启", await twice.ProblemAsync(HttpStatusCode.Conflict));
        Assert.Contains("截止日期", await pastDeadline.ProblemAsync(HttpStatusCode.BadRequest));
        Assert.Contains("年度", await future.ProblemAsync(HttpStatusCode.BadRequest));
        Assert.Contains("shanghai-2030", await unknownPack.ProblemAsync(HttpStatusCode.BadRequest));
        Assert.Equal(HttpStatusCode.Forbidden, byCenter.StatusCode);
        Assert.Equal(1, await app.Factory.WithDbAsync(db => db.AssessmentCycles.CountAsync()));
    }

    [ProviderFact]
    public async Task A_figure_changes_only_with_a_reason_and_evidence_and_keeps_the_ledger_value_beside_it()
    {
        await using var app = await AssessmentApp<TFactory>.StartAsync();
        var center = await app.Factory.CreateCenterAsync(approvedOn: AssessmentTestData.ThreeYearsAgo);
        var user = await app.Factory.CenterUserAsync(center);
        var english = await app.Factory.ClientFor(Roles.CenterUser, center.Lead.Id, "en-US");
        var cycle = await app.Admin.OpenCycleAsync(AssessmentTestData.LastYear);
        var report = await user.ReportOfAsync(cycle.Id, center.Id);
        const string key = LedgerRollupKeys.InventionGrants;

        var notANumber = await user.SetValueAsync(report.Id, key, "N/A", "补录", ApplicationFlow.Pdf);
        var notANumberEn = await english.SetValueAsync(report.Id, key, "N/A", "late entry", ApplicationFlow.Pdf);
        var wrongUnit = await user.SetValueAsync(report.Id, LedgerRollupKeys.TransferContractValueWan, "1200元", "补录", ApplicationFlow.Pdf);
        var fraction = await user.SetValueAsync(report.Id, key, "2.5", "补录", ApplicationFlow.Pdf);
        var noReason = await user.SetValueAsync(report.Id, key, "3", evidence: ApplicationFlow.Pdf);
        var noEvidence = await user.SetValueAsync(report.Id, key, "3", "两项授权未录入台账");
        var unchanged = await user.GetReportAsync(report.Id);

        Assert.Contains("N/A", await notANumber.ProblemAsync(HttpStatusCode.BadRequest));
        Assert.Contains("not a number", await notANumberEn.ProblemAsync(HttpStatusCode.BadRequest));
        var unitProblem = await wrongUnit.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("元", unitProblem);
        Assert.Contains("万元", unitProblem);
        Assert.Contains("整数", await fraction.ProblemAsync(HttpStatusCode.BadRequest));
        Assert.Contains("理由", await noReason.ProblemAsync(HttpStatusCode.BadRequest));
        Assert.Contains("佐证", await noEvidence.ProblemAsync(HttpStatusCode.BadRequest));
        Assert.Equal(0m, unchanged!.Figures.Single(f => f.Key == key).Value);
        Assert.Equal(0, await app.Factory.WithDbAsync(db => db.StoredFiles.CountAsync(f => f.OwnerId == report.Id)));

        var changed = await user.SetValueAsync(report.Id, key, "3 项", "两项授权未录入台账", ApplicationFlow.Pdf);
        await AssessmentTestData.EnsureAsync(changed);
        var after = (await changed.Content.ReadFromJsonAsync<ReportDto>(Json.Options))!.Figures.Single(f => f.Key == key);
        var money = await user.SetValueAsync(report.Id, LedgerRollupKeys.TransferContractValueWan, "1,250.5万元", "合同未录入台账", ApplicationFlow.Pdf);
        await AssessmentTestData.EnsureAsync(money);
        var back = await user.SetValueAsync(report.Id, key, "");
        await AssessmentTestData.EnsureAsync(back);
        var reverted = (await back.Content.ReadFromJsonAsync<ReportDto>(Json.Options))!;

        Assert.Equal(0m, after.LedgerValue);
        Assert.Equal(3m, after.Value);
        Assert.True(after.Corrected);
        Assert.Equal("两项授权未录入台账", after.Reason);
        Assert.NotNull(after.Evidence);
        Assert.Equal(1250.5m, reverted.Figures.Single(f => f.Key == LedgerRollupKeys.TransferContractValueWan).Value);
        Assert.False(reverted.Figures.Single(f => f.Key == key).Corrected);
        Assert.Equal(0m, reverted.Figures.Single(f => f.Key == key).Value);
    }

    [ProviderFact]
    public async Task Submitting_names_every_missing_item_and_the_admin_returns_with_a_reason_then_accepts_which_opens_the_review()
    {
        await using var app = await AssessmentApp<TFactory>.StartAsync();
        var center = await app.Factory.CreateCenterAsync(approvedOn: AssessmentTestData.ThreeYearsAgo);
        var user = await app.Factory.CenterUserAsync(center);
        var cycle = await app.Admin.OpenCycleAsync(AssessmentTestData.LastYear);
        var report = await user.ReportOfAsync(cycle.Id, center.Id);

        var empty = await user.ActAsync(report.Id, "submit");
        var body = await empty.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("运行发展报告", body);
        Assert.Contains("rd-spending-share", body);

        await AssessmentTestData.EnsureAsync(await user.UploadDocumentAsync(report.Id));
        await AssessmentTestData.EnsureAsync(await user.SetValueAsync(report.Id, "shared-resource-hours", "1500 小时", evidence: ApplicationFlow.Pdf));
        await AssessmentTestData.EnsureAsync(await user.SetValueAsync(report.Id, "rd-spending-share", "35%"));
        var overPercent = await user.SetValueAsync(report.Id, "rd-spending-share", "120%", evidence: ApplicationFlow.Pdf);
        Assert.Contains("100", await overPercent.ProblemAsync(HttpStatusCode.BadRequest));
        // A center whose plan sets no target for the year enters its plan completion itself.
        await AssessmentTestData.EnsureAsync(await user.SetValueAsync(report.Id, "plan-completion", "80"));
        var noEvidence = await user.ActAsync(report.Id, "submit");
        Assert.Contains("rd-spending-share", await noEvidence.ProblemAsync(HttpStatusCode.BadRequest));
        await AssessmentTestData.EnsureAsync(await user.SetValueAsync(report.Id, "rd-spending-share", "35", evidence: ApplicationFlow.Pdf));

        var submitted = await user.ActAsync(report.Id, "submit");
        await AssessmentTestData.EnsureAsync(submitted);
        var locked = await user.SetValueAsync(report.Id, "rd-spending-share", "40");
        var byCenter = await user.ActAsync(report.Id, "accept");
        var noReason = await app.Admin.ActAsync(report.Id, "return", " ");
        var returned = await app.Admin.ActAsync(report.Id, "return", "研发经费占比缺少审计报告");
        await AssessmentTestData.EnsureAsync(returned);
        var asReturned = await user.GetReportAsync(report.Id);
        await AssessmentTestData.EnsureAsync(await user.ActAsync(report.Id, "submit"));
        var accepted = await app.Admin.AcceptAsync(report.Id);

        Assert.Equal(HttpStatusCode.Conflict, locked.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byCenter.StatusCode);
        Assert.Contains("理由", await noReason.ProblemAsync(HttpStatusCode.BadRequest));
        Assert.Equal("Returned", asReturned!.Status);
        Assert.Equal("研发经费占比缺少审计报告", asReturned.ReturnReason);
        Assert.True(asReturned.CanEdit);
        Assert.Equal("Accepted", accepted.Status);
        Assert.NotNull(accepted.ReviewSubjectId);
        Assert.Equal(35m, accepted.ManualValues.Single(m => m.Code == "rd-spending-share").Value);
        using var scope = app.Factory.Services.CreateScope();
        var status = await scope.ServiceProvider.GetRequiredService<ReviewSubjectHandlers>()
            .GetStatusAsync(ReviewSubjectKind.AnnualReport, report.Id, CancellationToken.None);
        Assert.Equal(accepted.ReviewSubjectId, status.SubjectId);
        var parties = await app.Factory.WithDbAsync(db => db.ReviewSubjects.Include(s => s.Parties).SingleAsync(s => s.Id == status.SubjectId));
        Assert.Contains(center.University.CreditCode, parties.PartyCreditCodes);
        Assert.Contains(center.Lead.CreditCode, parties.PartyCreditCodes);
    }

    [ProviderFact]
    public async Task The_admin_sees_reports_due_then_overdue_submitted_and_accepted_and_a_late_submission_is_marked()
    {
        await using var app = await AssessmentApp<TFactory>.StartAsync();
        var early = await app.Factory.CreateCenterAsync(approvedOn: AssessmentTestData.ThreeYearsAgo);
        var late = await app.Factory.CreateCenterAsync(approvedOn: AssessmentTestData.ThreeYearsAgo);
        var earlyUser = await app.Factory.CenterUserAsync(early);
        var lateUser = await app.Factory.CenterUserAsync(late);
        var cycle = await app.Admin.OpenCycleAsync(AssessmentTestData.LastYear, CenterTestData.Today.AddDays(10));
        await earlyUser.FileAsync(await earlyUser.ReportOfAsync(cycle.Id, early.Id));

        var before = await app.Admin.GetFromJsonAsync<CycleDto>($"/api/v1/assessment/cycles/{cycle.Id}", Json.Options);
        var due = await app.Admin.GetFromJsonAsync<PagedResult<ReportRow>>($"/api/v1/assessment/cycles/{cycle.Id}/reports?state=due", Json.Options);
        app.Factory.Clock.Advance(TimeSpan.FromDays(11));
        var after = await app.Admin.GetFromJsonAsync<CycleDto>($"/api/v1/assessment/cycles/{cycle.Id}", Json.Options);
        var overdue = await app.Admin.GetFromJsonAsync<PagedResult<ReportRow>>($"/api/v1/assessment/cycles/{cycle.Id}/reports?state=overdue", Json.Options);
        var filedLate = await lateUser.FileAsync(await lateUser.ReportOfAsync(cycle.Id, late.Id));
        var submitted = await app.Admin.GetFromJsonAsync<PagedResult<ReportRow>>($"/api/v1/assessment/cycles/{cycle.Id}/reports?state=submitted", Json.Options);
        var html = await app.Admin.GetStringAsync($"/Assessment/Cycle/{cycle.Id}?state=submitted");

        Assert.Equal((1, 0, 1), (before!.Reports.Due, before.Reports.Overdue, before.Reports.Submitted));
        Assert.Equal(late.Id, Assert.Single(due!.Items).CenterId);
        Assert.Equal((0, 1, 1), (after!.Reports.Due, after.Reports.Overdue, after.Reports.Submitted));
        Assert.Equal("逾期未报", Assert.Single(overdue!.Items).FilingLabel);
        Assert.True(filedLate.SubmittedLate);
        Assert.Equal(2, submitted!.Total);
        Assert.Contains(submitted.Items, r => r.CenterId == late.Id && r.SubmittedLate);
        Assert.Contains("逾期报送", html);
    }

    [ProviderFact]
    public async Task Only_the_centers_own_staff_read_and_file_its_report_and_only_admins_decide()
    {
        await using var app = await AssessmentApp<TFactory>.StartAsync();
        var center = await app.Factory.CreateCenterAsync(approvedOn: AssessmentTestData.ThreeYearsAgo);
        var other = await app.Factory.CreateCenterAsync(approvedOn: AssessmentTestData.ThreeYearsAgo);
        var user = await app.Factory.CenterUserAsync(center);
        var otherUser = await app.Factory.CenterUserAsync(other);
        var member = await app.Factory.MemberUserAsync(center.University);
        var expert = await app.Factory.ClientFor(Roles.Expert);
        var cycle = await app.Admin.OpenCycleAsync(AssessmentTestData.LastYear);
        var report = await user.ReportOfAsync(cycle.Id, center.Id);

        Assert.Equal(HttpStatusCode.NotFound, (await otherUser.GetAsync($"/api/v1/assessment/reports/{report.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/api/v1/assessment/reports/{report.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await expert.GetAsync($"/api/v1/assessment/reports/{report.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Factory.AnonymousClient().GetAsync($"/api/v1/assessment/reports/{report.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherUser.SetValueAsync(report.Id, "rd-spending-share", "30")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Admin.SetValueAsync(report.Id, "rd-spending-share", "30")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await user.GetAsync($"/api/v1/assessment/cycles/{cycle.Id}/reports")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherUser.GetAsync($"/Assessment/Report/{report.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync($"/Assessment/Report/{report.Id}")).StatusCode);
        var otherCycles = await otherUser.GetFromJsonAsync<List<CycleRow>>("/api/v1/assessment/cycles", Json.Options);
        Assert.DoesNotContain(otherCycles!, c => c.MyReportId == report.Id);
    }
}

public sealed class SqliteFilingTests : FilingTests<SqliteAppFactory>;

[PostgresSuite]
public sealed class PostgresFilingTests : FilingTests<PostgresAppFactory>;
