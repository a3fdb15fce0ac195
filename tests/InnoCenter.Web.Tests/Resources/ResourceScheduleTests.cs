using System.Globalization;
using System.Net.Http.Json;
using InnoCenter.Domain.Resources;
using InnoCenter.Web.Features.Resources;
using InnoCenter.Web.Tests.Centers;
using InnoCenter.Web.Tests.Infrastructure;

namespace InnoCenter.Web.Tests.Resources;

/// <summary>The week view across several resources: each resource's own bookings and closures of that week, no other.</summary>
public abstract class ResourceScheduleTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    [ProviderFact]
    public async Task The_schedule_shows_each_resources_bookings_and_closures_of_the_week_only()
    {
        var center = await factory.CreateCenterAsync();
        var owner = await factory.MemberUserAsync(center.University);
        var tag = "周视图" + Guid.NewGuid().ToString("N")[..6];
        var a = await owner.CreateResourceAsync(ResourceTestData.Request(center, name: tag + "甲"));
        var b = await owner.CreateResourceAsync(ResourceTestData.Request(center, name: tag + "乙"));
        var idle = await owner.CreateResourceAsync(ResourceTestData.Request(center, name: tag + "丙"));
        var now = factory.Clock.GetUtcNow();
        var day = ResourceTestData.BeijingDayAt(now, 2, 10);
        var monday = BeijingTime.MondayOf(DateOnly.FromDateTime(day.ToBeijingTime().DateTime));
        var booker = await factory.MemberUserAsync(center.Institute);
        (await booker.BookAsync(a.Id, day, day.AddHours(2))).EnsureSuccessStatusCode();
        (await booker.BookAsync(b.Id, day.AddHours(3), day.AddHours(4))).EnsureSuccessStatusCode();
        (await booker.BookAsync(a.Id, day.AddDays(7), day.AddDays(7).AddHours(1))).EnsureSuccessStatusCode();
        var closure = await owner.PostAsJsonAsync($"/api/v1/resources/{b.Id}/blackouts",
            new BlackoutRequest { Starts = day.AddHours(12), Ends = day.AddHours(13), Reason = "检定" });
        closure.EnsureSuccessStatusCode();

        var week = await booker.GetFromJsonAsync<ResourceScheduleDto>(
            $"/api/v1/resources/schedule?q={Uri.EscapeDataString(tag)}&week={day.ToBeijingTime():yyyy-MM-dd}&pageSize=500", Json.Options);

        Assert.Equal(monday, week!.Monday);
        Assert.Equal(ResourceSchedule.MaxResources, week.Rows.PageSize);
        Assert.Equal(3, week.Rows.Total);
        var rows = week.Rows.Items.ToDictionary(r => r.Resource.Id);
        Assert.Equal([day], rows[a.Id].Bookings.Select(x => x.Starts));
        Assert.Equal([day.AddHours(3)], rows[b.Id].Bookings.Select(x => x.Starts));
        Assert.Equal([day.AddHours(12)], rows[b.Id].Blackouts.Select(x => x.Starts));
        Assert.Empty(rows[idle.Id].Bookings);
        Assert.Empty(rows[a.Id].Blackouts);

        var next = await booker.GetFromJsonAsync<ResourceScheduleDto>(
            $"/api/v1/resources/schedule?q={Uri.EscapeDataString(tag)}&week={monday.AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}", Json.Options);
        Assert.Equal([day.AddDays(7)], next!.Rows.Items.Single(r => r.Resource.Id == a.Id).Bookings.Select(x => x.Starts));
        Assert.Empty(next.Rows.Items.Single(r => r.Resource.Id == b.Id).Bookings);
    }

    [ProviderFact]
    public async Task The_week_and_day_views_show_another_organisations_booking_as_busy_time_without_its_purpose_booker_or_charge()
    {
        var center = await factory.CreateCenterAsync();
        var owner = await factory.MemberUserAsync(center.University);
        var tag = "忙闲" + Guid.NewGuid().ToString("N")[..6];
        var resource = await owner.CreateResourceAsync(ResourceTestData.Request(center, name: tag));
        var day = ResourceTestData.BeijingDayAt(factory.Clock.GetUtcNow(), 2, 10);
        var booker = await factory.MemberUserAsync(center.Institute);
        var secret = "保密课题" + Guid.NewGuid().ToString("N")[..6];
        (await booker.PostAsJsonAsync($"/api/v1/resources/{resource.Id}/bookings",
            new BookingRequest { Starts = day, Ends = day.AddHours(2), Purpose = secret })).EnsureSuccessStatusCode();
        var other = await factory.MemberUserAsync(center.Lead);

        foreach (var path in new[] { "schedule?week", "schedule/day?day" })
        {
            var json = await other.GetStringAsync($"/api/v1/resources/{path}={day.ToBeijingTime():yyyy-MM-dd}&q={Uri.EscapeDataString(tag)}");
            var rows = System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("rows").GetProperty("items");
            var row = Assert.Single(System.Text.Json.JsonSerializer.Deserialize<List<ScheduleRowDto>>(rows.GetRawText(), Json.Options)!);
            var busy = Assert.Single(row.Bookings);
            Assert.Equal((day, day.AddHours(2), center.Institute.Name), (busy.Starts, busy.Ends, busy.BookerOrganizationName));
            Assert.DoesNotContain(secret, json, StringComparison.Ordinal);
            foreach (var field in new[] { "\"purpose\"", "\"charge\"", "\"bookerUserId\"", "\"unitFee\"", "\"memberFee\"", "\"description\"" })
            {
                Assert.DoesNotContain(field, json, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [ProviderFact]
    public async Task The_schedule_page_lists_the_week_of_the_resources_in_both_languages()
    {
        var center = await factory.CreateCenterAsync();
        var owner = await factory.MemberUserAsync(center.University);
        var tag = "周视图页" + Guid.NewGuid().ToString("N")[..6];
        var a = await owner.CreateResourceAsync(ResourceTestData.Request(center, name: tag));
        var day = ResourceTestData.BeijingDayAt(factory.Clock.GetUtcNow(), 2, 9);
        (await owner.BookAsync(a.Id, day, day.AddHours(2).AddMinutes(30))).EnsureSuccessStatusCode();
        foreach (var culture in new[] { "zh-CN", "en-US" })
        {
            var client = await factory.MemberUserAsync(center.Institute, culture);
            var html = await client.GetStringAsync($"/Resources/Schedule?q={Uri.EscapeDataString(tag)}&week={day.ToBeijingTime():yyyy-MM-dd}");
            Assert.Contains(a.Name, html);
            Assert.Contains("09:00–11:30", html);
            Assert.Contains(culture == "zh-CN" ? "多资源周视图" : "Week schedule", html);
            Assert.DoesNotContain(">resources.", html);
        }
    }

    [ProviderFact]
    public async Task The_day_view_shows_each_resources_bookings_and_closures_of_that_day_only_and_one_resource_when_asked()
    {
        var center = await factory.CreateCenterAsync();
        var owner = await factory.MemberUserAsync(center.University);
        var tag = "日视图" + Guid.NewGuid().ToString("N")[..6];
        var a = await owner.CreateResourceAsync(ResourceTestData.Request(center, name: tag + "甲"));
        var b = await owner.CreateResourceAsync(ResourceTestData.Request(center, name: tag + "乙"));
        var day = ResourceTestData.BeijingDayAt(factory.Clock.GetUtcNow(), 2, 10);
        var date = DateOnly.FromDateTime(day.ToBeijingTime().DateTime);
        var booker = await factory.MemberUserAsync(center.Institute);
        (await booker.BookAsync(a.Id, day, day.AddHours(2))).EnsureSuccessStatusCode();
        (await booker.BookAsync(a.Id, day.AddDays(1), day.AddDays(1).AddHours(1))).EnsureSuccessStatusCode();
        (await booker.BookAsync(b.Id, day.AddDays(-1).AddHours(3), day.AddDays(-1).AddHours(4))).EnsureSuccessStatusCode();
        var closure = await owner.PostAsJsonAsync($"/api/v1/resources/{b.Id}/blackouts",
            new BlackoutRequest { Starts = day.AddHours(4), Ends = day.AddHours(5), Reason = "检定" });
        closure.EnsureSuccessStatusCode();

        var view = await booker.GetFromJsonAsync<ResourceDayScheduleDto>(
            $"/api/v1/resources/schedule/day?q={Uri.EscapeDataString(tag)}&day={date:yyyy-MM-dd}", Json.Options);

        Assert.Equal(date, view!.Day);
        Assert.Equal(2, view.Rows.Total);
        var rows = view.Rows.Items.ToDictionary(r => r.Resource.Id);
        Assert.Equal([day], rows[a.Id].Bookings.Select(x => x.Starts));
        Assert.Empty(rows[b.Id].Bookings);
        Assert.Equal([day.AddHours(4)], rows[b.Id].Blackouts.Select(x => x.Starts));
        Assert.Empty(rows[a.Id].Blackouts);

        var before = await booker.GetFromJsonAsync<ResourceDayScheduleDto>(
            $"/api/v1/resources/schedule/day?resourceId={b.Id}&day={date.AddDays(-1):yyyy-MM-dd}", Json.Options);
        var only = Assert.Single(before!.Rows.Items);
        Assert.Equal(b.Id, only.Resource.Id);
        Assert.Equal([day.AddDays(-1).AddHours(3)], only.Bookings.Select(x => x.Starts));
        Assert.Empty(only.Blackouts);
    }

    [ProviderFact]
    public async Task The_day_page_lists_the_day_in_both_languages_and_the_week_view_links_to_it()
    {
        var center = await factory.CreateCenterAsync();
        var owner = await factory.MemberUserAsync(center.University);
        var tag = "日视图页" + Guid.NewGuid().ToString("N")[..6];
        var a = await owner.CreateResourceAsync(ResourceTestData.Request(center, name: tag,
            openingHours: "Mon 08:30-17:30; Tue 08:30-17:30; Wed 08:30-17:30; Thu 08:30-17:30; Fri 08:30-17:30; Sat 08:30-17:30; Sun 08:30-17:30"));
        var day = ResourceTestData.BeijingDayAt(factory.Clock.GetUtcNow(), 2, 9);
        var date = day.ToBeijingTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        (await owner.BookAsync(a.Id, day, day.AddHours(2).AddMinutes(30))).EnsureSuccessStatusCode();
        (await owner.BookAsync(a.Id, day.AddDays(1).AddHours(5), day.AddDays(1).AddHours(6))).EnsureSuccessStatusCode();
        foreach (var culture in new[] { "zh-CN", "en-US" })
        {
            var client = await factory.MemberUserAsync(center.Institute, culture);
            var week = await client.GetStringAsync($"/Resources/Schedule?q={Uri.EscapeDataString(tag)}&week={date}");
            Assert.Contains($"/Resources/Day?q={Uri.EscapeDataString(tag)}&amp;day={date}", week);

            var html = await client.GetStringAsync($"/Resources/Day?q={Uri.EscapeDataString(tag)}&day={date}");
            Assert.Contains(a.Name, html);
            Assert.Contains("09:00–11:30", html);
            Assert.Contains("08:30–17:30", html);
            Assert.DoesNotContain("14:00–15:00", html);
            Assert.Contains(culture == "zh-CN" ? "资源日视图" : "Day schedule", html);
            Assert.DoesNotContain(">resources.", html);

            var details = await client.GetStringAsync($"/Resources/Details/{a.Id}?week={date}");
            Assert.Contains($"/Resources/Day?resourceId={a.Id}&amp;day={date}", details);
        }
    }
}

public sealed class SqliteResourceScheduleTests(SqliteAppFactory factory) : ResourceScheduleTests<SqliteAppFactory>(factory);

[PostgresSuite]
public sealed class PostgresResourceScheduleTests(PostgresAppFactory factory) : ResourceScheduleTests<PostgresAppFactory>(factory);
