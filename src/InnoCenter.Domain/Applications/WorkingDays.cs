namespace InnoCenter.Domain.Applications;

/// <summary>
/// Working-day arithmetic for notice windows: weekends and listed holidays do not count; weekend days listed as
/// adjusted workdays (调休上班) do.
/// </summary>
public sealed class WorkingDays(IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> adjustedWorkdays, IEnumerable<int>? calendarYears = null)
{
    private readonly HashSet<DateOnly> _holidays = [.. holidays];
    private readonly HashSet<DateOnly> _adjusted = [.. adjustedWorkdays];
    private readonly HashSet<int>? _years = calendarYears is null ? null : [.. calendarYears];

    /// <summary>
    /// The years between two days (both inclusive) whose holidays are not known: counting their working days would
    /// silently treat 1 January as one.
    /// </summary>
    public IReadOnlyList<int> UncoveredYears(DateOnly from, DateOnly to) =>
        _years is null ? [] : Enumerable.Range(from.Year, to.Year - from.Year + 1).Where(y => !_years.Contains(y)).ToList();

    public bool IsWorkingDay(DateOnly day)
    {
        if (_adjusted.Contains(day))
        {
            return true;
        }

        return day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(day);
    }

    /// <summary>The first working day strictly after <paramref name="day"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly day)
    {
        var d = day.AddDays(1);
        while (!IsWorkingDay(d))
        {
            d = d.AddDays(1);
        }

        return d;
    }

    /// <summary>
    /// A window of <paramref name="count"/> working days that opens on the first working day after the decision:
    /// returns its first and last day (both inclusive).
    /// </summary>
    public (DateOnly Start, DateOnly End) Window(DateOnly decidedOn, int count)
    {
        if (count < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(count), "A notice lasts at least one working day.");
        }

        var start = NextWorkingDay(decidedOn);
        var end = start;
        for (var i = 1; i < count; i++)
        {
            end = NextWorkingDay(end);
        }

        return (start, end);
    }
}
