using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using InnoCenter.Domain.Resources;
using InnoCenter.Web.Features.Resources;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Tests.Centers;
using InnoCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Tests.Resources;

/// <summary>The module's pages render for every role that sees them, in both languages, and their forms reach the rules.</summary>
public sealed class ResourcePageTests(SqliteAppFactory factory) : IClassFixture<SqliteAppFactory>
{
    [Fact]
    public async Task Every_page_renders_for_each_role_in_both_languages_without_a_raw_key()
    {
        var center = await factory.CreateCenterAsync();
        var owner = await factory.MemberUserAsync(center.University);
        var resource = await owner.CreateResourceAsync(ResourceTestData.Request(center, needsApproval: true));
        var starts = ResourceTestData.BeijingDayAt(factory.Clock.GetUtcNow(), 2, 10);
        await (await factory.MemberUserAsync(center.Institute)).BookAsync(resource.Id, starts, starts.AddHours(1));
        var paths = new[]
        {
            "/Resources", "/Resources?q=电镜&category=instrument", $"/Resources/Details/{resource.Id}", $"/Resources/Details/{resource.Id}?week=2027-01-04",
            "/Resources/My", "/Resources/Approvals", "/Resources/Approvals?status=Approved", "/Resources/Statement", "/Resources/Statement?by=Center",
            "/Resources/FreeSlots", "/Resources/FreeSlots?hours=2&days=7&category=instrument", "/Resources/Public",
            "/Resources/Schedule", "/Resources/Schedule?pageSize=50&category=instrument&week=2027-01-06", "/Resources/Sme", "/Resources/Sme?state=Declared",
        };
        foreach (var culture in new[] { "zh-CN", "en-US" })
        {
            var clients = new[]
            {
                await factory.CenterUserAsync(center, culture),
                await factory.MemberUserAsync(center.University, culture),
                await factory.MemberUserAsync(center.Institute, culture),
                await factory.ClientFor(Roles.Admin, culture: culture),
            };
            foreach (var client in clients)
            {
                foreach (var path in paths)
                {
                    var response = await client.GetAsync(path);
                    var html = await response.Content.ReadAsStringAsync();
                    Assert.True(response.StatusCode == HttpStatusCode.OK, $"{culture} {path}: {response.StatusCode}");
                    Assert.DoesNotContain(">resources.", html);
                    Assert.DoesNotContain("\"resources.", html);
                }
            }

            var manager = clients[1];
            Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/Resources/Edit")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/Resources/Edit/{resource.Id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await clients[2].GetAsync($"/Resources/Edit/{resource.Id}")).StatusCode);
        }
    }

    [Fact]
    public async Task A_member_moves_a_booking_on_the_page_a_taken_slot_is_refused_in_place_and_keeps_the_old_one()
    {
        var center = await factory.CreateCenterAsync();
        var owner = await factory.MemberUserAsync(center.University);
        var resource = await owner.CreateResourceAsync(ResourceTestData.Request(center));
        var member = await factory.MemberUserAsync(center.Institute);
        var starts = ResourceTestData.BeijingDayAt(factory.Clock.GetUtcNow(), 3, 9);
        var mine = await (await member.BookAsync(resource.Id, starts, starts.AddHours(1))).Content.ReadFromJsonAsync<BookingDto>(Json.Options);
        await (await factory.MemberUserAsync(center.Lead)).BookAsync(resource.Id, starts.AddHours(2), starts.AddHours(4));
        var day = starts.ToBeijing("yyyy-MM-dd");

        var myPage = await member.GetStringAsync("/Resources/My");
        var refused = await member.PostFormAsync("/Resources/My?handler=Reschedule", new Dictionary<string, string>
        {
            ["bookingId"] = mine!.Id.ToString(), ["day"] = day, ["from"] = "12:00", ["hours"] = "1",
        });
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        var moved = await member.PostFormAsync("/Resources/My?handler=Reschedule", new Dictionary<string, string>
        {
            ["bookingId"] = mine.Id.ToString(), ["day"] = day, ["from"] = "14:00", ["hours"] = "1.5",
        });

        Assert.Contains("改期", myPage);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("该时段已被另一预约占用", refusedHtml);
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var bookings = await factory.WithDbAsync(db => db.ResourceBookings.AsNoTracking()
            .Where(b => b.ResourceId == resource.Id && b.BookerUserId == mine.BookerUserId).OrderBy(b => b.Starts).ToListAsync());
        Assert.Equal([BookingStatus.Cancelled, BookingStatus.Approved], bookings.Select(b => b.Status));
        Assert.Equal((starts.AddHours(5), starts.AddHours(6.5)), (bookings[1].Starts, bookings[1].Ends));
    }

    [Fact]
    public async Task A_member_books_through_the_page_the_owner_approves_and_records_usage_and_the_statement_shows_the_charge()
    {
        var center = await factory.CreateCenterAsync();
        var owner = await factory.MemberUserAsync(center.University);
        var resource = await owner.CreateResourceAsync(ResourceTestData.Request(center, needsApproval: true));
        var member = await factory.MemberUserAsync(center.Institute);
        var day = DateOnly.FromDateTime(factory.Clock.GetUtcNow().ToBeijingTime().DateTime).AddDays(1);

        var booked = await member.PostFormAsync($"/Resources/Details/{resource.Id}?handler=Book", new Dictionary<string, string>
        {
            ["Input.Day"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Input.From"] = "09:00",
            ["Input.Hours"] = "2",
            ["Input.Purpose"] = "样品形貌观察",
        });
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        var booking = await factory.WithDbAsync(db => db.ResourceBookings.AsNoTracking().SingleAsync(b => b.ResourceId == resource.Id));
        Assert.Equal(BookingStatus.Pending, booking.Status);

        var clash = await (await factory.MemberUserAsync(center.Lead)).PostFormAsync($"/Resources/Details/{resource.Id}?handler=Book", new Dictionary<string, string>
        {
            ["Input.Day"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Input.From"] = "10:00",
            ["Input.Hours"] = "1",
        });
        Assert.Equal(HttpStatusCode.OK, clash.StatusCode);
        Assert.Contains("该时段已被另一预约占用", await clash.Content.ReadAsStringAsync());

        var approved = await owner.PostFormAsync("/Resources/Approvals?handler=Approve", new Dictionary<string, string>
        {
            ["bookingId"] = booking.Id.ToString(),
            ["version"] = booking.Version.ToString(CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);

        factory.Clock.Advance(TimeSpan.FromDays(2));
        var version = await factory.WithDbAsync(db => db.ResourceBookings.Where(b => b.Id == booking.Id).Select(b => b.Version).SingleAsync());
        var usage = await owner.PostFormAsync("/Resources/Approvals?handler=Usage&status=Approved", new Dictionary<string, string>
        {
            ["bookingId"] = booking.Id.ToString(),
            ["version"] = version.ToString(CultureInfo.InvariantCulture),
            ["usedHours"] = "1.5",
        });
        Assert.Equal(HttpStatusCode.Redirect, usage.StatusCode);

        var feed = await member.PostFormAsync("/Resources/My?handler=Feed", new Dictionary<string, string>());
        var feedHtml = await feed.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Contains("/api/v1/resources/feeds/", feedHtml);

        var statement = await member.GetStringAsync($"/Resources/Statement?month={day:yyyy-MM}");
        Assert.Contains("300.00", statement);
        Assert.Contains(resource.Name, statement);
    }

    [Fact]
    public async Task Opening_hours_show_the_days_in_the_readers_language_and_same_hours_once()
    {
        var center = await factory.CreateCenterAsync();
        var owner = await factory.MemberUserAsync(center.University);
        var resource = await owner.CreateResourceAsync(ResourceTestData.Request(center,
            openingHours: "Mon 08:30-17:30; Tue 08:30-17:30; Wed 08:30-17:30; Thu 08:30-17:30; Fri 08:30-12:00; Sat 00:00-24:00"));

        var zh = WebUtility.HtmlDecode(await owner.GetStringAsync($"/Resources/Details/{resource.Id}"));
        var en = WebUtility.HtmlDecode(await (await factory.MemberUserAsync(center.University, "en-US")).GetStringAsync($"/Resources/Details/{resource.Id}"));

        Assert.Contains("周一、周二、周三、周四 08:30–17:30；周五 08:30–12:00；周六 00:00–24:00", zh);
        Assert.Contains("Mon, Tue, Wed, Thu 08:30–17:30; Fri 08:30–12:00; Sat 00:00–24:00", en);
    }

    [ProviderFact]
    public async Task A_resources_week_on_its_page_shows_a_closed_day_as_closed_not_free()
    {
        var center = await factory.CreateCenterAsync();
        var owner = await factory.MemberUserAsync(center.University);
        var resource = await owner.CreateResourceAsync(ResourceTestData.Request(center));
        var day = ResourceTestData.BeijingDayAt(factory.Clock.GetUtcNow(), 9, 0);
        var date = day.ToBeijingTime().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        (await owner.PostAsJsonAsync($"/api/v1/resources/{resource.Id}/blackouts",
            new BlackoutRequest { Starts = day, Ends = day.AddDays(1), Reason = "年度检定" })).EnsureSuccessStatusCode();
        var member = await factory.MemberUserAsync(center.Institute);

        var html = WebUtility.HtmlDecode(await member.GetStringAsync($"/Resources/Details/{resource.Id}?week={date}"));

        // The closed day's row: from its day link to the end of the row.
        var row = html[html.IndexOf($"day={date}\"", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Contains("00:00–24:00 停用", row);
        Assert.DoesNotContain("空闲", row);
    }
}
