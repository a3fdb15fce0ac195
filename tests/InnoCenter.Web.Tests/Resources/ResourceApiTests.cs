using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InnoCenter.Domain.Resources;
using InnoCenter.Web.Features.Resources;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Tests.Centers;
using InnoCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Tests.Resources;

/// <summary>The catalogue, booking refusals, approvals, roles, usage, figures and the free-slot search over HTTP.</summary>
public abstract class ResourceApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    private DateTimeOffset Now => factory.Clock.GetUtcNow();

    private static async Task<string[]> CodesOf(HttpResponseMessage r) =>
        (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("codes").EnumerateArray().Select(c => c.GetString()!).ToArray();

    [ProviderFact]
    public async Task The_owner_must_be_a_member_of_the_center_and_only_its_users_or_the_centers_may_add_it()
    {
        var center = await factory.CreateCenterAsync();
        var other = await factory.CreateCenterAsync();
        var stranger = await factory.MemberUserAsync(other.University);

        var notMember = await (await factory.CenterUserAsync(center)).PostAsJsonAsync("/api/v1/resources", ResourceTestData.Request(center, owner: other.University.Id));
        var forbidden = await stranger.PostAsJsonAsync("/api/v1/resources", ResourceTestData.Request(center));

        Assert.Equal(HttpStatusCode.BadRequest, notMember.StatusCode);
        Assert.Contains("resources.owner_not_member", await CodesOf(notMember));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.ResearchResources.AnyAsync(r => r.CenterId == center.Id)));
    }

    [ProviderFact]
    public async Task The_catalogue_is_searched_through_the_index_across_centers()
    {
        var a = await factory.CreateCenterAsync();
        var b = await factory.CreateCenterAsync();
        var tag = "钛合金" + Guid.NewGuid().ToString("N")[..4];
        await (await factory.MemberUserAsync(a.University)).CreateResourceAsync(ResourceTestData.Request(a, name: tag + "疲劳试验机"));
        await (await factory.CenterUserAsync(b)).CreateResourceAsync(ResourceTestData.Request(b, owner: b.Lead.Id, name: tag + "增材制造中试线") with { Category = "pilot-line" });
        var reader = await factory.MemberUserAsync((await factory.CreateCenterAsync()).Institute);

        var all = await reader.GetFromJsonAsync<JsonElement>($"/api/v1/resources?q={Uri.EscapeDataString(tag)}");
        var lines = await reader.GetFromJsonAsync<JsonElement>($"/api/v1/resources?q={Uri.EscapeDataString(tag)}&category=pilot-line");

        Assert.Equal(2, all.GetProperty("total").GetInt32());
        Assert.Equal(1, lines.GetProperty("total").GetInt32());
        Assert.Equal("中试线", lines.GetProperty("items")[0].GetProperty("categoryLabel").GetString());
    }

    [ProviderFact]
    public async Task Bad_slots_are_refused_each_with_its_reason_and_nothing_is_written()
    {
        var center = await factory.CreateCenterAsync();
        var owner = await factory.MemberUserAsync(center.University);
        var resource = await owner.CreateResourceAsync(ResourceTestData.Request(center, openingHours: "Mon 09:00-17:00; Tue 09:00-17:00; Wed 09:00-17:00; Thu 09:00-17:00; Fri 09:00-17:00; Sat 09:00-17:00; Sun 09:00-17:00"));
        var day = ResourceTestData.BeijingDayAt(Now, 3, 0);
        var blackout = await owner.PostAsJsonAsync($"/api/v1/resources/{resource.Id}/blackouts", new BlackoutRequest { Starts = day.AddHours(13), Ends = day.AddHours(15), Reason = "年度检定" });
        Assert.Equal(HttpStatusCode.OK, blackout.StatusCode);
        var member = await factory.MemberUserAsync(center.Institute, "en-US");

        async Task Refused(DateTimeOffset s, DateTimeOffset e, string code, HttpStatusCode status = HttpStatusCode.BadRequest)
        {
            var r = await member.BookAsync(resource.Id, s, e);
            Assert.Equal(status, r.StatusCode);
            Assert.Contains(code, await CodesOf(r));
        }

        await Refused(day.AddDays(-4).AddHours(10), day.AddDays(-4).AddHours(11), "resources.slot_in_past");
        await Refused(day.AddHours(7), day.AddHours(9), "resources.outside_opening_hours");
        await Refused(day.AddHours(14), day.AddHours(16), "resources.in_blackout");
        await Refused(day.AddDays(100).AddHours(9), day.AddDays(100).AddHours(10), "resources.too_far_ahead");
        await Refused(day.AddHours(9).AddMinutes(10), day.AddHours(10), "resources.slot_granularity");
        await Refused(day.AddHours(10), day.AddHours(9), "resources.range_invalid");
        Assert.False(await factory.WithDbAsync(db => db.ResourceBookings.AnyAsync(b => b.ResourceId == resource.Id)));
        var text = (await (await member.BookAsync(resource.Id, day.AddHours(14), day.AddHours(16))).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
        Assert.Contains("blackout", text);
    }

    [ProviderFact]
    public async Task An_untrained_user_is_refused_until_the_owner_records_training()
    {
        var center = await factory.CreateCenterAsync();
        var owner = await factory.MemberUserAsync(center.University);
        var resource = await owner.CreateResourceAsync(ResourceTestData.Request(center, needsTraining: true));
        var (user, token) = await factory.CreateUserAsync(Roles.MemberUser, center.Institute.Id);
        var client = factory.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var starts = ResourceTestData.BeijingDayAt(Now, 2, 10);

        var refused = await client.BookAsync(resource.Id, starts, starts.AddHours(1));
        var trained = await owner.PostAsJsonAsync($"/api/v1/resources/{resource.Id}/trainings", new TrainingRequest { Email = user.Email });
        var booked = await client.BookAsync(resource.Id, starts, starts.AddHours(1));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("resources.training_required", await CodesOf(refused));
        Assert.Equal(HttpStatusCode.NoContent, trained.StatusCode);
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
    }

    [ProviderFact]
    public async Task An_outside_enterprise_books_only_what_is_open_to_it_at_the_outside_or_confirmed_sme_rate()
    {
        var center = await factory.CreateCenterAsync();
        var owner = await factory.MemberUserAsync(center.University);
        var open = await owner.CreateResourceAsync(ResourceTestData.Request(center, openToOutside: true));
        var closed = await owner.CreateResourceAsync(ResourceTestData.Request(center, openToOutside: false));
        var outsider = await center.Admin.CreateOrganizationAsync(TestData.Organization(name: "外部中小企业" + Guid.NewGuid().ToString("N")[..4]));
        var client = await factory.MemberUserAsync(outsider);
        var starts = ResourceTestData.BeijingDayAt(Now, 2, 10);

        var refused = await client.BookAsync(closed.Id, starts, starts.AddHours(1));
        var outsideRate = await (await client.BookAsync(open.Id, starts, starts.AddHours(1))).Content.ReadFromJsonAsync<BookingDto>(Json.Options);
        var declared = await client.DeclareSmeAsync(evidence: ResourceTestData.UniquePdf());
        Assert.Equal(HttpStatusCode.OK, declared.StatusCode);
        var version = (await declared.Content.ReadFromJsonAsync<SmeStatusDto>(Json.Options))!.Version;
        var declaredOnly = await (await client.BookAsync(open.Id, starts.AddHours(1), starts.AddHours(2))).Content.ReadFromJsonAsync<BookingDto>(Json.Options);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"/api/v1/resources/sme/{outsider.Id}/confirm?version={version}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await center.Admin.PostAsync($"/api/v1/resources/sme/{outsider.Id}/confirm?version={version}", null)).StatusCode);
        var sme = await (await client.BookAsync(open.Id, starts.AddHours(2), starts.AddHours(3))).Content.ReadFromJsonAsync<BookingDto>(Json.Options);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("resources.not_open_to_outside", await CodesOf(refused));
        Assert.Equal((BookerKind.Outside, FeeRate.Outside, 400m), (outsideRate!.BookerKind, outsideRate.Rate, outsideRate.UnitFee));
        Assert.Equal(FeeRate.Outside, declaredOnly!.Rate);
        Assert.Equal((FeeRate.Sme, 300m), (sme!.Rate, sme.UnitFee));
    }

    [ProviderFact]
    public async Task A_pending_booking_holds_its_slot_until_approved_and_a_member_of_another_center_cannot_approve_it()
    {
        var center = await factory.CreateCenterAsync();
        var other = await factory.CreateCenterAsync();
        var owner = await factory.MemberUserAsync(center.University);
        var resource = await owner.CreateResourceAsync(ResourceTestData.Request(center, needsApproval: true));
        var member = await factory.MemberUserAsync(center.Institute);
        var starts = ResourceTestData.BeijingDayAt(Now, 2, 10);

        var pending = await (await member.BookAsync(resource.Id, starts, starts.AddHours(2))).Content.ReadFromJsonAsync<BookingDto>(Json.Options);
        var second = await (await factory.MemberUserAsync(center.Lead)).BookAsync(resource.Id, starts.AddHours(1), starts.AddHours(3));
        var queue = await owner.GetFromJsonAsync<JsonElement>("/api/v1/resources/bookings/approvals");
        var strangerApproval = await (await factory.MemberUserAsync(other.University)).PostAsJsonAsync($"/api/v1/resources/bookings/{pending!.Id}/approve", new DecisionRequest());
        var selfApproval = await member.PostAsJsonAsync($"/api/v1/resources/bookings/{pending.Id}/approve", new DecisionRequest());
        var approved = await (await factory.CenterUserAsync(center)).PostAsJsonAsync($"/api/v1/resources/bookings/{pending.Id}/approve", new DecisionRequest { Version = pending.Version });
        var again = await owner.PostAsJsonAsync($"/api/v1/resources/bookings/{pending.Id}/approve", new DecisionRequest());

        Assert.Equal(BookingStatus.Pending, pending.Status);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains(queue.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == pending.Id);
        Assert.Equal(HttpStatusCode.NotFound, strangerApproval.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, selfApproval.StatusCode);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Single(await factory.WithDbAsync(db => db.Notifications.Where(n => n.UserId == pending.BookerUserId).ToListAsync()));
    }

    [ProviderFact]
    public async Task An_expired_pending_booking_frees_its_slot()
    {
        var center = await factory.CreateCenterAsync();
        var owner = await factory.MemberUserAsync(center.University);
        var resource = await owner.CreateResourceAsync(ResourceTestData.Request(center, needsApproval: true));
        var starts = ResourceTestData.BeijingDayAt(Now, 20, 10);
        var first = await (await factory.MemberUserAsync(center.Institute)).BookAsync(resource.Id, starts, starts.AddHours(2));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        factory.Clock.Advance(TimeSpan.FromHours(73));
        var second = await (await factory.MemberUserAsync(center.Lead)).BookAsync(resource.Id, starts, starts.AddHours(2));

        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var statuses = await factory.WithDbAsync(db => db.ResourceBookings.Where(b => b.ResourceId == resource.Id).Select(b => b.Status).ToListAsync());
        Assert.Equal([BookingStatus.Pending, BookingStatus.Expired], statuses.Order());
    }

    [ProviderFact]
    public async Task A_refused_reschedule_keeps_the_old_booking_and_an_accepted_one_replaces_it()
    {
        var center = await factory.CreateCenterAsync();
        var owner = await factory.MemberUserAsync(center.University);
        var resource = await owner.CreateResourceAsync(ResourceTestData.Request(center));
        var member = await factory.MemberUserAsync(center.Institute);
        var starts = ResourceTestData.BeijingDayAt(Now, 4, 10);
        var mine = await (await member.BookAsync(resource.Id, starts, starts.AddHours(1))).Content.ReadFromJsonAsync<BookingDto>(Json.Options);
        await (await factory.MemberUserAsync(center.Lead)).BookAsync(resource.Id, starts.AddHours(3), starts.AddHours(4));

        var refused = await member.PostAsJsonAsync($"/api/v1/resources/bookings/{mine!.Id}/reschedule", new BookingRequest { Starts = starts.AddHours(3), Ends = starts.AddHours(4) });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(BookingStatus.Approved, await factory.WithDbAsync(db => db.ResourceBookings.Where(b => b.Id == mine.Id).Select(b => b.Status).SingleAsync()));

        // Moving by half an hour overlaps the old time: the old booking is cancelled first, in the same transaction.
        var moved = await member.PostAsJsonAsync($"/api/v1/resources/bookings/{mine.Id}/reschedule", new BookingRequest { Starts = starts.AddMinutes(30), Ends = starts.AddMinutes(90) });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(BookingStatus.Cancelled, await factory.WithDbAsync(db => db.ResourceBookings.Where(b => b.Id == mine.Id).Select(b => b.Status).SingleAsync()));
    }

    [ProviderFact]
    public async Task Yearly_figures_and_the_statement_equal_the_hand_count()
    {
        var center = await factory.CreateCenterAsync();
        var owner = await factory.MemberUserAsync(center.University);
        var resource = await owner.CreateResourceAsync(ResourceTestData.Request(center));
        var outsiderOrg = await center.Admin.CreateOrganizationAsync(TestData.Organization());
        var member = await factory.MemberUserAsync(center.Institute);
        var outsider = await factory.MemberUserAsync(outsiderOrg);
        var day = ResourceTestData.BeijingDayAt(Now, 1, 0);
        var own = await Book(owner, day.AddHours(8), day.AddHours(10));
        var m = await Book(member, day.AddHours(10), day.AddHours(13));
        var o = await Book(outsider, day.AddHours(13), day.AddHours(15));
        var noShow = await Book(member, day.AddHours(15), day.AddHours(16));

        factory.Clock.Advance(TimeSpan.FromDays(2));
        await Usage(own, new UsageRequest { UsedHours = 2 });
        await Usage(m, new UsageRequest { UsedHours = 2.5m });
        await Usage(o, new UsageRequest { UsedHours = 1.5m });
        await Usage(noShow, new UsageRequest { NoShow = true });

        var year = day.ToBeijingTime().Year;
        var rows = await owner.GetFromJsonAsync<JsonElement>($"/api/v1/resources/figures?year={year}&by=Resource");
        var row = rows.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("key").GetGuid() == resource.Id);
        // Hand count: used 2 + 2.5 + 1.5 = 6 h; external 2.5 (member) + 1.5 (outside) = 4 h; 共享率 4/6 = 66.7 %;
        // income 2×200 + 2.5×200 + 1.5×400 + no-show 1×200×100 % = 1,700 yuan.
        Assert.Equal(6m, row.GetProperty("usedHours").GetDecimal());
        Assert.Equal(2.5m, row.GetProperty("memberHours").GetDecimal());
        Assert.Equal(1.5m, row.GetProperty("outsideHours").GetDecimal());
        Assert.Equal(4m, row.GetProperty("externalHours").GetDecimal());
        Assert.Equal(66.7m, row.GetProperty("sharingRatePercent").GetDecimal());
        Assert.Equal(1700m, row.GetProperty("income").GetDecimal());

        var month = day.ToBeijingTime().Month;
        var statement = await member.GetFromJsonAsync<JsonElement>($"/api/v1/resources/statements/{center.Institute.Id}/{year}/{month}");
        Assert.Equal(700m, statement.GetProperty("total").GetDecimal());
        Assert.Equal(2, statement.GetProperty("lines").GetArrayLength());
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.GetAsync($"/api/v1/resources/statements/{center.Institute.Id}/{year}/{month}")).StatusCode);
        var export = await member.GetAsync($"/api/v1/resources/statements/{center.Institute.Id}/{year}/{month}/export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType!.MediaType);

        async Task<BookingDto> Book(HttpClient c, DateTimeOffset s, DateTimeOffset e)
        {
            var r = await c.BookAsync(resource.Id, s, e);
            Assert.Equal(HttpStatusCode.Created, r.StatusCode);
            return (await r.Content.ReadFromJsonAsync<BookingDto>(Json.Options))!;
        }

        async Task Usage(BookingDto b, UsageRequest u) =>
            Assert.Equal(HttpStatusCode.OK, (await owner.PostAsJsonAsync($"/api/v1/resources/bookings/{b.Id}/usage", u)).StatusCode);
    }

    [ProviderFact]
    public async Task The_free_slot_search_answers_the_earliest_gap_of_each_resource()
    {
        var center = await factory.CreateCenterAsync();
        var owner = await factory.MemberUserAsync(center.University);
        var tag = "扫描电镜" + Guid.NewGuid().ToString("N")[..4];
        var busy = await owner.CreateResourceAsync(ResourceTestData.Request(center, name: tag));
        var free = await owner.CreateResourceAsync(ResourceTestData.Request(center, name: tag, openingHours: "Mon 09:00-17:00; Tue 09:00-17:00; Wed 09:00-17:00; Thu 09:00-17:00; Fri 09:00-17:00; Sat 09:00-17:00; Sun 09:00-17:00"));
        var day = ResourceTestData.BeijingDayAt(Now, 1, 0);
        // The around-the-clock resource is blocked from now until tomorrow 12:00 in 8-hour pieces; its first 4 h gap is 12:00–16:00.
        var cursor = FreeSlotFinderRound(Now);
        while (cursor < day.AddHours(12))
        {
            var end = cursor.AddHours(8) < day.AddHours(12) ? cursor.AddHours(8) : day.AddHours(12);
            Assert.Equal(HttpStatusCode.Created, (await owner.BookAsync(busy.Id, cursor, end)).StatusCode);
            cursor = end;
        }

        await owner.PostAsJsonAsync($"/api/v1/resources/{free.Id}/blackouts", new BlackoutRequest { Starts = Now, Ends = day.AddHours(11), Reason = "维护" });
        var reader = await factory.MemberUserAsync(center.Institute);

        var slots = await reader.GetFromJsonAsync<JsonElement>($"/api/v1/resources/free-slots?q={Uri.EscapeDataString(tag)}&hours=4&days=7");

        var byResource = slots.EnumerateArray().ToDictionary(s => s.GetProperty("resourceId").GetGuid(), s => s.GetProperty("starts").GetDateTimeOffset());
        Assert.Equal(day.AddHours(11), byResource[free.Id]);
        Assert.Equal(day.AddHours(12), byResource[busy.Id]);
        Assert.Equal(HttpStatusCode.BadRequest, (await reader.GetAsync("/api/v1/resources/free-slots?hours=0")).StatusCode);
    }

    private static DateTimeOffset FreeSlotFinderRound(DateTimeOffset now) => FreeSlotFinder.RoundUp(now.AddMinutes(1), TimeSpan.FromMinutes(60));

    [ProviderFact]
    public async Task Anonymous_sees_the_public_catalogue_and_nothing_else_of_the_module()
    {
        var center = await factory.CreateCenterAsync();
        var owner = await factory.MemberUserAsync(center.University);
        var open = await owner.CreateResourceAsync(ResourceTestData.Request(center, name: "公开电镜"));
        var closed = await owner.CreateResourceAsync(ResourceTestData.Request(center, openToOutside: false, name: "内部电镜"));
        var anonymous = factory.AnonymousClient();

        var page = await anonymous.GetAsync($"/Resources/Public?q={Uri.EscapeDataString(open.Name)}");
        var html = await page.Content.ReadAsStringAsync();
        var closedPage = await (await anonymous.GetAsync($"/Resources/Public?q={Uri.EscapeDataString(closed.Name)}")).Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(open.Name, html);
        Assert.Contains("400.00", html);
        Assert.DoesNotContain("<td>" + closed.Name, closedPage);
        Assert.Contains("<td>" + open.Name, html);
        foreach (var path in new[] { "/Resources", $"/Resources/Details/{open.Id}", "/Resources/My", "/Resources/Approvals", "/Resources/Statement", "/Resources/Edit" })
        {
            var r = await anonymous.GetAsync(path);
            Assert.True(r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.Unauthorized, $"{path}: {r.StatusCode}");
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/resources")).StatusCode);
    }

    [ProviderFact]
    public async Task A_calendar_feed_serves_bookings_by_its_secret_address_and_a_renewed_address_replaces_the_old_at_once()
    {
        var center = await factory.CreateCenterAsync();
        var owner = await factory.MemberUserAsync(center.University);
        var resource = await owner.CreateResourceAsync(ResourceTestData.Request(center));
        var member = await factory.MemberUserAsync(center.Institute);
        var starts = ResourceTestData.BeijingDayAt(Now, 2, 10);
        await member.BookAsync(resource.Id, starts, starts.AddHours(2));
        var anonymous = factory.AnonymousClient();

        var mine = await (await member.PostAsync("/api/v1/resources/feeds/mine", null)).Content.ReadFromJsonAsync<FeedAddress>(Json.Options);
        var ics = await anonymous.GetAsync(mine!.Url);
        var body = await ics.Content.ReadAsStringAsync();
        var resourceFeed = await owner.PostAsync($"/api/v1/resources/{resource.Id}/feed", null);
        var notManager = await member.PostAsync($"/api/v1/resources/{resource.Id}/feed", null);
        var renewed = await (await member.PostAsync("/api/v1/resources/feeds/mine", null)).Content.ReadFromJsonAsync<FeedAddress>(Json.Options);

        Assert.Equal(HttpStatusCode.OK, ics.StatusCode);
        Assert.Equal("text/calendar", ics.Content.Headers.ContentType!.MediaType);
        Assert.Contains("BEGIN:VCALENDAR", body);
        Assert.Contains("DTSTART:" + starts.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture), body);
        Assert.Contains(resource.Name, body);
        Assert.Equal(HttpStatusCode.OK, resourceFeed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, notManager.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(mine.Url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(renewed!.Url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/v1/resources/feeds/guessed.ics")).StatusCode);
    }
}

public sealed class SqliteResourceApiTests(SqliteAppFactory factory) : ResourceApiTests<SqliteAppFactory>(factory);

[PostgresSuite]
public sealed class PostgresResourceApiTests(PostgresAppFactory factory) : ResourceApiTests<PostgresAppFactory>(factory);
