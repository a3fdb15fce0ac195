using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InnoCenter.Domain.Resources;
using InnoCenter.Web.Features.Resources;
using InnoCenter.Web.Tests.Centers;
using InnoCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Tests.Resources;

/// <summary>周期预约: a series is booked whole or not at all, its refusal names every occurrence in the way, and the rest of it can be cancelled.</summary>
public abstract class BookingSeriesTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    private DateTimeOffset Now => factory.Clock.GetUtcNow();

    private static async Task<string[]> CodesOf(HttpResponseMessage r) =>
        (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("codes").EnumerateArray().Select(c => c.GetString()!).ToArray();

    private static async Task<(string[] Codes, string Detail)> ProblemOf(HttpResponseMessage r)
    {
        var problem = await r.Content.ReadFromJsonAsync<JsonElement>();
        return (problem.GetProperty("codes").EnumerateArray().Select(c => c.GetString()!).ToArray(), problem.GetProperty("detail").GetString()!);
    }

    private static Task<HttpResponseMessage> SeriesAsync(HttpClient client, Guid resourceId, DateTimeOffset starts, double hours, int? count, string frequency = "Weekly", DateOnly? until = null) =>
        client.PostAsJsonAsync($"/api/v1/resources/{resourceId}/bookings/series", new BookingSeriesRequest
        {
            Starts = starts, Ends = starts.AddHours(hours), Purpose = "周期测试", Frequency = frequency, Count = count, Until = until,
        });

    private async Task<(TestCenter Center, HttpClient Owner, ResourceDto Resource)> ResourceAsync()
    {
        var center = await factory.CreateCenterAsync();
        var owner = await factory.MemberUserAsync(center.University);
        return (center, owner, await owner.CreateResourceAsync(ResourceTestData.Request(center)));
    }

    [ProviderFact]
    public async Task A_weekly_series_is_booked_whole_under_one_series_at_the_same_hours_each_week()
    {
        var (center, _, resource) = await ResourceAsync();
        var member = await factory.MemberUserAsync(center.Institute);
        var starts = ResourceTestData.BeijingDayAt(Now, 2, 10);

        var response = await SeriesAsync(member, resource.Id, starts, 2, 3);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var series = (await response.Content.ReadFromJsonAsync<BookingSeriesDto>(Json.Options))!;
        Assert.Equal([starts, starts.AddDays(7), starts.AddDays(14)], series.Bookings.Select(b => b.Starts.ToUniversalTime()));
        Assert.All(series.Bookings, b => Assert.Equal(series.SeriesId, b.SeriesId));
        Assert.Equal(3, await factory.WithDbAsync(db => db.ResourceBookings.CountAsync(b => b.SeriesId == series.SeriesId)));
    }

    [ProviderFact]
    public async Task A_series_meeting_other_bookings_keeps_nothing_and_names_each_occurrence_and_the_booking_in_its_way()
    {
        var (center, owner, resource) = await ResourceAsync();
        var starts = ResourceTestData.BeijingDayAt(Now, 2, 10);
        var second = await (await owner.BookAsync(resource.Id, starts.AddDays(7).AddHours(1), starts.AddDays(7).AddHours(3))).Content.ReadFromJsonAsync<BookingDto>(Json.Options);
        var fourth = await (await owner.BookAsync(resource.Id, starts.AddDays(21).AddHours(-1), starts.AddDays(21).AddHours(1))).Content.ReadFromJsonAsync<BookingDto>(Json.Options);
        var member = await factory.MemberUserAsync(center.Institute, "en-US");

        var refused = await SeriesAsync(member, resource.Id, starts, 2, 4);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var (codes, detail) = await ProblemOf(refused);
        Assert.Equal(["resources.series_overlap", "resources.series_overlap"], codes);
        foreach (var at in new[] { starts.AddDays(7), starts.AddDays(21), second!.Starts, fourth!.Starts })
        {
            Assert.Contains(at.ToBeijingTime().ToString("yyyy-MM-dd HH:mm"), detail, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(starts.AddDays(14).ToBeijingTime().ToString("yyyy-MM-dd HH:mm"), detail, StringComparison.Ordinal);
        Assert.Equal(2, await factory.WithDbAsync(db => db.ResourceBookings.CountAsync(b => b.ResourceId == resource.Id)));
    }

    [ProviderFact]
    public async Task A_series_with_one_occurrence_in_a_blackout_is_refused_whole_naming_that_occurrence()
    {
        var (center, owner, resource) = await ResourceAsync();
        var starts = ResourceTestData.BeijingDayAt(Now, 2, 10);
        var closed = await owner.PostAsJsonAsync($"/api/v1/resources/{resource.Id}/blackouts",
            new BlackoutRequest { Starts = starts.AddDays(7).AddHours(-2), Ends = starts.AddDays(7).AddHours(6), Reason = "年度检定" });
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var member = await factory.MemberUserAsync(center.Institute);

        var refused = await SeriesAsync(member, resource.Id, starts, 2, 3);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var (codes, detail) = await ProblemOf(refused);
        Assert.Equal(["resources.series_occurrence_refused", "resources.in_blackout"], codes);
        Assert.Contains(starts.AddDays(7).ToBeijingTime().ToString("yyyy-MM-dd HH:mm"), detail, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.ResourceBookings.AnyAsync(b => b.ResourceId == resource.Id)));
    }

    [ProviderFact]
    public async Task More_occurrences_than_the_pack_allows_and_a_missing_frequency_are_refused()
    {
        var (center, _, resource) = await ResourceAsync();
        var member = await factory.MemberUserAsync(center.Institute);
        var starts = ResourceTestData.BeijingDayAt(Now, 2, 10);

        var tooMany = await SeriesAsync(member, resource.Id, starts, 1, 400, "Daily");
        var noFrequency = await SeriesAsync(member, resource.Id, starts, 1, 2, "Monthly");

        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains("resources.series_count_invalid", await CodesOf(tooMany));
        Assert.Equal(HttpStatusCode.BadRequest, noFrequency.StatusCode);
        Assert.Contains("resources.series_frequency_invalid", await CodesOf(noFrequency));
        Assert.False(await factory.WithDbAsync(db => db.ResourceBookings.AnyAsync(b => b.ResourceId == resource.Id)));
    }

    [ProviderFact]
    public async Task Cancelling_the_rest_of_a_series_cancels_that_occurrence_and_the_later_ones_only()
    {
        var (center, _, resource) = await ResourceAsync();
        var member = await factory.MemberUserAsync(center.Institute);
        var stranger = await factory.MemberUserAsync(center.Lead);
        var starts = ResourceTestData.BeijingDayAt(Now, 2, 10);
        var series = (await (await SeriesAsync(member, resource.Id, starts, 2, 4)).Content.ReadFromJsonAsync<BookingSeriesDto>(Json.Options))!;
        var third = series.Bookings[2];

        var notHis = await stranger.PostAsJsonAsync($"/api/v1/resources/bookings/{third.Id}/cancel-series", new DecisionRequest { Version = third.Version });
        var stale = await member.PostAsJsonAsync($"/api/v1/resources/bookings/{third.Id}/cancel-series", new DecisionRequest { Version = third.Version + 1 });
        var done = await member.PostAsJsonAsync($"/api/v1/resources/bookings/{third.Id}/cancel-series", new DecisionRequest { Version = third.Version });

        Assert.Equal(HttpStatusCode.NotFound, notHis.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var after = (await done.Content.ReadFromJsonAsync<BookingSeriesDto>(Json.Options))!.Bookings;
        Assert.Equal([BookingStatus.Approved, BookingStatus.Approved, BookingStatus.Cancelled, BookingStatus.Cancelled], after.Select(b => b.Status));
        var again = await member.BookAsync(resource.Id, third.Starts, third.Ends);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
    }
}

public sealed class SqliteBookingSeriesTests(SqliteAppFactory factory) : BookingSeriesTests<SqliteAppFactory>(factory);

[PostgresSuite]
public sealed class PostgresBookingSeriesTests(PostgresAppFactory factory) : BookingSeriesTests<PostgresAppFactory>(factory);
