using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InnoCenter.Domain.Resources;
using InnoCenter.Web.Features.Organizations;
using InnoCenter.Web.Features.Resources;
using InnoCenter.Web.Infrastructure.Web;
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
        Assert.Equal(fresh.Sum(f => f.UsedMinutes) / 60m, byCenter.GetProperty("items")[0].GetProperty("usedHours").GetDecimal());
        Assert.Equal(fresh.Sum(f => f.IncomeFen) / 100m, byCenter.GetProperty("items")[0].GetProperty("income").GetDecimal());
    }

    [ProviderFact]
    public async Task Kept_monthly_charges_equal_a_recomputation_and_the_months_statements_after_random_bookings_late_cancellations_usage_and_no_shows()
    {
        var center = await factory.CreateCenterAsync();
        var owner = await factory.MemberUserAsync(center.University);
        var outsider = await center.Admin.CreateOrganizationAsync(TestData.Organization());
        var payers = new (Guid Id, HttpClient Client)[]
        {
            (center.University.Id, owner), (center.Institute.Id, await factory.MemberUserAsync(center.Institute)), (outsider.Id, await factory.MemberUserAsync(outsider)),
        };
        var resources = new List<ResourceDto>();
        for (var i = 0; i < 2; i++)
        {
            resources.Add(await owner.CreateResourceAsync(ResourceTestData.Request(center, openingHours: "Mon 00:00-24:00; Tue 00:00-24:00; Wed 00:00-24:00; Thu 00:00-24:00; Fri 00:00-24:00; Sat 00:00-24:00; Sun 00:00-24:00")));
        }

        // Spread over three days, so cancellations are early (no charge) or late (charged) by the pack's deadline.
        var random = new Random(20261208);
        var day = ResourceTestData.BeijingDayAt(factory.Clock.GetUtcNow(), 1, 0);
        var placed = new List<(BookingDto Booking, HttpClient By)>();
        for (var i = 0; i < 16; i++)
        {
            var starts = day.AddHours(i / 2 * 4 + 1);
            var (_, client) = payers[random.Next(payers.Length)];
            var r = await client.BookAsync(resources[i % 2].Id, starts, starts.AddHours(1 + random.Next(2)));
            Assert.Equal(HttpStatusCode.Created, r.StatusCode);
            placed.Add(((await r.Content.ReadFromJsonAsync<BookingDto>(Json.Options))!, client));
        }

        var cancelled = placed.Where(_ => random.Next(3) == 0).ToList();
        foreach (var (b, by) in cancelled)
        {
            Assert.Equal(HttpStatusCode.OK, (await by.PostAsJsonAsync($"/api/v1/resources/bookings/{b.Id}/cancel", new DecisionRequest { Version = b.Version })).StatusCode);
        }

        factory.Clock.Advance(TimeSpan.FromDays(4));
        foreach (var (b, _) in placed.Except(cancelled))
        {
            var roll = random.Next(4);
            var request = roll == 0 ? new UsageRequest { NoShow = true } : roll == 1 ? null : new UsageRequest { UsedHours = 0.5m * (1 + random.Next(3)) };
            if (request is not null)
            {
                Assert.Equal(HttpStatusCode.OK, (await owner.PostAsJsonAsync($"/api/v1/resources/bookings/{b.Id}/usage", request)).StatusCode);
            }
        }

        var ids = payers.Select(p => p.Id).ToList();
        var months = placed.Select(p => p.Booking.Starts.ToBeijingTime()).Select(t => (t.Year, t.Month)).Distinct().ToList();
        var kept = await factory.WithDbAsync(db => db.ResourceMonthCharges.AsNoTracking().Where(c => ids.Contains(c.PayerOrganizationId)).ToListAsync());
        var fresh = new List<ResourceMonthCharge>();
        foreach (var (y, m) in months)
        {
            fresh.AddRange((await factory.WithDbAsync(db => ResourceMonthCharges.ComputeMonthAsync(db, y, m, CancellationToken.None))).Where(c => ids.Contains(c.PayerOrganizationId)));
        }

        Assert.True(fresh.Count > 0 && fresh.All(c => c.ChargeFen > 0), "the random mix charged nobody");
        Assert.Equal(Charges(fresh), Charges(kept));
        Assert.True(await factory.WithDbAsync(db => ResourceMonthCharges.RebuildAsync(db, CancellationToken.None)) >= fresh.Count);
        Assert.Equal(Charges(fresh), Charges(await factory.WithDbAsync(db => db.ResourceMonthCharges.AsNoTracking().Where(c => ids.Contains(c.PayerOrganizationId)).ToListAsync())));

        // The Admin's list of the month answers the kept totals, each equal to the payer's own statement.
        var admin = await factory.ClientFor(InnoCenter.Web.Infrastructure.Auth.Roles.Admin);
        foreach (var c in fresh)
        {
            var list = await admin.GetFromJsonAsync<PagedResult<StatementListRow>>($"/api/v1/resources/statements?year={c.Year}&month={c.Month}&pageSize=200", Json.Options);
            var statement = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/resources/statements/{c.PayerOrganizationId}/{c.Year}/{c.Month}");
            Assert.Equal(c.ChargeFen / 100m, list!.Items.Single(r => r.OrganizationId == c.PayerOrganizationId).Total);
            Assert.Equal(c.ChargeFen / 100m, statement.GetProperty("total").GetDecimal());
        }
    }

    [ProviderFact]
    public async Task Kept_monthly_charges_keep_the_payers_name_and_paid_state_through_a_payment_and_a_rename_and_the_list_reads_them_in_order()
    {
        var center = await factory.CreateCenterAsync();
        var owner = await factory.MemberUserAsync(center.University);
        var admin = await factory.ClientFor(InnoCenter.Web.Infrastructure.Auth.Roles.Admin);
        var requests = new[] { TestData.Organization(), TestData.Organization() };
        var payers = new List<(OrganizationDto Org, HttpClient Client)>();
        foreach (var r in requests)
        {
            var org = await admin.CreateOrganizationAsync(r);
            payers.Add((org, await factory.MemberUserAsync(org)));
        }

        var resource = await owner.CreateResourceAsync(ResourceTestData.Request(center, openingHours: "Mon 00:00-24:00; Tue 00:00-24:00; Wed 00:00-24:00; Thu 00:00-24:00; Fri 00:00-24:00; Sat 00:00-24:00; Sun 00:00-24:00"));
        var day = ResourceTestData.BeijingDayAt(factory.Clock.GetUtcNow(), 1, 2);
        var booked = new List<BookingDto>();
        for (var i = 0; i < payers.Count; i++)
        {
            var r = await payers[i].Client.BookAsync(resource.Id, day.AddHours(3 * i), day.AddHours(3 * i + 1));
            Assert.Equal(HttpStatusCode.Created, r.StatusCode);
            booked.Add((await r.Content.ReadFromJsonAsync<BookingDto>(Json.Options))!);
        }

        factory.Clock.Advance(TimeSpan.FromDays(2));
        foreach (var b in booked)
        {
            Assert.Equal(HttpStatusCode.OK, (await owner.PostAsJsonAsync($"/api/v1/resources/bookings/{b.Id}/usage", new UsageRequest { UsedHours = 1m })).StatusCode);
        }

        var local = day.ToBeijingTime();
        var (y, m) = (local.Year, local.Month);
        var ids = payers.Select(p => p.Org.Id).ToList();
        async Task<List<ResourceMonthCharge>> KeptAsync() =>
            await factory.WithDbAsync(db => db.ResourceMonthCharges.AsNoTracking().Where(c => ids.Contains(c.PayerOrganizationId)).ToListAsync());
        async Task<List<ResourceMonthCharge>> FreshAsync() =>
            (await factory.WithDbAsync(db => ResourceMonthCharges.ComputeMonthAsync(db, y, m, CancellationToken.None))).Where(c => ids.Contains(c.PayerOrganizationId)).ToList();

        var before = await KeptAsync();
        Assert.Equal(Charges(await FreshAsync()), Charges(before));
        Assert.All(before, c => Assert.False(c.Paid));
        Assert.Equal(payers.Select(p => p.Org.Name).Order(StringComparer.Ordinal), before.Select(c => c.PayerName).Order(StringComparer.Ordinal));

        // The first payer pays; the second is renamed: both are carried into the kept rows by the same writes.
        var paid = payers[0].Org.Id;
        var total = before.Single(c => c.PayerOrganizationId == paid).ChargeFen / 100m;
        var record = await admin.PostAsJsonAsync($"/api/v1/resources/statements/{paid}/{y}/{m}/payment",
            new StatementPaymentRequest { PaidOn = DateOnly.FromDateTime(factory.Clock.GetUtcNow().ToBeijingTime().DateTime), Amount = total, Reference = "转账-001", Version = 0 });
        Assert.Equal(HttpStatusCode.OK, record.StatusCode);
        var renamed = payers[1].Org;
        var newName = "改名后的单位" + Guid.NewGuid().ToString("N")[..6];
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/organizations/{renamed.Id}", requests[1] with { Name = newName, Version = renamed.Version })).StatusCode);

        var after = await KeptAsync();
        Assert.Equal(Charges(await FreshAsync()), Charges(after));
        Assert.True(after.Single(c => c.PayerOrganizationId == paid).Paid);
        Assert.Equal(newName, after.Single(c => c.PayerOrganizationId == renamed.Id).PayerName);

        // The list pages through both payment groups in its order; the paid filter and the other one split them.
        var all = new List<StatementListRow>();
        for (var page = 1; ; page++)
        {
            var list = await admin.GetFromJsonAsync<PagedResult<StatementListRow>>($"/api/v1/resources/statements?year={y}&month={m}&pageSize=7&page={page}", Json.Options);
            all.AddRange(list!.Items);
            Assert.True(page < 1000);
            if (page * 7 >= list.Total)
            {
                Assert.Equal(list.Total, all.Count);
                break;
            }
        }

        Assert.Equal(all.Count, all.Select(r => r.OrganizationId).Distinct().Count());
        var paidRows = all.Where(r => r.State == StatementPaymentState.Paid).ToList();
        var firstGroup = all[0].State == StatementPaymentState.Paid;
        Assert.Equal(all, firstGroup ? paidRows.Concat(all.Except(paidRows)) : all.Except(paidRows).Concat(paidRows));
        Assert.Equal(newName, all.Single(r => r.OrganizationId == renamed.Id).OrganizationName);
        Assert.Equal(StatementPaymentState.Paid, all.Single(r => r.OrganizationId == paid).State);
        var onlyPaid = await admin.GetFromJsonAsync<PagedResult<StatementListRow>>($"/api/v1/resources/statements?year={y}&month={m}&state=Paid&pageSize=200", Json.Options);
        Assert.Contains(onlyPaid!.Items, r => r.OrganizationId == paid);
        Assert.DoesNotContain(onlyPaid.Items, r => r.OrganizationId == renamed.Id);
        Assert.Equal(onlyPaid.Items.Select(r => r.OrganizationName).Order(StringComparer.Ordinal), onlyPaid.Items.Select(r => r.OrganizationName));
    }

    [ProviderFact]
    public async Task Yearly_figures_come_a_page_at_a_time_most_used_first_with_the_total()
    {
        var center = await factory.CreateCenterAsync();
        var owner = await factory.MemberUserAsync(center.University);
        var booker = await factory.MemberUserAsync(center.Institute);
        var day = ResourceTestData.BeijingDayAt(factory.Clock.GetUtcNow(), 1, 0);
        var used = new Dictionary<Guid, decimal>();
        var bookings = new List<(Guid Id, decimal Hours)>();
        for (var i = 0; i < 3; i++)
        {
            var resource = await owner.CreateResourceAsync(ResourceTestData.Request(center, openingHours: "Mon 00:00-24:00; Tue 00:00-24:00; Wed 00:00-24:00; Thu 00:00-24:00; Fri 00:00-24:00; Sat 00:00-24:00; Sun 00:00-24:00"));
            var r = await booker.BookAsync(resource.Id, day.AddHours(2), day.AddHours(6));
            Assert.Equal(HttpStatusCode.Created, r.StatusCode);
            bookings.Add(((await r.Content.ReadFromJsonAsync<BookingDto>(Json.Options))!.Id, i + 1));
            used[resource.Id] = i + 1;
        }

        factory.Clock.Advance(TimeSpan.FromDays(2));
        foreach (var (id, hours) in bookings)
        {
            Assert.Equal(HttpStatusCode.OK, (await owner.PostAsJsonAsync($"/api/v1/resources/bookings/{id}/usage", new UsageRequest { UsedHours = hours })).StatusCode);
        }

        var admin = await factory.ClientFor(InnoCenter.Web.Infrastructure.Auth.Roles.Admin);
        var url = $"/api/v1/resources/figures?year={day.ToBeijingTime().Year}&by=Resource&centerId={center.Id}&pageSize=2";
        var first = await admin.GetFromJsonAsync<JsonElement>(url);
        var second = await admin.GetFromJsonAsync<JsonElement>(url + "&page=2");

        Assert.Equal(3, first.GetProperty("total").GetInt32());
        Assert.Equal([3m, 2m], first.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("usedHours").GetDecimal()));
        Assert.Equal([1m], second.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("usedHours").GetDecimal()));
        Assert.Equal(used.OrderByDescending(u => u.Value).Select(u => u.Key),
            first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).Select(r => r.GetProperty("key").GetGuid()));
    }

    [ProviderFact]
    public async Task Kept_figure_rows_carry_the_resources_name_through_a_rename_and_the_admins_page_of_all_resources_reads_them_in_order()
    {
        var center = await factory.CreateCenterAsync();
        var owner = await factory.MemberUserAsync(center.University);
        var booker = await factory.MemberUserAsync(center.Institute);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var requests = new[] { "Bravo", "Charlie", "Delta" }
            .Select(n => ResourceTestData.Request(center, openingHours: "Mon 00:00-24:00; Tue 00:00-24:00; Wed 00:00-24:00; Thu 00:00-24:00; Fri 00:00-24:00; Sat 00:00-24:00; Sun 00:00-24:00") with { Name = $"{n}-{tag}" })
            .ToArray();
        var resources = new List<ResourceDto>();
        foreach (var r in requests)
        {
            resources.Add(await owner.CreateResourceAsync(r));
        }

        // Bravo and Charlie are used alike (the name decides between them), Delta less.
        var day = ResourceTestData.BeijingDayAt(factory.Clock.GetUtcNow(), 1, 0);
        var hours = new[] { 2m, 2m, 1m };
        var bookings = new List<Guid>();
        for (var i = 0; i < resources.Count; i++)
        {
            var r = await booker.BookAsync(resources[i].Id, day.AddHours(2), day.AddHours(6));
            Assert.Equal(HttpStatusCode.Created, r.StatusCode);
            bookings.Add((await r.Content.ReadFromJsonAsync<BookingDto>(Json.Options))!.Id);
        }

        factory.Clock.Advance(TimeSpan.FromDays(2));
        for (var i = 0; i < bookings.Count; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await owner.PostAsJsonAsync($"/api/v1/resources/bookings/{bookings[i]}/usage", new UsageRequest { UsedHours = hours[i] })).StatusCode);
        }

        var ids = resources.Select(r => r.Id).ToList();
        var year = day.ToBeijingTime().Year;
        async Task<List<ResourceYearFigure>> KeptAsync() =>
            await factory.WithDbAsync(db => db.ResourceYearFigures.AsNoTracking().Where(f => ids.Contains(f.ResourceId)).ToListAsync());
        async Task<List<ResourceYearFigure>> FreshAsync() =>
            await factory.WithDbAsync(db => ResourceYearSums.ComputeAsync(db, ids, year, CancellationToken.None));

        var admin = await factory.ClientFor(InnoCenter.Web.Infrastructure.Auth.Roles.Admin);
        async Task<List<Guid>> OrderOfAllAsync()
        {
            var all = new List<JsonElement>();
            for (var page = 1; ; page++)
            {
                var list = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/resources/figures?year={year}&by=Resource&pageSize=200&page={page}");
                all.AddRange(list.GetProperty("items").EnumerateArray());
                Assert.True(page < 1000);
                if (page * 200 >= list.GetProperty("total").GetInt32())
                {
                    Assert.Equal(list.GetProperty("total").GetInt32(), all.Count);
                    break;
                }
            }

            var used = all.Select(r => r.GetProperty("usedHours").GetDecimal()).ToList();
            Assert.Equal(used.OrderDescending(), used);
            Assert.Equal(all.Count, all.Select(r => r.GetProperty("key").GetGuid()).Distinct().Count());
            return all.Select(r => r.GetProperty("key").GetGuid()).Where(ids.Contains).ToList();
        }

        var before = await KeptAsync();
        Assert.Equal(Rows(await FreshAsync()), Rows(before));
        Assert.Equal(requests.Select(r => r.Name), ids.Select(id => before.Single(f => f.ResourceId == id && f.Lead).ResourceName));
        Assert.Equal([120L, 120L, 60L], ids.Select(id => before.Single(f => f.ResourceId == id && f.Lead).ResourceUsedMinutes));
        Assert.Equal(ids, await OrderOfAllAsync());

        // Charlie becomes "Alpha": the rename reaches its kept rows, and it now comes before Bravo.
        var renamed = resources[1];
        var newName = $"Alpha-{tag}";
        var put = await owner.PutAsJsonAsync($"/api/v1/resources/{renamed.Id}", requests[1] with { Name = newName, Version = renamed.Version });
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());

        var after = await KeptAsync();
        Assert.Equal(Rows(await FreshAsync()), Rows(after));
        Assert.Equal(newName, after.Single(f => f.ResourceId == renamed.Id).ResourceName);
        Assert.Equal([ids[1], ids[0], ids[2]], await OrderOfAllAsync());

        // The rebuild writes the same rows.
        await factory.WithDbAsync(db => ResourceYearSums.RebuildAsync(db, CancellationToken.None));
        Assert.Equal(Rows(after), Rows(await KeptAsync()));
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

        var before = (await admin.GetFromJsonAsync<JsonElement>(url)).GetProperty("items")[0].GetProperty("availableHours").GetDecimal();
        var closed = await owner.PostAsJsonAsync($"/api/v1/resources/{resource.Id}/blackouts", new BlackoutRequest { Starts = day.AddHours(10), Ends = day.AddHours(20), Reason = "年度检定" });
        Assert.True(closed.IsSuccessStatusCode, await closed.Content.ReadAsStringAsync());
        var after = (await admin.GetFromJsonAsync<JsonElement>(url)).GetProperty("items")[0].GetProperty("availableHours").GetDecimal();
        Assert.True(before > 10m, $"a resource open around the clock has more than 10 hours left in the year, not {before}");
        Assert.Equal(before - 10m, after);

        // Retired, it is available no more (the figures keep its bookings).
        await factory.WithDbAsync(async db =>
        {
            var r = await db.ResearchResources.SingleAsync(x => x.Id == resource.Id);
            r.Retire(factory.Clock.GetUtcNow());
            return await db.SaveChangesAsync();
        });
        Assert.Equal(0m, (await admin.GetFromJsonAsync<JsonElement>(url)).GetProperty("items")[0].GetProperty("availableHours").GetDecimal());
    }

    private static List<string> Charges(IEnumerable<ResourceMonthCharge> rows) =>
        rows.Select(c => $"{c.PayerOrganizationId} {c.Year} {c.Month} {c.ChargeFen} {c.PayerName} {c.Paid}").Order(StringComparer.Ordinal).ToList();

    private static List<string> Rows(IEnumerable<ResourceYearFigure> rows) =>
        rows.Select(f => $"{f.ResourceId} {f.OwnerOrganizationId} {f.Year} {f.CenterId} {f.BookedMinutes} {f.UsedMinutes} {f.MemberMinutes} {f.OutsideMinutes} {f.IncomeFen} {f.ResourceName} {f.ResourceUsedMinutes} {f.Lead}")
            .Order(StringComparer.Ordinal).ToList();
}

public sealed class SqliteResourceFigureKeepingTests(SqliteAppFactory factory) : ResourceFigureKeepingTests<SqliteAppFactory>(factory);

[PostgresSuite]
public sealed class PostgresResourceFigureKeepingTests(PostgresAppFactory factory) : ResourceFigureKeepingTests<PostgresAppFactory>(factory);
