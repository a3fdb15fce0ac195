using System.Net.Http.Json;
using InnoCenter.Domain.Policy;
using InnoCenter.Web.Features.Account;
using InnoCenter.Web.Features.Reminders;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Policy;
using InnoCenter.Web.Tests.Applications;
using InnoCenter.Web.Tests.Assessment;
using InnoCenter.Web.Tests.Centers;
using InnoCenter.Web.Tests.Infrastructure;
using InnoCenter.Web.Tests.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnoCenter.Web.Tests.Mail;

/// <summary>
/// The reminder jobs against a moved clock: each reminder goes out once to the right people in their language, however
/// often the job runs. The days come from the policy pack in force, never from the test.
/// </summary>
public abstract class ReminderTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    private PolicyPack Pack => factory.Services.GetRequiredService<PolicyProvider>().Current;

    [ProviderFact]
    public async Task Stage_overdue_reaches_the_officers_and_a_returned_application_its_applicant_once_each()
    {
        var flow = await ApplicationFlow.StartAsync(factory);
        var applicantEmail = await EmailAndCultureAsync(flow.Applicant, "en-US");
        var adminEmail = await EmailAndCultureAsync(flow.Admin, null);
        var submitted = await flow.SubmittedAsync();
        var returned = await flow.SubmittedAsync();
        (await flow.ActAsync(flow.Admin, returned, "return", new { reason = "请补充审计报告" })).EnsureSuccessStatusCode();
        var submittedName = (await flow.ReadAsync(submitted)).Summary.CenterName;
        var returnedName = (await flow.ReadAsync(returned)).Summary.CenterName;

        Assert.Equal(0, await SentAsync(ReminderKinds.StageOverdue, submitted));
        var days = Math.Max(Pack.Applications.StageDays["Submitted"], Pack.Reminders.ReturnedUnansweredDays);
        factory.Clock.Advance(TimeSpan.FromDays(days + 1));

        Assert.True(await RunAsync() > 0);
        Assert.Equal(0, await RunAsync());

        Assert.Equal(1, await SentAsync(ReminderKinds.StageOverdue, submitted));
        Assert.Equal(1, await SentAsync(ReminderKinds.ReturnedUnanswered, returned));
        var toOfficer = Text("zh-CN", "reminders.stage_overdue", submittedName, Pack.Applications.StageDays["Submitted"]);
        Assert.Equal(1, await MailsAsync(adminEmail, toOfficer));
        var toApplicant = Text("en-US", "reminders.returned_unanswered", returnedName, Pack.Reminders.ReturnedUnansweredDays);
        Assert.StartsWith("The application", toApplicant);
        Assert.Equal(1, await MailsAsync(applicantEmail, toApplicant));
    }

    [ProviderFact]
    public async Task An_unfiled_annual_report_is_reminded_once_before_its_deadline_and_once_after()
    {
        var name = "提醒测试中心" + Guid.NewGuid().ToString("N")[..6];
        var center = await factory.CreateCenterAsync(name);
        var staff = await factory.CenterUserAsync(center);
        var email = await EmailAndCultureAsync(staff, null);
        var today = factory.Clock.TodayInBeijingForTests();
        var deadline = today.AddDays(Pack.Reminders.ReportDueDays - 1);
        var cycle = await center.Admin.OpenCycleAsync(AssessmentTestData.LastYear, deadline);
        var report = await staff.ReportOfAsync(cycle.Id, center.Id);
        var dueText = Text("zh-CN", "reminders.report_due", name, report.Year, deadline.ToString("yyyy-MM-dd"));

        await RunAsync();
        await RunAsync();
        Assert.Equal(1, await SentAsync(ReminderKinds.ReportDue, report.Id));
        Assert.Equal(1, await MailsAsync(email, dueText));
        Assert.Equal(0, await SentAsync(ReminderKinds.ReportOverdue, report.Id));

        factory.Clock.Advance(TimeSpan.FromDays(Pack.Reminders.ReportDueDays + 1));
        await RunAsync();
        Assert.Equal(0, await RunAsync());
        Assert.Equal(1, await SentAsync(ReminderKinds.ReportOverdue, report.Id));
        Assert.Equal(1, await MailsAsync(email, Text("zh-CN", "reminders.report_overdue", name, report.Year, deadline.ToString("yyyy-MM-dd"))));
        Assert.Equal(1, await MailsAsync(email, dueText));
    }

    [ProviderFact]
    public async Task An_expert_is_reminded_once_of_a_seat_not_answered_and_once_of_one_not_scored()
    {
        var admin = await factory.ClientFor(Roles.Admin);
        await factory.PoolAsync(admin);
        var subject = await factory.SubjectAsync(admin);
        var panel = await admin.DrawAsync(subject.Id);
        var accepting = panel.Members[0];
        (await ReviewTestData.ClientOf(accepting.ExpertId).PostAsync($"/api/v1/reviews/assignments/{accepting.Id}/accept", null)).EnsureSuccessStatusCode();
        var silent = panel.Members[1];

        factory.Clock.Advance(TimeSpan.FromDays(Math.Max(Pack.Reminders.AssignmentAcceptDays, Pack.Reminders.AssignmentScoreDays) + 1));
        await RunAsync();
        Assert.Equal(0, await RunAsync());

        Assert.Equal(1, await SentAsync(ReminderKinds.AssignmentNotScored, accepting.Id));
        Assert.Equal(0, await SentAsync(ReminderKinds.AssignmentNotAccepted, accepting.Id));
        Assert.Equal(1, await SentAsync(ReminderKinds.AssignmentNotAccepted, silent.Id));
        var silentUser = await factory.WithDbAsync(db => db.Experts.Where(e => e.Id == silent.ExpertId).Select(e => e.UserId!.Value).SingleAsync());
        var expected = Text("zh-CN", "reminders.assignment_not_accepted", subject.Title, Pack.Reminders.AssignmentAcceptDays);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == silentUser && n.TitleZh == expected)));
    }

    private Task<int> RunAsync() => factory.RunRemindersAsync();

    private Task<int> SentAsync(string kind, Guid subjectId) =>
        factory.WithDbAsync(db => db.SentReminders.CountAsync(r => r.Kind == kind && r.SubjectId == subjectId));

    private Task<int> MailsAsync(string to, string subject) =>
        factory.WithDbAsync(db => db.OutboxEmails.CountAsync(m => m.To == to && m.Subject == subject));

    private string Text(string culture, string key, params object[] args) => factory.Text(culture, key, args);

    /// <summary>The client's own address, after setting its mail language when one is given.</summary>
    private static async Task<string> EmailAndCultureAsync(HttpClient client, string? culture)
    {
        if (culture is not null)
        {
            (await client.PutAsJsonAsync("/api/v1/account/preferences", new PreferencesRequest(culture))).EnsureSuccessStatusCode();
        }

        return (await client.GetFromJsonAsync<PreferencesDto>("/api/v1/account/preferences", Json.Options))!.Email;
    }
}

internal static class ClockDays
{
    public static DateOnly TodayInBeijingForTests(this TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), LocalizationSetup.Beijing).DateTime);
}

public sealed class SqliteReminderTests(SqliteAppFactory factory) : ReminderTests<SqliteAppFactory>(factory);

[PostgresSuite]
public sealed class PostgresReminderTests(PostgresAppFactory factory) : ReminderTests<PostgresAppFactory>(factory);
