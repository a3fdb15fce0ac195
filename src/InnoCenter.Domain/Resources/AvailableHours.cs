namespace InnoCenter.Domain.Resources;

/// <summary>
/// 可用机时: the minutes a resource is open in a period — its weekly opening windows (Beijing time; none = around the
/// clock) on every day of the period, less the time any blackout covers. Overlapping blackouts count once, a blackout
/// outside the opening windows takes nothing away, and only the part inside the period counts.
/// </summary>
public static class AvailableHours
{
    public static long Minutes(OpeningHours hours, IEnumerable<TimeRange> blackouts, DateTimeOffset from, DateTimeOffset to) =>
        to <= from ? 0 : OpenMinutes(hours, from, to) - ClosedMinutes(hours, blackouts, from, to);

    /// <summary>
    /// The minutes of the opening windows in the period, with no blackout: the same for every resource with the same
    /// hours over the same period, so a caller summing many resources computes it once per distinct hours.
    /// </summary>
    public static long OpenMinutes(OpeningHours hours, DateTimeOffset from, DateTimeOffset to) =>
        to <= from ? 0 : (long)Math.Round(Windows(hours, from, to).Sum(w => (w.Ends - w.Starts).TotalMinutes));

    /// <summary>The open minutes that the blackouts (merged, so overlaps count once) take away in the period.</summary>
    public static long ClosedMinutes(OpeningHours hours, IEnumerable<TimeRange> blackouts, DateTimeOffset from, DateTimeOffset to) =>
        to <= from ? 0 : Merge(blackouts.Where(b => b.Ends > from && b.Starts < to))
            .Sum(b => OpenMinutes(hours, b.Starts > from ? b.Starts : from, b.Ends < to ? b.Ends : to));

    private static IEnumerable<TimeRange> Windows(OpeningHours hours, DateTimeOffset from, DateTimeOffset to)
    {
        if (hours.IsAroundTheClock)
        {
            yield return new TimeRange(from, to);
            yield break;
        }

        var first = DateOnly.FromDateTime(from.ToBeijingTime().DateTime);
        var last = DateOnly.FromDateTime(to.ToBeijingTime().DateTime);
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            foreach (var w in hours.On(day.DayOfWeek))
            {
                var starts = BeijingTime.At(day, w.From.ToTimeSpan());
                var ends = BeijingTime.At(day, OpeningHours.EndOf(w));
                starts = starts < from ? from : starts;
                ends = ends > to ? to : ends;
                if (ends > starts)
                {
                    yield return new TimeRange(starts, ends);
                }
            }
        }
    }

    private static List<TimeRange> Merge(IEnumerable<TimeRange> ranges)
    {
        var merged = new List<TimeRange>();
        foreach (var r in ranges.OrderBy(r => r.Starts))
        {
            if (merged.Count > 0 && r.Starts <= merged[^1].Ends)
            {
                merged[^1] = merged[^1] with { Ends = r.Ends > merged[^1].Ends ? r.Ends : merged[^1].Ends };
            }
            else
            {
                merged.Add(r);
            }
        }

        return merged;
    }
}
