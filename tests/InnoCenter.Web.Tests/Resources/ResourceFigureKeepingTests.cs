using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InnoCenter.Domain.Resources;
using InnoCenter.Web.Features.Resources;
using InnoCenter.Web.Tests.Centers;
using InnoCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Tests.Resources;

/// <summary>The yearly figures are kept by the writes; after any mix of writes they equal a fresh count of the bookings.</summary>
public abstract class ResourceFigureKeepingTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    [ProviderFact]
    public async Task Kept_figures_equal_a_full_recomputation_after_random_bookings_cancellations_usage_and_no_shows()
    {
        var center = await factory.CreateCenterAsync();
        var owner = await factory.MemberUserAsync(center.University);
        var bookers = new[] { owner, await factory.MemberUserAsync(center.Institute), await factory.MemberUserAsync(await center.Admin.CreateOrganizationAsync(TestData.Organization())) };
        var resources = new List<ResourceDto>();
        for (var i = 0; i < 3; i++)
        {
            resources.Add(await owner.CreateResourceAsync(ResourceTestData.Request(center, openingHours: "Mon 00:00-24:00; Tue 00:00-24:00; Wed 00:00-24:00; Thu 00:00-24:00; Fri 00:00-24:00; Sat 00:00-24:00; Sun 00:00-24:00")));
        }

        var random = new Random(20261207);
        var day = ResourceTestData.BeijingDayAt(factory.Clock.GetUtcNow(), 1, 0);
        var placed = new List<BookingDto>();
        var bookedBy = new Dictionary<Guid, HttpClient>();
        for (var i = 0; i < 18; i++)
        {
            var resource = resources[i % resources.Count];
            var starts = day.AddHours(i / resources.Count * 3 + 1);
            var booker = bookers[random.Next(bookers.Length)];
            var r = await booker.BookAsync(resource.Id, starts, starts.AddHours(1 + random.Next(2)));
            Assert.Equal(HttpStatusCode.Created, r.StatusCode);
            var booking = (await r.Content.ReadFromJsonAsync<BookingDto>(Json.Options))!;
            placed.Add(booking);
            bookedBy[booking.Id] = booker;
        }

        var cancelled = placed.Where(_ => random.Next(4) == 0).ToList();
        foreach (var b in cancelled)
        {
            var r = await bookedBy[b.Id].PostAsJsonAsync($"/api/v1/resources/bookings/{b.Id}/cancel", new DecisionRequest { Version = b.Version });
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        }

        factory.Clock.Advance(TimeSpan.FromDays(3));
        var used = 0;
        foreach (var b in placed.Except(cancelled))
        {
            var roll = random.Next(5);
            var request = roll == 0 ? new UsageRequest { NoShow = true } : roll == 1 ? null : new UsageRequest { UsedHours = 0.5m * (1 + random.Next(3)) };
            if (request is null)
            {
                continue;
            }

            Assert.Equal(HttpStatusCode.OK, (await owner.PostAsJsonAsync($"/api/v1/resources/bookings/{b.Id}/usage", request)).StatusCode);
            used += request.NoShow ? 0 : 1;
        }

        var ids = resources.Select(r => r.Id).ToList();
        var year = day.ToBeijingTime().Year;
        var kept = await factory.WithDbAsync(db => db.ResourceYearFigures.AsNoTracking().Where(f => ids.Contains(f.ResourceId)).ToListAsync());
        var fresh = await factory.WithDbAsync(db => ResourceYearSums.ComputeAsync(db, ids, year, CancellationToken.None));

        Assert.True(used > 0, "the random mix recorded no usage");
        Assert.Equal(Rows(fresh), Rows(kept));
        var byCenter = await (await factory.ClientFor(InnoCenter.Web.Infrastructure.Auth.Roles.Admin)).GetFromJsonAsync<JsonElement>($"/api/v1/resources/figures?year={year}&by=Center&centerId={center.Id}");
        Assert.Equal(fresh.Sum(f => f.UsedMinutes) / 60m, byCenter[0].GetProperty("usedHours").GetDecimal());
        Assert.Equal(fresh.Sum(f => f.IncomeFen) / 100m, byCenter[0].GetProperty("income").GetDecimal());
    }

    [ProviderFact]
    public async Task Kept_availability_loses_a_new_blackout_and_a_retired_resource_after_its_year_was_first_read()
    {
        var center = await factory.CreateCenterAsync();
        var owner = await factory.MemberUserAsync(center.University);
        var resource = await owner.CreateResourceAsync(ResourceTestData.Request(center, openingHours: "Mon 00:00-24:00; Tue 00:00-24:00; Wed 00:00-24:00; Thu 00:00-24:00; Fri 00:00-24:00; Sat 00:00-24:00; Sun 00:00-24:00"));
        var day = ResourceTestData.BeijingDayAt(factory.Clock.GetUtcNow(), 1, 0);
        Assert.Equal(HttpStatusCode.Created, (await owner.BookAsync(resource.Id, day.AddHours(1), day.AddHours(2))).StatusCode);
        var year = day.ToBeijingTime().Year;
        var admin = await factory.ClientFor(InnoCenter.Web.Infrastructure.Auth.Roles.Admin);
        var url = $"/api/v1/resources/figures?year={year}&by=Resource&centerId={center.Id}";

        var before = (await admin.GetFromJsonAsync<JsonElement>(url))[0].GetProperty("availableHours").GetDecimal();
        var closed = await owner.PostAsJsonAsync($"/api/v1/resources/{resource.Id}/blackouts", new BlackoutRequest { Starts = day.AddHours(10), Ends = day.AddHours(20), Reason = "年度检定" });
        Assert.True(closed.IsSuccessStatusCode, await closed.Content.ReadAsStringAsync());
        var after = (await admin.GetFromJsonAsync<JsonElement>(url))[0].GetProperty("availableHours").GetDecimal();
        Assert.True(before > 10m, $"a resource open around the clock has more than 10 hours left in the year, not {before}");
        Assert.Equal(before - 10m, after);

        // Retired, it is available no more (the figures keep its bookings).
        await factory.WithDbAsync(async db =>
        {
            var r = await db.ResearchResources.SingleAsync(x => x.Id == resource.Id);
            r.Retire(factory.Clock.GetUtcNow());
            return await db.SaveChangesAsync();
        });
        Assert.Equal(0m, (await admin.GetFromJsonAsync<JsonElement>(url))[0].GetProperty("availableHours").GetDecimal());
    }

    private static List<string> Rows(IEnumerable<ResourceYearFigure> rows) =>
        rows.Select(f => $"{f.ResourceId} {f.OwnerOrganizationId} {f.Year} {f.CenterId} {f.BookedMinutes} {f.UsedMinutes} {f.MemberMinutes} {f.OutsideMinutes} {f.IncomeFen}")
            .Order(StringComparer.Ordinal).ToList();
}

public sealed class SqliteResourceFigureKeepingTests(SqliteAppFactory factory) : ResourceFigureKeepingTests<SqliteAppFactory>(factory);

[PostgresSuite]
public sealed class PostgresResourceFigureKeepingTests(PostgresAppFactory factory) : ResourceFigureKeepingTests<PostgresAppFactory>(factory);
