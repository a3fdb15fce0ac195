using InnoCenter.Domain.Applications;

namespace InnoCenter.Domain.Tests.Applications;

public sealed class WorkingDaysTests
{
    private static readonly WorkingDays Plain = new([], []);

    [Fact]
    public void A_five_day_window_decided_on_a_monday_runs_tuesday_to_the_next_monday()
    {
        var (start, end) = Plain.Window(new DateOnly(2026, 3, 2), 5);

        Assert.Equal(new DateOnly(2026, 3, 3), start);
        Assert.Equal(new DateOnly(2026, 3, 9), end);
    }

    [Fact]
    public void A_decision_on_friday_opens_the_window_on_monday()
    {
        var (start, end) = Plain.Window(new DateOnly(2026, 3, 6), 5);

        Assert.Equal(new DateOnly(2026, 3, 9), start);
        Assert.Equal(new DateOnly(2026, 3, 13), end);
    }

    [Fact]
    public void Holidays_do_not_count_and_adjusted_weekend_workdays_do()
    {
        // National Day 2026: 1–7 October off, Saturday 10 October worked.
        var days = new WorkingDays(
            Enumerable.Range(1, 7).Select(d => new DateOnly(2026, 10, d)),
            [new DateOnly(2026, 10, 10)]);

        var (start, end) = days.Window(new DateOnly(2026, 9, 30), 5);

        Assert.Equal(new DateOnly(2026, 10, 8), start);
        Assert.Equal(new DateOnly(2026, 10, 13), end);
        Assert.True(days.IsWorkingDay(new DateOnly(2026, 10, 10)));
        Assert.False(days.IsWorkingDay(new DateOnly(2026, 10, 11)));
    }

    [Fact]
    public void A_window_always_has_exactly_the_asked_number_of_working_days()
    {
        var days = new WorkingDays([new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 4), new DateOnly(2026, 5, 5)], [new DateOnly(2026, 5, 9)]);
        for (var offset = 0; offset < 60; offset++)
        {
            var decided = new DateOnly(2026, 4, 1).AddDays(offset);
            var (start, end) = days.Window(decided, 5);
            var count = 0;
            for (var d = start; d <= end; d = d.AddDays(1))
            {
                count += days.IsWorkingDay(d) ? 1 : 0;
            }

            Assert.Equal(5, count);
            Assert.True(days.IsWorkingDay(start) && days.IsWorkingDay(end));
            Assert.True(start > decided);
        }
    }

    [Fact]
    public void A_window_of_no_days_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Plain.Window(new DateOnly(2026, 3, 2), 0));
    }
}
