namespace InnoCenter.Domain.Applications;

/// <summary>
/// Working-day arithmetic for notice windows: weekends and listed holidays do not count; weekend days listed as
/// adjusted workdays (调休上班) do.
/// </summary>
public sealed class WorkingDays(IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> adjustedWorkdays)
{
    private readonly HashSet<DateOnly> _holidays = [.. holidays];
    private readonly HashSet<DateOnly> _adjusted = [.. adjustedWorkdays];

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
