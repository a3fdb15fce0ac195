using InnoCenter.Domain.Policy;
using InnoCenter.Domain.Resources;

namespace InnoCenter.Domain.Tests.Resources;

public sealed class BookingRuleTests
{
    private static readonly ResourceRules Rules = new()
    {
        Categories = [new CodeItem("instrument", "仪器", "Instrument")],
        MaxBookingHours = 8,
        MaxAdvanceDays = 30,
        CancellationDeadlineHours = 24,
        PendingExpiryHours = 48,
        SlotMinutes = 30,
        NoShowChargePercent = 100,
        LateCancelChargePercent = 50,
    };

    // Monday 2027-01-04 00:00 Beijing.
    private static readonly DateOnly Monday = new(2027, 1, 4);
    private static readonly DateTimeOffset Now = BeijingTime.At(Monday, TimeSpan.FromHours(7));
    private static readonly OpeningHours Weekdays = OpeningHours.Parse("Mon 08:30-12:00; Mon 13:00-17:30; Tue 08:30-17:30").Value;

    private static TimeRange Slot(DateOnly day, double from, double to) =>
        new(BeijingTime.At(day, TimeSpan.FromHours(from)), BeijingTime.At(day, TimeSpan.FromHours(to)));

    private static BookingCheck Check(IReadOnlyList<TimeRange>? blackouts = null, bool trainingNeeded = false, bool trained = true,
        bool open = true, BookerKind kind = BookerKind.Member) => new(Weekdays, blackouts ?? [], trainingNeeded, trained, open, kind);

    private static IEnumerable<string> Codes(TimeRange slot, BookingCheck c, ResourceRules? rules = null) =>
        BookingRules.Check(slot, c, rules ?? Rules, Now).Select(e => e.Code);

    [Fact]
    public void A_slot_inside_one_opening_window_passes() => Assert.Empty(Codes(Slot(Monday, 9, 11.5), Check()));

    [Fact]
    public void A_slot_across_the_lunch_break_is_outside_opening_hours() =>
        Assert.Contains("resources.outside_opening_hours", Codes(Slot(Monday, 11, 14), Check()));

    [Fact]
    public void A_slot_on_a_day_without_hours_is_outside_opening_hours() =>
        Assert.Contains("resources.outside_opening_hours", Codes(Slot(Monday.AddDays(2), 9, 10), Check()));

    [Fact]
    public void A_slot_in_the_past_is_refused() =>
        Assert.Contains("resources.slot_in_past", Codes(Slot(Monday, 6, 6.5), Check() with { OpeningHours = OpeningHours.AroundTheClock }));

    [Fact]
    public void A_slot_longer_than_the_pack_allows_is_refused() =>
        Assert.Contains("resources.too_long", Codes(Slot(Monday.AddDays(7), 8, 17), Check() with { OpeningHours = OpeningHours.AroundTheClock }));

    [Fact]
    public void The_longest_booking_comes_from_the_pack_not_the_code()
    {
        var slot = Slot(Monday.AddDays(7), 8, 17);
        var check = Check() with { OpeningHours = OpeningHours.AroundTheClock };
        Assert.DoesNotContain("resources.too_long", Codes(slot, check, Rules with { MaxBookingHours = 9 }));
    }

    [Fact]
    public void A_slot_beyond_the_advance_window_is_refused() =>
        Assert.Contains("resources.too_far_ahead", Codes(Slot(Monday.AddDays(35), 9, 10), Check() with { OpeningHours = OpeningHours.AroundTheClock }));

    [Fact]
    public void A_slot_off_the_booking_grid_is_refused() =>
        Assert.Contains("resources.slot_granularity", Codes(Slot(Monday, 9.25, 10), Check()));

    [Fact]
    public void A_slot_touching_a_blackout_passes_and_one_inside_it_is_refused()
    {
        var blackout = Slot(Monday, 13, 15);
        Assert.Empty(Codes(Slot(Monday, 15, 16), Check([blackout])));
        Assert.Contains("resources.in_blackout", Codes(Slot(Monday, 14, 16), Check([blackout])));
    }

    [Fact]
    public void An_untrained_user_is_refused_where_training_is_needed()
    {
        Assert.Contains("resources.training_required", Codes(Slot(Monday, 9, 10), Check(trainingNeeded: true, trained: false)));
        Assert.Empty(Codes(Slot(Monday, 9, 10), Check(trainingNeeded: true, trained: true)));
    }

    [Fact]
    public void An_outside_organisation_is_refused_where_the_resource_or_the_pack_says_so()
    {
        Assert.Contains("resources.not_open_to_outside", Codes(Slot(Monday, 9, 10), Check(open: false, kind: BookerKind.Outside)));
        Assert.Contains("resources.not_open_to_outside", Codes(Slot(Monday, 9, 10), Check(open: true, kind: BookerKind.Outside), Rules with { OutsideEnterprisesMayBook = false }));
        Assert.Empty(Codes(Slot(Monday, 9, 10), Check(open: false, kind: BookerKind.Member)));
    }

    [Theory]
    [InlineData("Mon 08:30")]
    [InlineData("Xyz 08:00-09:00")]
    [InlineData("Mon 10:00-09:00")]
    [InlineData("Mon 08:00-12:00; Mon 11:00-13:00")]
    public void Malformed_or_overlapping_opening_hours_are_refused(string text) => Assert.False(OpeningHours.Parse(text).IsSuccess);

    [Fact]
    public void Opening_hours_round_trip_through_their_text()
    {
        var text = "Mon 08:30-12:00; Mon 13:00-17:30; Sun 00:00-24:00";
        Assert.Equal(text, OpeningHours.Parse(text).Value.ToString());
    }

    [Fact]
    public void Both_packs_carry_valid_resource_rules_with_the_six_categories()
    {
        foreach (var pack in new[] { Assessment.TestPacks.Tianjin, Assessment.TestPacks.National })
        {
            Assert.Empty(pack.Validate());
            Assert.Equal(["instrument", "pilot-line", "lab", "test-service", "data-set", "software"], pack.Resources.Categories.Select(c => c.Code));
        }

        Assert.NotEqual(Assessment.TestPacks.Tianjin.Resources.SlotMinutes, Assessment.TestPacks.National.Resources.SlotMinutes);
    }

    [Fact]
    public void A_pack_with_a_granularity_that_does_not_divide_a_day_is_invalid() =>
        Assert.Contains((Rules with { SlotMinutes = 7 }).Validate(), e => e.Field == "resources.slotMinutes");
}
