using InnoCenter.Domain.Common;
using InnoCenter.Domain.Policy;

namespace InnoCenter.Domain.Resources;

/// <summary>A period of time [Starts, Ends), UTC.</summary>
public readonly record struct TimeRange(DateTimeOffset Starts, DateTimeOffset Ends)
{
    public bool Overlaps(TimeRange other) => Starts < other.Ends && other.Starts < Ends;

    public TimeSpan Length => Ends - Starts;
}

/// <summary>Beijing time is UTC+8 all year (no daylight saving), so opening hours convert by a fixed offset.</summary>
public static class BeijingTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset ToBeijingTime(this DateTimeOffset t) => t.ToOffset(Offset);

    /// <summary>A Beijing wall-clock time as a UTC instant.</summary>
    public static DateTimeOffset At(DateOnly day, TimeSpan sinceMidnight) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Offset).Add(sinceMidnight).ToUniversalTime();

    /// <summary>The Monday of a day's week: weeks in China start on Monday.</summary>
    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}

/// <summary>What a booking request is checked against, besides the overlap the database itself refuses.</summary>
public sealed record BookingCheck(
    OpeningHours OpeningHours,
    IReadOnlyList<TimeRange> Blackouts,
    bool NeedsTraining,
    bool UserTrained,
    bool OpenToOutside,
    BookerKind BookerKind);

/// <summary>The rules a slot must pass before it is offered to the database (预约规则).</summary>
public static class BookingRules
{
    public static IReadOnlyList<Error> Check(TimeRange slot, BookingCheck c, ResourceRules rules, DateTimeOffset now)
    {
        var errors = new List<Error>();
        if (slot.Ends <= slot.Starts)
        {
            errors.Add(new Error("resources.range_invalid", "ends"));
            return errors;
        }

        if (c.BookerKind == BookerKind.Outside && (!c.OpenToOutside || !rules.OutsideEnterprisesMayBook))
        {
            errors.Add(new Error("resources.not_open_to_outside", null));
            return errors;
        }

        if (c.NeedsTraining && !c.UserTrained)
        {
            errors.Add(new Error("resources.training_required", null));
        }

        if (slot.Starts < now)
        {
            errors.Add(new Error("resources.slot_in_past", "starts"));
        }

        if (slot.Starts > now.AddDays(rules.MaxAdvanceDays))
        {
            errors.Add(new Error("resources.too_far_ahead", "starts", rules.MaxAdvanceDays));
        }

        if (slot.Length > TimeSpan.FromHours(rules.MaxBookingHours))
        {
            errors.Add(new Error("resources.too_long", "ends", rules.MaxBookingHours));
        }

        if (!Aligned(slot.Starts, rules.SlotMinutes) || !Aligned(slot.Ends, rules.SlotMinutes))
        {
            errors.Add(new Error("resources.slot_granularity", "starts", rules.SlotMinutes));
        }

        if (!WithinOpeningHours(slot, c.OpeningHours))
        {
            errors.Add(new Error("resources.outside_opening_hours", "starts", c.OpeningHours.ToString()));
        }

        foreach (var b in c.Blackouts.Where(b => b.Overlaps(slot)).Take(1))
        {
            errors.Add(new Error("resources.in_blackout", "starts", b.Starts.ToBeijingTime().ToString("yyyy-MM-dd HH:mm"), b.Ends.ToBeijingTime().ToString("yyyy-MM-dd HH:mm")));
        }

        return errors;
    }

    public static bool Aligned(DateTimeOffset t, int slotMinutes) =>
        t.Second == 0 && t.Millisecond == 0 && (t.ToBeijingTime().TimeOfDay.TotalMinutes % slotMinutes) == 0 && t.Ticks % TimeSpan.TicksPerSecond == 0;

    /// <summary>The whole slot lies inside one opening window (or the resource is open around the clock).</summary>
    public static bool WithinOpeningHours(TimeRange slot, OpeningHours hours)
    {
        if (hours.IsAroundTheClock)
        {
            return true;
        }

        var local = slot.Starts.ToBeijingTime();
        var day = DateOnly.FromDateTime(local.DateTime);
        return OpenWindows(hours, day, day).Any(w => w.Starts <= slot.Starts && slot.Ends <= w.Ends);
    }

    /// <summary>The opening windows of the days from <paramref name="first"/> to <paramref name="last"/>, as UTC ranges.</summary>
    public static IEnumerable<TimeRange> OpenWindows(OpeningHours hours, DateOnly first, DateOnly last)
    {
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            if (hours.IsAroundTheClock)
            {
                yield return new TimeRange(BeijingTime.At(day, TimeSpan.Zero), BeijingTime.At(day.AddDays(1), TimeSpan.Zero));
                continue;
            }

            foreach (var w in hours.On(day.DayOfWeek))
            {
                yield return new TimeRange(BeijingTime.At(day, w.From.ToTimeSpan()), BeijingTime.At(day, OpeningHours.EndOf(w)));
            }
        }
    }
}
