using InnoCenter.Domain.Resources;

namespace InnoCenter.Domain.Tests.Resources;

public sealed class AvailableHoursTests
{
    private static DateTimeOffset At(int month, int day, double hour) => BeijingTime.At(new DateOnly(2026, month, day), TimeSpan.FromHours(hour));

    [Fact]
    public void Hours_available_are_the_opening_windows_of_each_day_less_the_blackouts_counted_once()
    {
        // March 2026: 1 March is a Sunday. Mondays 08:30-12:00 and 13:00-17:30 (8 h), Tuesdays 08:30-17:30 (9 h).
        // Mondays 2, 9, 16, 23, 30 and Tuesdays 3, 10, 17, 24, 31: 5 × 8 + 5 × 9 = 85 h.
        var hours = OpeningHours.Parse("Mon 08:30-12:00; Mon 13:00-17:30; Tue 08:30-17:30").Value;
        var blackouts = new[]
        {
            new TimeRange(At(3, 9, 10), At(3, 9, 14)),   // Monday 9th 10:00-14:00: 2 h of the morning + 1 h of the afternoon
            new TimeRange(At(3, 9, 11), At(3, 9, 12.5)), // overlaps the first: nothing more
            new TimeRange(At(3, 14, 0), At(3, 16, 0)),   // Saturday to Monday 00:00: closed days, nothing taken
            new TimeRange(At(3, 31, 16), At(4, 2, 0)),   // Tuesday 31st from 16:00, running past the month: 1.5 h
        };

        var march = AvailableHours.Minutes(hours, blackouts, At(3, 1, 0), At(4, 1, 0));
        var noBlackouts = AvailableHours.Minutes(hours, [], At(3, 1, 0), At(4, 1, 0));
        var fromMidday = AvailableHours.Minutes(hours, [], At(3, 2, 12), At(3, 3, 0));

        Assert.Equal(85 * 60, noBlackouts);
        Assert.Equal((85 - 3 - 1.5) * 60, march);
        Assert.Equal(4.5 * 60, fromMidday);
    }

    [Fact]
    public void A_resource_open_around_the_clock_is_available_every_hour_of_the_year_less_its_blackouts()
    {
        var year = AvailableHours.Minutes(OpeningHours.AroundTheClock, [new TimeRange(At(6, 1, 0), At(6, 3, 0))], At(1, 1, 0), BeijingTime.At(new DateOnly(2027, 1, 1), TimeSpan.Zero));

        Assert.Equal((365 - 2) * 24 * 60, year);
    }
}
