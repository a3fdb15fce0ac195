using System.Net;
using System.Net.Http.Json;
using InnoCenter.Domain.Applications;
using InnoCenter.Web.Features.Applications;
using InnoCenter.Web.Features.Notices;
using InnoCenter.Web.Features.Workbench;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Tests.Applications;
using InnoCenter.Web.Tests.Assessment;
using InnoCenter.Web.Tests.Centers;
using InnoCenter.Web.Tests.Infrastructure;
using InnoCenter.Web.Tests.Ledger;

namespace InnoCenter.Web.Tests.Workbench;

/// <summary>
/// The workbench per role, once per provider. Each test runs on a database of its own: the officer's counts cover the
/// whole database, so each number must equal exactly what the test made.
/// </summary>
public abstract class WorkbenchApiTests<TFactory>
    where TFactory : AppFactory, new()
{
    [ProviderFact]
    public async Task The_officer_sees_applications_to_check_to_decide_overdue_objections_panels_and_reports_each_counted()
    {
        await using var app = await AssessmentApp<TFactory>.StartAsync();
        var flow = await ApplicationFlow.StartAsync(app.Factory);
        await flow.SubmittedAsync();
        await flow.SubmittedAsync();
        var checking = await flow.SubmittedAsync();
        await Act(flow, checking, "begin-formal-check");
        var reviewing = await flow.SubmittedAsync();
        await Act(flow, reviewing, "begin-formal-check");
        await Act(flow, reviewing, "pass-formal-check");
        var deciding = await flow.SubmittedAsync();
        await flow.ForceStatusAsync(deciding, ApplicationStatus.Deliberation);
        var noticed = await flow.SubmittedAsync();
        await flow.ForceStatusAsync(noticed, ApplicationStatus.Deliberation);
        await Act(flow, noticed, "approve", new TransitionRequest { MeetingDate = CenterTestData.Today, DecisionNumber = "审议〔2026〕1号" });
        (await app.Factory.AnonymousClient().PostAsJsonAsync($"/api/v1/notices/{noticed}/objections",
            new ObjectionRequest { Name = "王某", Contact = "13800000000", Content = "成员单位资质存疑" })).EnsureSuccessStatusCode();
        var center = await app.Factory.CreateCenterAsync();
        var cycle = await app.Admin.OpenCycleAsync(AssessmentTestData.LastYear, CenterTestData.Today.AddDays(30));
        var centerUser = await app.Factory.CenterUserAsync(center);
        await centerUser.FileAsync(await centerUser.ReportOfAsync(cycle.Id, center.Id));
        // Six days on, the two applications still waiting for their check (5 days in the pack) are overdue.
        app.Factory.Clock.Advance(TimeSpan.FromDays(6));

        var wb = await WorkbenchOf(app.Admin);

        Assert.Equal((2, 2), Item(wb, "workbench.applications.toCheck"));
        Assert.Equal((1, 0), Item(wb, "workbench.applications.inFormalCheck"));
        Assert.Equal((1, 0), Item(wb, "workbench.applications.toDecide"));
        Assert.Equal((2, 2), Item(wb, "workbench.applications.overdueStages"));
        Assert.Equal((1, 0), Item(wb, "workbench.applications.objections"));
        Assert.Equal((1, 0), Item(wb, "workbench.reviews.panelsToDraw"));
        Assert.Equal((1, 0), Item(wb, "workbench.assessment.reportsToAccept"));
        Assert.Equal($"/Assessment/Cycle/{cycle.Id}?state=submitted", Find(wb, "workbench.assessment.reportsToAccept").Link);
        Assert.Equal("/Applications?status=Submitted", Find(wb, "workbench.applications.toCheck").Link);
        Assert.Equal("待形式审查的申报", Find(wb, "workbench.applications.toCheck").Title);
        Assert.Equal(wb.Groups.Sum(g => g.Items.Sum(i => i.Count)), wb.Total);

        // An accepted annual report of a cycle not yet published waits for its panel too.
        var report = await centerUser.ReportOfAsync(cycle.Id, center.Id);
        await app.Admin.AcceptAsync(report.Id);
        Assert.Equal((2, 0), Item(await WorkbenchOf(app.Admin), "workbench.reviews.panelsToDraw"));
    }

    [ProviderFact]
    public async Task The_applicant_sees_its_returned_applications_and_drafts_missing_materials_not_another_organisations()
    {
        await using var app = await AssessmentApp<TFactory>.StartAsync();
        var flow = await ApplicationFlow.StartAsync(app.Factory, "en-US");
        var other = await ApplicationFlow.StartAsync(app.Factory);
        await flow.CreateDraftAsync();
        var returned = await flow.SubmittedAsync();
        await Act(flow, returned, "return", new TransitionRequest { Reason = "请补充审计报告说明" });
        var othersReturned = await other.SubmittedAsync();
        await Act(other, othersReturned, "return", new TransitionRequest { Reason = "材料不全" });
        await other.CreateDraftAsync();

        var wb = await WorkbenchOf(flow.Applicant);

        Assert.Equal((1, 0), Item(wb, "workbench.applications.returned"));
        Assert.Equal((1, 0), Item(wb, "workbench.applications.materialsMissing"));
        Assert.Equal("Applications returned for revision", Find(wb, "workbench.applications.returned").Title);
        Assert.Equal(2, wb.Total);
    }

    [ProviderFact]
    public async Task The_centers_staff_see_the_report_due_overdue_after_the_deadline_and_ledger_records_without_evidence()
    {
        await using var app = await AssessmentApp<TFactory>.StartAsync();
        var center = await app.Factory.CreateCenterAsync();
        var user = await app.Factory.CenterUserAsync(center);
        var cycle = await app.Admin.OpenCycleAsync(AssessmentTestData.LastYear, app.Today.AddDays(10));
        var report = await user.ReportOfAsync(cycle.Id, center.Id);
        await user.CreateAsync("ip", LedgerTestData.Ip(center));
        var proven = await user.CreateAsync("ip", LedgerTestData.Ip(center));
        (await user.PostAsync($"/api/v1/ledger/ip/{proven.Id}/evidence", ApplicationFlow.File(ApplicationFlow.Pdf, "grant.pdf"))).EnsureSuccessStatusCode();

        var before = await WorkbenchOf(user);
        app.PassDeadline(cycle);
        var after = await WorkbenchOf(user);

        Assert.Equal((1, 0), Item(before, "workbench.assessment.reportDue"));
        Assert.Equal($"/Assessment/Report/{report.Id}", Find(before, "workbench.assessment.reportDue").Link);
        Assert.Equal((1, 1), Item(after, "workbench.assessment.reportDue"));
        Assert.Equal((1, 0), Item(before, "workbench.ledger.noEvidence.ip"));
        Assert.Equal($"/Ledger/ip?centerId={center.Id}", Find(before, "workbench.ledger.noEvidence.ip").Link);
        Assert.DoesNotContain(before.Groups.SelectMany(g => g.Items), i => i.Key == "workbench.ledger.noEvidence.deals");
    }

    [ProviderFact]
    public async Task A_member_sees_its_statement_lines_and_a_user_with_nothing_waiting_gets_an_empty_workbench()
    {
        await using var app = await AssessmentApp<TFactory>.StartAsync();
        var c = await app.Factory.CreateCenterAsync();
        var user = await app.Factory.CenterUserAsync(c);
        var ip = LedgerTestData.Ip(c);
        await user.CreateAsync("ip", ip);
        var counterparty = await c.Admin.CreateOrganizationAsync(TestData.Organization(name: "被许可企业" + Guid.NewGuid().ToString("N")[..6]));
        var deal = await user.CreateAsync("deals", LedgerTestData.Deal(c, counterparty.CreditCode, ip.Number!));
        foreach (var month in new[] { 6, 7 })
        {
            (await user.PostAsJsonAsync($"/api/v1/ledger/deals/{deal.Id}/receipts",
                new InnoCenter.Web.Features.Ledger.ReceiptRequest { ReceivedOn = c.InLastYear(month, 1), Amount = 1000m })).EnsureSuccessStatusCode();
        }

        var member = await WorkbenchOf(await app.Factory.MemberUserAsync(c.University));
        var bystander = await WorkbenchOf(await app.Factory.MemberUserAsync(c.Institute));
        var expert = await WorkbenchOf(await app.Factory.ClientFor(Roles.Expert));

        Assert.Equal((2, 0), Item(member, "workbench.ledger.statements"));
        Assert.Equal("/Ledger/statement", Find(member, "workbench.ledger.statements").Link);
        Assert.Equal(0, bystander.Total);
        Assert.Empty(bystander.Groups);
        Assert.Equal(0, expert.Total);
    }

    [ProviderFact]
    public async Task The_workbench_needs_a_signed_in_user_and_the_home_page_shows_it_or_says_nothing_waits()
    {
        await using var app = await AssessmentApp<TFactory>.StartAsync();
        var anonymous = app.Factory.AnonymousClient();
        var flow = await ApplicationFlow.StartAsync(app.Factory);
        await flow.SubmittedAsync();

        var api = await anonymous.GetAsync("/api/v1/workbench");
        var publicHome = await (await anonymous.GetAsync("/")).Content.ReadAsStringAsync();
        var adminHome = await (await app.Admin.GetAsync("/")).Content.ReadAsStringAsync();
        var emptyHome = await (await app.Factory.ClientFor(Roles.MemberUser, flow.University.Id, "en-US")).GetStringAsync("/");

        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Contains("制造业创新中心申报、认定、运行与年度考核全流程管理。", publicHome);
        Assert.Contains("待形式审查的申报", adminHome);
        Assert.Contains("href=\"/Applications?status=Submitted\"", adminHome);
        Assert.Contains("Nothing is waiting for you right now.", emptyHome);
    }

    private static async Task Act(ApplicationFlow flow, Guid id, string action, TransitionRequest? body = null)
    {
        var response = await flow.ActAsync(flow.Admin, id, action, body);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static async Task<WorkbenchDto> WorkbenchOf(HttpClient client) =>
        (await client.GetFromJsonAsync<WorkbenchDto>("/api/v1/workbench", Json.Options))!;

    private static WorkItemDto Find(WorkbenchDto wb, string key) =>
        wb.Groups.SelectMany(g => g.Items).SingleOrDefault(i => i.Key == key)
        ?? throw new Xunit.Sdk.XunitException($"No item {key}; the workbench has {string.Join(", ", wb.Groups.SelectMany(g => g.Items).Select(i => $"{i.Key}={i.Count}"))}");

    private static (int Count, int Overdue) Item(WorkbenchDto wb, string key)
    {
        var item = Find(wb, key);
        return (item.Count, item.Overdue);
    }
}

public sealed class SqliteWorkbenchApiTests : WorkbenchApiTests<SqliteAppFactory>;

[PostgresSuite]
public sealed class PostgresWorkbenchApiTests : WorkbenchApiTests<PostgresAppFactory>;
