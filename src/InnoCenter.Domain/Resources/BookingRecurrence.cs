using InnoCenter.Domain.Common;
using InnoCenter.Domain.Policy;

namespace InnoCenter.Domain.Resources;

/// <summary>How often a series of bookings (周期预约) repeats.</summary>
public enum RecurrenceFrequency
{
    Daily,
    Weekly,
}

/// <summary>
/// Expands a series of bookings from its first slot: the same Beijing wall-clock hours every day or every week, a given
/// number of times or until a date (inclusive). Beijing keeps no daylight saving, so a day is always 24 hours.
/// </summary>
public static class BookingRecurrence
{
    public static Result<IReadOnlyList<TimeRange>> Expand(
        TimeRange first, RecurrenceFrequency frequency, int? count, DateOnly? until, ResourceRules rules)
    {
        var errors = new List<Error>();
        var step = frequency == RecurrenceFrequency.Daily ? TimeSpan.FromDays(1) : TimeSpan.FromDays(7);
        if (first.Ends <= first.Starts)
        {
            errors.Add(new Error("resources.range_invalid", "ends"));
        }
        else if (first.Length > step)
        {
            // An occurrence longer than the step would overlap the next one of its own series.
            errors.Add(new Error("resources.series_longer_than_step", "ends"));
        }

        if (count is null == until is null)
        {
            errors.Add(new Error("resources.series_count_or_until", "count"));
        }
        else if (count is { } n && (n < 2 || n > rules.MaxSeriesOccurrences))
        {
            errors.Add(new Error("resources.series_count_invalid", "count", 2, rules.MaxSeriesOccurrences));
        }

        if (errors.Count > 0)
        {
            return Failure.Validation(errors);
        }

        var slots = new List<TimeRange>();
        var firstDay = DateOnly.FromDateTime(first.Starts.ToBeijingTime().DateTime);
        if (until is { } last && last <= firstDay)
        {
            return Failure.Validation(new Error("resources.series_until_invalid", "until"));
        }

        for (var i = 0; ; i++)
        {
            var slot = new TimeRange(first.Starts + (step * i), first.Ends + (step * i));
            if (count is { } c ? i >= c : DateOnly.FromDateTime(slot.Starts.ToBeijingTime().DateTime) > until!.Value)
            {
                break;
            }

            if (slots.Count == rules.MaxSeriesOccurrences)
            {
                return Failure.Validation(new Error("resources.series_count_invalid", "until", 2, rules.MaxSeriesOccurrences));
            }

            slots.Add(slot);
        }

        if (slots.Count < 2)
        {
            return Failure.Validation(new Error("resources.series_count_invalid", "until", 2, rules.MaxSeriesOccurrences));
        }

        return Result<IReadOnlyList<TimeRange>>.Ok(slots);
    }
}
