using InnoCenter.Domain.Policy;
using InnoCenter.Domain.Tests.Assessment;

namespace InnoCenter.Domain.Tests.Applications;

/// <summary>
/// A notice window that runs into a year without a holiday calendar is refused with a message that names the year and
/// the pack's field, or, where the pack says so, counted as plain weekdays and marked, never silently (issue 16.1).
/// </summary>
public sealed class NoticeWindowCalendarTests
{
    private static ApplicationRules Rules(MissingCalendarYear missing) => new()
    {
        NoticeWorkingDays = 5,
        CalendarYears = [2026],
        Holidays = [new DateOnly(2026, 10, 1)],
        MissingCalendarYear = missing,
    };

    [Fact]
    public void A_window_into_a_year_without_a_calendar_is_refused_naming_the_year_and_the_holidays_field()
    {
        var window = Rules(MissingCalendarYear.Refuse).NoticeWindow(new DateOnly(2026, 12, 28));

        Assert.False(window.IsSuccess);
        var error = Assert.Single(window.Failure!.Errors);
        Assert.Equal("policy.calendar_missing", error.Code);
        Assert.Equal("applications.holidays", error.Field);
        Assert.Contains("2027", Assert.IsType<string[]>(Assert.Single(error.Args)));
    }

    [Fact]
    public void A_window_inside_the_calendar_years_is_answered_without_a_warning()
    {
        var window = Rules(MissingCalendarYear.Refuse).NoticeWindow(new DateOnly(2026, 9, 28));

        Assert.True(window.IsSuccess);
        Assert.Empty(window.Value.WeekdayYears);
        // 1 October is a holiday: 29, 30 September, 2, 5, 6 October.
        Assert.Equal(new DateOnly(2026, 9, 29), window.Value.Start);
        Assert.Equal(new DateOnly(2026, 10, 6), window.Value.End);
    }

    [Fact]
    public void A_pack_that_says_weekdays_counts_the_missing_year_as_weekdays_and_names_it()
    {
        var window = Rules(MissingCalendarYear.Weekdays).NoticeWindow(new DateOnly(2026, 12, 28));

        Assert.True(window.IsSuccess);
        Assert.Equal([2027], window.Value.WeekdayYears);
        // 29, 30, 31 December, then 1 January counted as a weekday for want of the 2027 calendar, and 4 January.
        Assert.Equal(new DateOnly(2027, 1, 4), window.Value.End);
    }

    [Theory]
    [InlineData("tianjin-2020.json")]
    [InlineData("national-2018.json")]
    public void Each_shipped_pack_has_a_calendar_or_says_how_a_year_without_one_is_counted(string file)
    {
        var rules = TestPacks.Load(file).Applications;

        Assert.NotEmpty(rules.Holidays);
        Assert.NotEmpty(rules.CalendarYears);
        var beyond = rules.CalendarYears.Max() + 1;
        var window = rules.NoticeWindow(new DateOnly(beyond - 1, 12, 30));
        Assert.Equal(rules.MissingCalendarYear == MissingCalendarYear.Weekdays, window.IsSuccess);
        if (window.IsSuccess)
        {
            Assert.Contains(beyond, window.Value.WeekdayYears);
        }
    }
}
