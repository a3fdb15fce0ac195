using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InnoCenter.Domain.Resources;
using InnoCenter.Web.Features.Resources;
using InnoCenter.Web.Tests.Centers;
using InnoCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Tests.Resources;

/// <summary>
/// The decisive property of the module: however many requests race for a resource's time, no two active bookings of it
/// overlap, every loser gets a 409 naming the booking in its way, and nothing fails with a 5xx or a busy database.
/// </summary>
public abstract class BookingConcurrencyTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    [ProviderFact]
    public async Task Fifty_parallel_bookings_of_one_slot_confirm_one_and_refuse_the_others_naming_it()
    {
        var (resource, clients) = await SetUpAsync();
        var starts = ResourceTestData.BeijingDayAt(factory.Clock.GetUtcNow(), 2, 10);
        var ends = starts.AddHours(2);

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => clients[i % clients.Count].BookAsync(resource.Id, starts, ends)));

        Assert.DoesNotContain(responses, r => (int)r.StatusCode >= 500);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(49, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var winner = await responses.Single(r => r.StatusCode == HttpStatusCode.Created).Content.ReadFromJsonAsync<BookingDto>(Json.Options);
        foreach (var refused in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
        {
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Contains("resources.booking_overlap", problem.GetProperty("codes").EnumerateArray().Select(c => c.GetString()));
            Assert.Contains(winner!.Starts.ToBeijingTime().ToString("yyyy-MM-dd HH:mm"), problem.GetProperty("detail").GetString());
        }

        await AssertNoOverlapAsync(resource.Id, expectedActive: 1);
    }

    [ProviderFact]
    public async Task Fifty_parallel_overlapping_bookings_of_different_slots_never_leave_two_active_bookings_overlapping()
    {
        var (resource, clients) = await SetUpAsync();
        var dayStart = ResourceTestData.BeijingDayAt(factory.Clock.GetUtcNow(), 3, 8);
        var random = new Random(20261206);
        var slots = Enumerable.Range(0, 50).Select(_ =>
        {
            var start = dayStart.AddMinutes(30 * random.Next(0, 20));
            return (Starts: start, Ends: start.AddMinutes(30 * random.Next(1, 7)));
        }).ToList();

        var responses = await Task.WhenAll(slots.Select((s, i) => clients[i % clients.Count].BookAsync(resource.Id, s.Starts, s.Ends)));

        Assert.DoesNotContain(responses, r => (int)r.StatusCode >= 500);
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, r.StatusCode.ToString()));
        var created = responses.Count(r => r.StatusCode == HttpStatusCode.Created);
        Assert.InRange(created, 1, 49);
        var active = await AssertNoOverlapAsync(resource.Id, expectedActive: created);
        foreach (var refused in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
        {
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
            var detail = problem.GetProperty("detail").GetString()!;
            // The refusal names a booking that is really there and in the way.
            Assert.Contains(active, b => detail.Contains(b.Starts.ToBeijingTime().ToString("yyyy-MM-dd HH:mm"), StringComparison.Ordinal));
        }
    }

    private async Task<(ResourceDto Resource, IReadOnlyList<HttpClient> Clients)> SetUpAsync()
    {
        var center = await factory.CreateCenterAsync();
        var owner = await factory.MemberUserAsync(center.University);
        var resource = await owner.CreateResourceAsync(ResourceTestData.Request(center));
        var clients = new List<HttpClient>();
        for (var i = 0; i < 5; i++)
        {
            clients.Add(await factory.MemberUserAsync(i % 2 == 0 ? center.Institute : center.Lead));
        }

        return (resource, clients);
    }

    private async Task<List<ResourceBooking>> AssertNoOverlapAsync(Guid resourceId, int expectedActive)
    {
        var active = await factory.WithDbAsync(db => db.ResourceBookings.AsNoTracking()
            .Where(b => b.ResourceId == resourceId && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Approved)).ToListAsync());
        Assert.Equal(expectedActive, active.Count);
        foreach (var a in active)
        {
            Assert.DoesNotContain(active, b => b.Id != a.Id && b.Starts < a.Ends && a.Starts < b.Ends);
        }

        return active;
    }
}

public sealed class SqliteBookingConcurrencyTests(SqliteAppFactory factory) : BookingConcurrencyTests<SqliteAppFactory>(factory);

[PostgresSuite]
public sealed class PostgresBookingConcurrencyTests(PostgresAppFactory factory) : BookingConcurrencyTests<PostgresAppFactory>(factory);
