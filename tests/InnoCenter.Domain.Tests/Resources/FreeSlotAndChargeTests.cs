using InnoCenter.Domain.Centers;
using InnoCenter.Domain.Policy;
using InnoCenter.Domain.Resources;

namespace InnoCenter.Domain.Tests.Resources;

/// <summary>The free-slot search against hand-made calendars, and the charges of usage, no-shows and late cancellations.</summary>
public sealed class FreeSlotAndChargeTests
{
    private static readonly DateOnly Monday = new(2027, 1, 4);

    private static DateTimeOffset At(int dayOffset, double hour) => BeijingTime.At(Monday.AddDays(dayOffset), TimeSpan.FromHours(hour));

    private static TimeRange Range(int day, double from, double to) => new(At(day, from), At(day, to));

    private static readonly OpeningHours NineToFive = OpeningHours.Parse("Mon 09:00-17:00; Tue 09:00-17:00; Wed 09:00-17:00").Value;

    [Fact]
    public void The_earliest_gap_long_enough_is_found_between_bookings()
    {
        // Monday: busy 09-11 and 12-16 → the 1-hour gap 11-12 is too short for 2 h; 16-17 too; Tuesday 09:00 is first.
        var cal = new ResourceCalendar(Guid.NewGuid(), NineToFive, [Range(0, 9, 11), Range(0, 12, 16)]);
        var slots = FreeSlotFinder.Find([cal], TimeSpan.FromHours(2), At(0, 8), At(7, 0), 30, 10);
        Assert.Equal(Range(1, 9, 11), Assert.Single(slots).Slot);
    }

    [Fact]
    public void A_gap_that_fits_exactly_is_taken()
    {
        var cal = new ResourceCalendar(Guid.NewGuid(), NineToFive, [Range(0, 9, 11), Range(0, 13, 17)]);
        var slot = FreeSlotFinder.Earliest(cal, TimeSpan.FromHours(2), At(0, 8), At(7, 0), TimeSpan.FromMinutes(30));
        Assert.Equal(Range(0, 11, 13), slot);
    }

    [Fact]
    public void The_search_starts_on_the_next_grid_point_after_now_and_skips_blackouts()
    {
        // Now is Monday 10:10; a blackout (as busy) runs 11:00–Tuesday 10:00.
        var cal = new ResourceCalendar(Guid.NewGuid(), NineToFive, [new TimeRange(At(0, 11), At(1, 10))]);
        var slot = FreeSlotFinder.Earliest(cal, TimeSpan.FromMinutes(30), At(0, 10 + 10 / 60.0), At(7, 0), TimeSpan.FromMinutes(30));
        Assert.Equal(Range(0, 10.5, 11), slot);
        var hour = FreeSlotFinder.Earliest(cal, TimeSpan.FromHours(1), FreeSlotFinder.RoundUp(At(0, 10 + 10 / 60.0), TimeSpan.FromMinutes(30)), At(7, 0), TimeSpan.FromMinutes(30));
        Assert.Equal(Range(1, 10, 11), hour);
    }

    [Fact]
    public async Task The_search_that_reads_calendars_in_batches_answers_as_the_search_over_all_of_them()
    {
        var random = new Random(20261207);
        var hours = new[] { NineToFive, OpeningHours.AroundTheClock, OpeningHours.Parse("Tue 13:00-15:00; Thu 08:00-20:00").Value };
        for (var round = 0; round < 40; round++)
        {
            var calendars = Enumerable.Range(0, 60).Select(_ =>
            {
                var busy = Enumerable.Range(0, random.Next(6)).Select(_ =>
                {
                    var day = random.Next(7);
                    var from = random.Next(0, 22);
                    return Range(day, from, from + 1 + random.Next(3));
                }).ToList();
                return new ResourceCalendar(Guid.NewGuid(), hours[random.Next(hours.Length)], busy);
            }).ToList();
            var byId = calendars.ToDictionary(c => c.ResourceId);
            var length = TimeSpan.FromHours(1 + random.Next(4));
            var read = 0;
            var batched = await FreeSlotFinder.FindAsync(
                calendars.Select(c => (c.ResourceId, c.OpeningHours)).ToList(),
                ids =>
                {
                    read += ids.Count;
                    return Task.FromResult(ids.SelectMany(id => byId[id].Busy.Select(b => (id, b))).ToLookup(x => x.id, x => x.b));
                },
                length, At(0, 8.2), At(7, 0), 30, 10, 7);

            Assert.Equal(FreeSlotFinder.Find(calendars, length, At(0, 8.2), At(7, 0), 30, 10), batched);
            Assert.True(read < calendars.Count || batched.Count < 10, $"round {round}: every calendar was read for a full answer");
        }
    }

    [Fact]
    public void Across_resources_the_earliest_slots_come_first_and_a_full_resource_gives_none()
    {
        var full = new ResourceCalendar(Guid.NewGuid(), NineToFive, [new TimeRange(At(0, 0), At(7, 0))]);
        var late = new ResourceCalendar(Guid.NewGuid(), NineToFive, [Range(0, 9, 17)]);
        var early = new ResourceCalendar(Guid.NewGuid(), OpeningHours.AroundTheClock, [Range(0, 8, 12)]);
        var slots = FreeSlotFinder.Find([full, late, early], TimeSpan.FromHours(4), At(0, 8), At(7, 0), 60, 10);
        Assert.Equal([early.ResourceId, late.ResourceId], slots.Select(s => s.ResourceId));
        Assert.Equal(Range(0, 12, 16), slots[0].Slot);
        Assert.Equal(Range(1, 9, 13), slots[1].Slot);
    }

    [Fact]
    public void Nothing_is_found_when_no_window_is_long_enough_within_the_horizon()
    {
        var cal = new ResourceCalendar(Guid.NewGuid(), NineToFive, []);
        Assert.Empty(FreeSlotFinder.Find([cal], TimeSpan.FromHours(9), At(0, 8), At(7, 0), 30, 10));
    }

    private static readonly ResourceRules Rules = new() { CancellationDeadlineHours = 24, PendingExpiryHours = 48, NoShowChargePercent = 100, LateCancelChargePercent = 50 };

    private static ResearchResource Resource(bool approval = false, FeeUnit unit = FeeUnit.PerHour) => ResearchResource.Create(
        Guid.NewGuid(), Guid.NewGuid(),
        new ResourceDetails("电镜", "instrument", null, null, null, OpeningHours.AroundTheClock, approval, false, true, unit, 200m, 400m, 300m),
        At(-10, 9));

    private static ResourceBooking Book(ResearchResource r, BookerKind kind, FeeRate rate, DateTimeOffset now) =>
        ResourceBooking.Place(r, Guid.NewGuid(), Guid.NewGuid(), kind, rate, At(3, 9), At(3, 12), null, Rules, now);

    [Fact]
    public void Usage_is_charged_on_the_hours_used_at_the_rate_in_force_when_booked()
    {
        var r = Resource();
        var b = Book(r, BookerKind.Outside, FeeRate.Sme, At(0, 9));
        r.Update(new ResourceDetails("电镜", "instrument", null, null, null, OpeningHours.AroundTheClock, false, false, true, FeeUnit.PerHour, 1m, 1m, 1m), At(1, 9));
        Assert.True(b.RecordUsage(150, null, Guid.NewGuid(), At(3, 12)).IsSuccess);
        Assert.Equal(750m, b.Charge);
        Assert.Equal(75000, b.ChargeFen);
        Assert.Equal(BookingStatus.Completed, b.Status);
    }

    [Fact]
    public void A_no_show_is_charged_the_packs_share_of_the_booked_fee()
    {
        var b = Book(Resource(), BookerKind.Member, FeeRate.Member, At(0, 9));
        Assert.False(b.RecordNoShow(Guid.NewGuid(), At(2, 9), Rules).IsSuccess);
        Assert.True(b.RecordNoShow(Guid.NewGuid(), At(3, 13), Rules with { NoShowChargePercent = 80 }).IsSuccess);
        Assert.Equal(480m, b.Charge);
    }

    [Fact]
    public void A_cancellation_inside_the_deadline_is_late_and_charged_and_one_before_is_free()
    {
        var early = Book(Resource(), BookerKind.Member, FeeRate.Member, At(0, 9));
        Assert.True(early.Cancel(At(1, 9), Rules).IsSuccess);
        Assert.False(early.LateCancel);
        Assert.Equal(0m, early.Charge);

        var late = Book(Resource(), BookerKind.Member, FeeRate.Member, At(0, 9));
        Assert.True(late.Cancel(At(2, 10), Rules).IsSuccess);
        Assert.True(late.LateCancel);
        Assert.Equal(300m, late.Charge);
        Assert.False(late.Cancel(At(2, 11), Rules).IsSuccess);
    }

    [Fact]
    public void A_pending_booking_expires_only_after_the_packs_hours_and_cannot_then_be_approved()
    {
        var b = Book(Resource(approval: true), BookerKind.Member, FeeRate.Member, At(0, 9));
        Assert.Equal(BookingStatus.Pending, b.Status);
        Assert.False(b.Expire(At(1, 9)).IsSuccess);
        Assert.False(b.Approve(Guid.NewGuid(), At(2, 9)).IsSuccess);
        Assert.True(b.Expire(At(2, 9)).IsSuccess);
        Assert.Equal(BookingStatus.Expired, b.Status);
    }

    [Fact]
    public void The_owner_books_without_approval_even_where_others_need_it()
    {
        var b = Book(Resource(approval: true), BookerKind.Owner, FeeRate.Member, At(0, 9));
        Assert.Equal(BookingStatus.Approved, b.Status);
    }

    [Fact]
    public void A_per_sample_resource_charges_per_sample_and_needs_the_count()
    {
        var b = Book(Resource(unit: FeeUnit.PerSample), BookerKind.Member, FeeRate.Member, At(0, 9));
        Assert.False(b.RecordUsage(60, null, Guid.NewGuid(), At(3, 12)).IsSuccess);
        Assert.True(b.RecordUsage(60, 7, Guid.NewGuid(), At(3, 12)).IsSuccess);
        Assert.Equal(1400m, b.Charge);
    }
}
