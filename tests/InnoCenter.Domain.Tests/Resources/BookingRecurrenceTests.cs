using InnoCenter.Domain.Policy;
using InnoCenter.Domain.Resources;

namespace InnoCenter.Domain.Tests.Resources;

public sealed class BookingRecurrenceTests
{
    private static readonly ResourceRules Rules = new() { MaxSeriesOccurrences = 6 };

    private static readonly DateOnly Monday = new(2027, 1, 4);

    private static TimeRange First(double from = 9, double to = 11) =>
        new(BeijingTime.At(Monday, TimeSpan.FromHours(from)), BeijingTime.At(Monday, TimeSpan.FromHours(to)));

    [Fact]
    public void A_weekly_series_by_count_repeats_the_same_beijing_hours_each_week()
    {
        var slots = BookingRecurrence.Expand(First(), RecurrenceFrequency.Weekly, 3, null, Rules).Value;

        Assert.Equal(3, slots.Count);
        Assert.Equal(BeijingTime.At(Monday.AddDays(14), TimeSpan.FromHours(9)), slots[2].Starts);
        Assert.Equal(BeijingTime.At(Monday.AddDays(14), TimeSpan.FromHours(11)), slots[2].Ends);
    }

    [Fact]
    public void A_daily_series_until_a_date_includes_that_date()
    {
        var slots = BookingRecurrence.Expand(First(), RecurrenceFrequency.Daily, null, Monday.AddDays(4), Rules).Value;

        Assert.Equal(5, slots.Count);
        Assert.Equal(Monday.AddDays(4), DateOnly.FromDateTime(slots[^1].Starts.ToBeijingTime().DateTime));
    }

    [Fact]
    public void More_occurrences_than_the_pack_allows_are_refused_by_count_and_by_date()
    {
        var byCount = BookingRecurrence.Expand(First(), RecurrenceFrequency.Daily, 7, null, Rules);
        var byDate = BookingRecurrence.Expand(First(), RecurrenceFrequency.Daily, null, Monday.AddDays(6), Rules);

        Assert.Equal("resources.series_count_invalid", byCount.Failure!.Errors[0].Code);
        Assert.Equal("resources.series_count_invalid", byDate.Failure!.Errors[0].Code);
        Assert.True(BookingRecurrence.Expand(First(), RecurrenceFrequency.Daily, null, Monday.AddDays(5), Rules).IsSuccess);
    }

    [Fact]
    public void Count_and_until_are_one_or_the_other()
    {
        Assert.Equal("resources.series_count_or_until", BookingRecurrence.Expand(First(), RecurrenceFrequency.Weekly, 2, Monday.AddDays(20), Rules).Failure!.Errors[0].Code);
        Assert.Equal("resources.series_count_or_until", BookingRecurrence.Expand(First(), RecurrenceFrequency.Weekly, null, null, Rules).Failure!.Errors[0].Code);
    }

    [Fact]
    public void An_occurrence_longer_than_the_step_would_meet_its_own_series_and_is_refused()
    {
        var longSlot = new TimeRange(BeijingTime.At(Monday, TimeSpan.FromHours(9)), BeijingTime.At(Monday.AddDays(1), TimeSpan.FromHours(10)));

        Assert.Equal("resources.series_longer_than_step", BookingRecurrence.Expand(longSlot, RecurrenceFrequency.Daily, 2, null, Rules).Failure!.Errors[0].Code);
        Assert.True(BookingRecurrence.Expand(longSlot, RecurrenceFrequency.Weekly, 2, null, Rules).IsSuccess);
    }

    [Fact]
    public void An_until_date_on_or_before_the_first_day_is_refused() =>
        Assert.Equal("resources.series_until_invalid", BookingRecurrence.Expand(First(), RecurrenceFrequency.Daily, null, Monday, Rules).Failure!.Errors[0].Code);
}
