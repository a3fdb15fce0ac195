namespace InnoCenter.Domain.Resources;

/// <summary>One resource's calendar as the free-slot search sees it.</summary>
public sealed record ResourceCalendar(Guid ResourceId, OpeningHours OpeningHours, IReadOnlyList<TimeRange> Busy);

public sealed record FreeSlot(Guid ResourceId, TimeRange Slot);

/// <summary>
/// 空闲时段查找: "N hours of any of these resources in the next D days" — the earliest slot of each resource that lies
/// inside one opening window, clear of blackouts and active bookings, starting on the booking grid; earliest first.
/// </summary>
public static class FreeSlotFinder
{
    public static IReadOnlyList<FreeSlot> Find(
        IEnumerable<ResourceCalendar> calendars, TimeSpan length, DateTimeOffset from, DateTimeOffset until, int slotMinutes, int take)
    {
        var found = new List<FreeSlot>();
        var grid = TimeSpan.FromMinutes(slotMinutes);
        var start = RoundUp(from.ToUniversalTime(), grid);
        foreach (var cal in calendars)
        {
            if (Earliest(cal, length, start, until, grid) is { } slot)
            {
                found.Add(new FreeSlot(cal.ResourceId, slot));
            }
        }

        return found.OrderBy(f => f.Slot.Starts).ThenBy(f => f.ResourceId).Take(take).ToList();
    }

    public static TimeRange? Earliest(ResourceCalendar cal, TimeSpan length, DateTimeOffset from, DateTimeOffset until, TimeSpan grid)
    {
        var busy = cal.Busy.Where(b => b.Ends > from && b.Starts < until).OrderBy(b => b.Starts).ToList();
        var first = DateOnly.FromDateTime(from.ToBeijingTime().DateTime).AddDays(-1);
        var last = DateOnly.FromDateTime(until.ToBeijingTime().DateTime);
        foreach (var window in BookingRules.OpenWindows(cal.OpeningHours, first, last))
        {
            var cursor = window.Starts < from ? from : window.Starts;
            cursor = RoundUp(cursor, grid);
            var end = window.Ends < until ? window.Ends : until;
            while (cursor + length <= end)
            {
                var candidate = new TimeRange(cursor, cursor + length);
                var blocking = busy.Where(b => b.Overlaps(candidate)).Select(b => (DateTimeOffset?)b.Ends).Max();
                if (blocking is null)
                {
                    return candidate;
                }

                cursor = RoundUp(blocking.Value, grid);
            }
        }

        return null;
    }

    /// <summary>Up to the next multiple of the grid in Beijing wall-clock time (equal in UTC: the offset is whole hours).</summary>
    public static DateTimeOffset RoundUp(DateTimeOffset t, TimeSpan grid)
    {
        var ticks = t.UtcTicks;
        var rem = ticks % grid.Ticks;
        return rem == 0 ? t.ToUniversalTime() : new DateTimeOffset(ticks - rem + grid.Ticks, TimeSpan.Zero);
    }
}
