using System.Globalization;
using System.Text;
using InnoCenter.Domain.Common;

namespace InnoCenter.Domain.Resources;

/// <summary>One weekly opening window (开放时间) in Beijing time: a weekday, and from/to on that day.</summary>
public sealed record OpeningWindow(DayOfWeek Day, TimeOnly From, TimeOnly To);

/// <summary>
/// A resource's weekly opening hours in Beijing time, stored as compact text (<c>Mon 08:30-17:30; Tue 08:30-12:00</c>).
/// No windows at all means open around the clock (a data set or software licence).
/// </summary>
public sealed class OpeningHours
{
    public static readonly OpeningHours AroundTheClock = new([]);

    private OpeningHours(IReadOnlyList<OpeningWindow> windows) => Windows = windows;

    public IReadOnlyList<OpeningWindow> Windows { get; }

    public bool IsAroundTheClock => Windows.Count == 0;

    public IEnumerable<OpeningWindow> On(DayOfWeek day) => Windows.Where(w => w.Day == day).OrderBy(w => w.From);

    public static Result<OpeningHours> Parse(string? text, string field = "openingHours")
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return AroundTheClock;
        }

        var windows = new List<OpeningWindow>();
        foreach (var part in text.Split([';', '；', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var bits = part.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var range = bits.Length == 2 ? bits[1].Split('-', StringSplitOptions.TrimEntries) : [];
            if (bits.Length != 2 || DayOf(bits[0]) is not { } day || range.Length != 2
                || !TimeOnly.TryParseExact(range[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
                || !TryParseEnd(range[1], out var to) || to <= from.ToTimeSpan())
            {
                return Failure.Validation(new Error("resources.opening_hours_invalid", field, part));
            }

            windows.Add(new OpeningWindow(day, from, to == TimeSpan.FromDays(1) ? TimeOnly.MaxValue : TimeOnly.FromTimeSpan(to)));
        }

        foreach (var g in windows.GroupBy(w => w.Day))
        {
            var ordered = g.OrderBy(w => w.From).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                if (ordered[i].From < ordered[i - 1].To)
                {
                    return Failure.Validation(new Error("resources.opening_hours_overlap", field, Names[(int)g.Key]));
                }
            }
        }

        return new OpeningHours(windows.OrderBy(w => ((int)w.Day + 6) % 7).ThenBy(w => w.From).ToList());
    }

    /// <summary>The window's end as a span from midnight: 24:00 is the end of the day.</summary>
    public static TimeSpan EndOf(OpeningWindow w) => w.To == TimeOnly.MaxValue ? TimeSpan.FromDays(1) : w.To.ToTimeSpan();

    public override string ToString()
    {
        var sb = new StringBuilder();
        foreach (var w in Windows)
        {
            if (sb.Length > 0)
            {
                sb.Append("; ");
            }

            var end = EndOf(w);
            sb.Append(Names[(int)w.Day]).Append(' ').Append(w.From.ToString("HH:mm", CultureInfo.InvariantCulture)).Append('-')
                .Append(end == TimeSpan.FromDays(1) ? "24:00" : w.To.ToString("HH:mm", CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    private static readonly string[] Names = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

    private static DayOfWeek? DayOf(string name)
    {
        var i = Array.FindIndex(Names, n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
        return i < 0 ? null : (DayOfWeek)i;
    }

    private static bool TryParseEnd(string text, out TimeSpan end)
    {
        if (text == "24:00")
        {
            end = TimeSpan.FromDays(1);
            return true;
        }

        var ok = TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t);
        end = t.ToTimeSpan();
        return ok;
    }
}
