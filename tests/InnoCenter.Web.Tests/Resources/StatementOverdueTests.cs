using System.Globalization;
using System.Net.Http.Json;
using InnoCenter.Domain.Resources;
using InnoCenter.Web.Features.Reminders;
using InnoCenter.Web.Features.Resources;
using InnoCenter.Web.Features.Workbench;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Policy;
using InnoCenter.Web.Infrastructure.Web;
using InnoCenter.Web.Tests.Centers;
using InnoCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnoCenter.Web.Tests.Resources;

/// <summary>
/// Overdue statements over several payers and months at once — the month lists and the workbench read them grouped,
/// so a wrong grouping shows here — and the one mail per payer user when a statement falls overdue.
/// </summary>
public abstract class StatementOverdueTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    [ProviderFact]
    public async Task Three_months_of_two_payers_are_listed_and_counted_overdue_by_month_payer_and_payment()
    {
        var center = await factory.CreateCenterAsync();
        var owner = await factory.MemberUserAsync(center.University);
        var leadOwner = await factory.MemberUserAsync(center.Lead);
        var resource = await owner.CreateResourceAsync(ResourceTestData.Request(center));
        var leadResource = await leadOwner.CreateResourceAsync(ResourceTestData.Request(center, owner: center.Lead.Id));
        var payerA = await factory.MemberUserAsync(center.Institute);
        var payerB = await factory.MemberUserAsync(center.Lead);
        var admin = await factory.ClientFor(Roles.Admin);

        // Month M: A and B each use 2 h of the university's resource (400 yuan each).
        var m = await UsedAsync([(payerA, owner, resource.Id, 10, 2), (payerB, owner, resource.Id, 13, 2)]);
        // Month M+1: A uses 1 h of the university's and 2 h of the lead's resource (600 yuan, two owners).
        factory.MoveTo(m.AddMonths(1));
        var m1 = await UsedAsync([(payerA, owner, resource.Id, 10, 1), (payerA, leadOwner, leadResource.Id, 13, 2)]);
        // Month M+2: A uses 2 h of the university's resource again.
        factory.MoveTo(m.AddMonths(2));
        var m2 = await UsedAsync([(payerA, owner, resource.Id, 10, 2)]);
        Assert.Equal((m.AddMonths(1), m.AddMonths(2)), (m1, m2));

        await PayAsync(owner, center.Lead.Id, m, 400m);
        await PayAsync(admin, center.Institute.Id, m1, 600m);
        factory.MoveTo(m2.AddMonths(1).AddDays(45));

        Assert.Equal(
            Rows([new(center.Institute.Id, "", 400m, StatementPaymentState.Overdue, default, null, null), new(center.Lead.Id, "", 400m, StatementPaymentState.Paid, default, null, null)]),
            Rows(await ListAsync(owner, m, null)));
        Assert.Equal([(center.Institute.Id, StatementPaymentState.Overdue, 400m)], Rows(await ListAsync(owner, m, StatementPaymentState.Overdue)));
        // The university runs only part of what A was charged in M+1, so it does not list that statement; an Admin does.
        Assert.Empty(await ListAsync(owner, m1, null));
        Assert.Contains((center.Institute.Id, StatementPaymentState.Paid, 600m), Rows(await ListAsync(admin, m1, null)));
        Assert.Equal([(center.Institute.Id, StatementPaymentState.Overdue, 400m)], Rows(await ListAsync(owner, m2, null)));

        var itemA = StatementItem(await payerA.GetFromJsonAsync<WorkbenchDto>("/api/v1/workbench", Json.Options));
        Assert.Equal((2, 2, $"/Resources/Statement?month={m:yyyy-MM}"), (itemA!.Count, itemA.Overdue, itemA.Link));
        Assert.Null(StatementItem(await payerB.GetFromJsonAsync<WorkbenchDto>("/api/v1/workbench", Json.Options)));
    }

    [ProviderFact]
    public async Task A_month_of_statements_comes_a_page_at_a_time_with_the_state_filtered_before_the_page_is_cut()
    {
        var center = await factory.CreateCenterAsync();
        var owner = await factory.MemberUserAsync(center.University);
        var resource = await owner.CreateResourceAsync(ResourceTestData.Request(center));
        var payerA = await factory.MemberUserAsync(center.Institute);
        var payerB = await factory.MemberUserAsync(center.Lead);
        var month = await UsedAsync([(payerA, owner, resource.Id, 10, 2), (payerB, owner, resource.Id, 13, 1)]);
        await PayAsync(owner, center.Lead.Id, month, 200m);

        // Before the due date the unpaid statement comes first; after it, the paid one (the order of the states).
        var first = await PageAsync(owner, month, null, 1, 1);
        var second = await PageAsync(owner, month, null, 2, 1);
        Assert.Equal((2, 2), (first.Total, first.PageCount));
        Assert.Equal([(center.Institute.Id, StatementPaymentState.Unpaid, 400m)], Rows(first.Items));
        Assert.Equal([(center.Lead.Id, StatementPaymentState.Paid, 200m)], Rows(second.Items));
        var unpaid = await PageAsync(owner, month, StatementPaymentState.Unpaid, 1, 1);
        Assert.Equal((1, center.Institute.Id), (unpaid.Total, Assert.Single(unpaid.Items).OrganizationId));
        Assert.Equal(0, (await PageAsync(owner, month, StatementPaymentState.Overdue, 1, 1)).Total);

        factory.MoveTo(month.AddMonths(1).AddDays(factory.Services.GetRequiredService<PolicyProvider>().Current.Resources.PaymentDaysAfterIssue + 1));
        Assert.Equal([(center.Lead.Id, StatementPaymentState.Paid, 200m)], Rows((await PageAsync(owner, month, null, 1, 1)).Items));
        Assert.Equal([(center.Institute.Id, StatementPaymentState.Overdue, 400m)], Rows((await PageAsync(owner, month, null, 2, 1)).Items));
        var overdue = await PageAsync(owner, month, StatementPaymentState.Overdue, 1, 1);
        var paid = await PageAsync(owner, month, StatementPaymentState.Paid, 1, 1);
        Assert.Equal((1, center.Institute.Id), (overdue.Total, Assert.Single(overdue.Items).OrganizationId));
        Assert.Equal((1, center.Lead.Id), (paid.Total, Assert.Single(paid.Items).OrganizationId));
        Assert.Equal(0, (await PageAsync(owner, month, StatementPaymentState.Unpaid, 1, 1)).Total);
    }

    [ProviderFact]
    public async Task A_statement_past_its_payment_days_mails_each_payer_user_once_and_a_paid_one_none()
    {
        var center = await factory.CreateCenterAsync();
        var owner = await factory.MemberUserAsync(center.University);
        var resource = await owner.CreateResourceAsync(ResourceTestData.Request(center));
        var payer = await factory.MemberUserAsync(center.Institute);
        var (english, _) = await factory.CreateUserAsync(Roles.MemberUser, center.Institute.Id);
        await factory.WithDbAsync(db => db.Users.Where(u => u.Id == english.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.PreferredCulture, "en-US")));
        var paidPayer = await factory.MemberUserAsync(center.Lead);
        var month = await UsedAsync([(payer, owner, resource.Id, 10, 2), (paidPayer, owner, resource.Id, 13, 2)]);
        await PayAsync(owner, center.Lead.Id, month, 400m);
        var due = month.AddMonths(1).AddDays(factory.Services.GetRequiredService<PolicyProvider>().Current.Resources.PaymentDaysAfterIssue);

        factory.MoveTo(due);
        await factory.RunRemindersAsync();
        Assert.Equal(0, await MailedAsync(center.Institute.Id));

        factory.MoveTo(due.AddDays(1));
        await factory.RunRemindersAsync();
        await factory.RunRemindersAsync();
        factory.Clock.Advance(TimeSpan.FromDays(2));
        await factory.RunRemindersAsync();

        var users = await factory.WithDbAsync(db => db.Users.Where(u => u.OrganizationId == center.Institute.Id && u.IsActive).Select(u => u.Id).ToListAsync());
        Assert.Equal(2, users.Count);
        var zh = factory.Text("zh-CN", "reminders.statement_overdue", month.Year, month.Month, "400.00", due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var en = factory.Text("en-US", "reminders.statement_overdue", month.Year, month.Month, "400.00", due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        foreach (var user in users)
        {
            Assert.Equal(1, await factory.WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == user && n.TitleZh == zh && n.TitleEn == en)));
        }

        Assert.Equal(1, await factory.WithDbAsync(db => db.OutboxEmails.CountAsync(e => e.Subject == zh)));
        Assert.Equal(1, await factory.WithDbAsync(db => db.OutboxEmails.CountAsync(e => e.Subject == en)));
        Assert.Equal(0, await MailedAsync(center.Lead.Id));
    }

    private static List<(Guid, StatementPaymentState, decimal)> Rows(IEnumerable<StatementListRow> rows) =>
        rows.Select(r => (r.OrganizationId, r.State, r.Total)).OrderBy(r => r.OrganizationId).ToList();

    private static WorkItemDto? StatementItem(WorkbenchDto? work) =>
        work!.Groups.SelectMany(g => g.Items).SingleOrDefault(i => i.Link.StartsWith("/Resources/Statement", StringComparison.Ordinal));

    private async Task<IReadOnlyList<StatementListRow>> ListAsync(HttpClient client, DateOnly month, StatementPaymentState? state) =>
        (await PageAsync(client, month, state, 1, 200)).Items;

    private static async Task<PagedResult<StatementListRow>> PageAsync(HttpClient client, DateOnly month, StatementPaymentState? state, int page, int pageSize) =>
        (await client.GetFromJsonAsync<PagedResult<StatementListRow>>(
            $"/api/v1/resources/statements?year={month.Year}&month={month.Month}&page={page}&pageSize={pageSize}" + (state is { } s ? $"&state={s}" : string.Empty), Json.Options))!;

    /// <summary>
    /// Books each (payer, hours at an hour) tomorrow (Beijing), moves past the last end and records the usage by the
    /// resource's manager; returns the first day of the month the bookings fell in.
    /// </summary>
    private async Task<DateOnly> UsedAsync(IReadOnlyList<(HttpClient Payer, HttpClient Manager, Guid Resource, double At, int Hours)> uses)
    {
        var booked = new List<(HttpClient Manager, Guid Id, int Hours, DateTimeOffset Ends)>();
        foreach (var (payer, manager, resourceId, at, hours) in uses)
        {
            var starts = ResourceTestData.BeijingDayAt(factory.Clock.GetUtcNow(), 1, at);
            var response = await payer.BookAsync(resourceId, starts, starts.AddHours(hours));
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            booked.Add((manager, (await response.Content.ReadFromJsonAsync<BookingDto>(Json.Options))!.Id, hours, starts.AddHours(hours)));
        }

        var last = booked.Max(b => b.Ends);
        factory.Clock.Advance(last.AddHours(1) - factory.Clock.GetUtcNow());
        foreach (var (manager, id, hours, _) in booked)
        {
            var used = await manager.PostAsJsonAsync($"/api/v1/resources/bookings/{id}/usage", new UsageRequest { UsedHours = hours });
            Assert.True(used.IsSuccessStatusCode, await used.Content.ReadAsStringAsync());
        }

        var local = last.ToBeijingTime();
        return new DateOnly(local.Year, local.Month, 1);
    }

    private static async Task PayAsync(HttpClient recorder, Guid payerId, DateOnly month, decimal amount)
    {
        var paid = await recorder.PostAsJsonAsync($"/api/v1/resources/statements/{payerId}/{month.Year}/{month.Month}/payment",
            new StatementPaymentRequest { PaidOn = month, Amount = amount, Reference = "HX-" + month.ToString("yyyyMM", CultureInfo.InvariantCulture), Version = 0 });
        Assert.True(paid.IsSuccessStatusCode, await paid.Content.ReadAsStringAsync());
    }

    private Task<int> MailedAsync(Guid organizationId) =>
        factory.WithDbAsync(db => db.SentReminders.CountAsync(r => r.Kind == ReminderKinds.StatementOverdue && r.SubjectId == organizationId));
}

public sealed class SqliteStatementOverdueTests(SqliteAppFactory factory) : StatementOverdueTests<SqliteAppFactory>(factory);

[PostgresSuite]
public sealed class PostgresStatementOverdueTests(PostgresAppFactory factory) : StatementOverdueTests<PostgresAppFactory>(factory);
