using System.Net.Http.Json;
using InnoCenter.Domain.Policy;
using InnoCenter.Web.Features.Reminders;
using InnoCenter.Web.Features.Resources;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Policy;
using InnoCenter.Web.Tests.Centers;
using InnoCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnoCenter.Web.Tests.Resources;

/// <summary>
/// The day-before reminder of a booking (预约提醒) against a moved clock: each approved booking is reminded once, on the
/// pack's day before its Beijing start date, however often the reminder job runs; a cancelled booking never is.
/// </summary>
public abstract class BookingReminderTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    private ResourceRules Rules => factory.Services.GetRequiredService<PolicyProvider>().Current.Resources;

    [ProviderFact]
    public async Task Each_booking_is_reminded_once_the_day_before_and_a_cancelled_one_never()
    {
        var center = await factory.CreateCenterAsync();
        var owner = await factory.MemberUserAsync(center.University);
        var resource = await owner.CreateResourceAsync(ResourceTestData.Request(center));
        var booker = await factory.MemberUserAsync(center.Institute);
        var lead = Rules.ReminderDaysBefore + 1;
        var starts = ResourceTestData.BeijingDayAt(factory.Clock.GetUtcNow(), lead, 10);
        var kept = await Booked(await booker.BookAsync(resource.Id, starts, starts.AddHours(1)));
        var second = await Booked(await booker.BookAsync(resource.Id, starts.AddHours(2), starts.AddHours(3)));
        var cancelled = await Booked(await booker.BookAsync(resource.Id, starts.AddHours(4), starts.AddHours(5)));
        (await booker.PostAsJsonAsync($"/api/v1/resources/bookings/{cancelled.Id}/cancel", new DecisionRequest { Version = cancelled.Version })).EnsureSuccessStatusCode();

        await RunAsync();
        Assert.Equal(0, await SentAsync(kept.Id));

        // The day before, at 00:30 Beijing time: the booking's start date is now within the pack's days.
        var dayBefore = ResourceTestData.BeijingDayAt(factory.Clock.GetUtcNow(), lead - Rules.ReminderDaysBefore, 0.5);
        factory.Clock.Advance(dayBefore - factory.Clock.GetUtcNow());
        await RunAsync();
        await RunAsync();
        factory.Clock.Advance(TimeSpan.FromHours(12));
        await RunAsync();

        Assert.Equal(1, await SentAsync(kept.Id));
        Assert.Equal(1, await SentAsync(second.Id));
        Assert.Equal(0, await SentAsync(cancelled.Id));
        var text = Text("zh-CN", "reminders.booking_day_before", resource.Name, starts.ToBeijing(), starts.AddHours(1).ToBeijing("HH:mm"), resource.Location ?? "—");
        Assert.Equal(1, await factory.WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == kept.BookerUserId && n.TitleZh == text)));
        Assert.Equal(1, await factory.WithDbAsync(db => db.OutboxEmails.CountAsync(m => m.Subject == text)));
    }

    [ProviderFact]
    public async Task A_booking_starting_after_the_pack_days_is_not_reminded_yet()
    {
        var center = await factory.CreateCenterAsync();
        var owner = await factory.MemberUserAsync(center.University);
        var resource = await owner.CreateResourceAsync(ResourceTestData.Request(center));
        var booker = await factory.MemberUserAsync(center.Institute);
        var starts = ResourceTestData.BeijingDayAt(factory.Clock.GetUtcNow(), Rules.ReminderDaysBefore + 2, 10);
        var later = await Booked(await booker.BookAsync(resource.Id, starts, starts.AddHours(1)));

        await RunAsync();

        Assert.Equal(0, await SentAsync(later.Id));
    }

    private static async Task<BookingDto> Booked(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return (await response.Content.ReadFromJsonAsync<BookingDto>(Json.Options))!;
    }

    private Task<int> RunAsync() => factory.RunRemindersAsync();

    private Task<int> SentAsync(Guid bookingId) =>
        factory.WithDbAsync(db => db.SentReminders.CountAsync(r => r.Kind == ReminderKinds.BookingDayBefore && r.SubjectId == bookingId));

    private string Text(string culture, string key, params object[] args) => factory.Text(culture, key, args);
}

public sealed class SqliteBookingReminderTests(SqliteAppFactory factory) : BookingReminderTests<SqliteAppFactory>(factory);

[PostgresSuite]
public sealed class PostgresBookingReminderTests(PostgresAppFactory factory) : BookingReminderTests<PostgresAppFactory>(factory);
