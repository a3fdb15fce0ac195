using System.Globalization;
using InnoCenter.Domain.Resources;
using InnoCenter.Web.Infrastructure.Localization;

namespace InnoCenter.Web.Features.Resources;

/// <summary>
/// Opening hours as a reader sees them: the days in the reader's language (周一 / Mon), days with the same hours said
/// once (周一、周二 08:30–17:30), around the clock in words. The stored compact form stays the edit form's.
/// </summary>
public static class OpeningHoursText
{
    public static string Of(string? stored, Text text)
    {
        var parsed = OpeningHours.Parse(stored);
        if (string.IsNullOrWhiteSpace(stored) || !parsed.IsSuccess || parsed.Value.IsAroundTheClock)
        {
            return parsed.IsSuccess || string.IsNullOrWhiteSpace(stored) ? text["resources.aroundTheClock"] : stored;
        }

        var names = CultureInfo.CurrentUICulture.DateTimeFormat;
        var week = Enumerable.Range(1, 7).Select(i => (DayOfWeek)(i % 7));
        return text.Clauses(week
            .Select(day => (Day: names.GetAbbreviatedDayName(day), Hours: string.Join(", ", parsed.Value.On(day).Select(Range))))
            .Where(d => d.Hours.Length > 0)
            .GroupBy(d => d.Hours)
            .Select(g => text.List(g.Select(d => d.Day)) + " " + g.Key));
    }

    /// <summary>The hours of one weekday alone (the day view): its windows, around the clock, or closed.</summary>
    public static string OnDay(string? stored, DayOfWeek day, Text text)
    {
        var parsed = OpeningHours.Parse(stored);
        if (string.IsNullOrWhiteSpace(stored) || !parsed.IsSuccess || parsed.Value.IsAroundTheClock)
        {
            return parsed.IsSuccess || string.IsNullOrWhiteSpace(stored) ? text["resources.aroundTheClock"] : stored;
        }

        var windows = parsed.Value.On(day).Select(Range).ToList();
        return windows.Count == 0 ? text["resources.schedule.closed"] : string.Join(", ", windows);
    }

    private static string Range(OpeningWindow w)
    {
        var end = OpeningHours.EndOf(w);
        return w.From.ToString("HH:mm", CultureInfo.InvariantCulture) + "–"
            + (end == TimeSpan.FromDays(1) ? "24:00" : w.To.ToString("HH:mm", CultureInfo.InvariantCulture));
    }
}
