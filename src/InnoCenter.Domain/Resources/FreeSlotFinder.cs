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

    /// <summary>
    /// The same answer as <see cref="Find"/>, reading the busy times of only the resources that can still make the list.
    /// A resource's earliest slot with nothing booked (its hours alone; computed once per distinct hours) is a lower
    /// bound of its real one, so the candidates are taken in order of that bound, in batches, and the search stops once
    /// the next bound comes after the last of the <paramref name="take"/> slots found. Nearly every resource is free at
    /// its first opening, so a search of hundreds of candidates reads one batch's calendars.
    /// </summary>
    public static async Task<IReadOnlyList<FreeSlot>> FindAsync(
        IReadOnlyList<(Guid ResourceId, OpeningHours Hours)> candidates,
        Func<IReadOnlyList<Guid>, Task<ILookup<Guid, TimeRange>>> busyOf,
        TimeSpan length, DateTimeOffset from, DateTimeOffset until, int slotMinutes, int take, int batch)
    {
        var grid = TimeSpan.FromMinutes(slotMinutes);
        var start = RoundUp(from.ToUniversalTime(), grid);
        var bounds = new Dictionary<OpeningHours, TimeRange?>();
        var ordered = new List<(Guid ResourceId, OpeningHours Hours, DateTimeOffset Bound)>();
        foreach (var (id, hours) in candidates)
        {
            if (!bounds.TryGetValue(hours, out var bound))
            {
                bound = Earliest(new ResourceCalendar(id, hours, []), length, start, until, grid);
                bounds[hours] = bound;
            }

            // No slot of this length fits its opening windows at all: nothing booked can make one.
            if (bound is { } b)
            {
                ordered.Add((id, hours, b.Starts));
            }
        }

        ordered.Sort((x, y) => x.Bound != y.Bound ? x.Bound.CompareTo(y.Bound) : x.ResourceId.CompareTo(y.ResourceId));
        var found = new List<FreeSlot>();
        bool Beaten((Guid ResourceId, OpeningHours Hours, DateTimeOffset Bound) c) =>
            found.Count >= take && (c.Bound > found[take - 1].Slot.Starts || (c.Bound == found[take - 1].Slot.Starts && c.ResourceId.CompareTo(found[take - 1].ResourceId) > 0));
        for (var i = 0; i < ordered.Count && !Beaten(ordered[i]); i += batch)
        {
            var chunk = ordered.Skip(i).Take(batch).TakeWhile(c => !Beaten(c)).ToList();
            var busy = await busyOf(chunk.Select(c => c.ResourceId).ToList());
            foreach (var c in chunk)
            {
                if (Beaten(c))
                {
                    break;
                }

                if (Earliest(new ResourceCalendar(c.ResourceId, c.Hours, busy[c.ResourceId].ToList()), length, start, until, grid) is { } slot)
                {
                    found.Add(new FreeSlot(c.ResourceId, slot));
                    found = found.OrderBy(f => f.Slot.Starts).ThenBy(f => f.ResourceId).Take(take).ToList();
                }
            }
        }

        return found;
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
