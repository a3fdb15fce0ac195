using InnoCenter.Domain.Resources;
using InnoCenter.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Resources;

/// <summary>
/// 可用机时 per resource, owner or center for a period, by <see cref="AvailableHours"/>: each resource's opening windows
/// less its blackouts, from the later of the period's start and the day it was catalogued. Two queries (the resources
/// and their blackouts in the period) whatever the number of keys; the calendar arithmetic runs here.
/// </summary>
public sealed class ResourceAvailability(AppDbContext db)
{
    public async Task<Dictionary<Guid, long>> MinutesAsync(
        FigureGrouping by, IReadOnlyCollection<Guid> keys, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var ids = keys.ToList();
        var q = db.ResearchResources.AsNoTracking().Where(r => !r.IsRetired && r.CreatedAt < to);
        q = by switch
        {
            FigureGrouping.Owner => q.Where(r => ids.Contains(r.OwnerOrganizationId)),
            FigureGrouping.Center => q.Where(r => ids.Contains(r.CenterId)),
            _ => q.Where(r => ids.Contains(r.Id)),
        };
        var resources = await q.Select(r => new { r.Id, r.OwnerOrganizationId, r.CenterId, r.OpeningHoursText, r.CreatedAt }).ToListAsync(ct);
        var resourceIds = resources.Select(r => r.Id).ToList();
        var blackouts = (await db.ResourceBlackouts.AsNoTracking()
                .Where(b => resourceIds.Contains(b.ResourceId) && b.Ends > from && b.Starts < to)
                .Select(b => new { b.ResourceId, b.Starts, b.Ends }).ToListAsync(ct))
            .ToLookup(b => b.ResourceId, b => new TimeRange(b.Starts, b.Ends));
        var result = new Dictionary<Guid, long>();

        // Most resources share their hours (a weekday timetable, around the clock): the open minutes of a year once per
        // distinct hours and start, then each resource's closures alone — not every day of the year per resource.
        var open = new Dictionary<(string Hours, DateTimeOffset Start), long>();
        foreach (var r in resources)
        {
            var hours = OpeningHours.Parse(r.OpeningHoursText);
            if (!hours.IsSuccess)
            {
                continue;
            }

            var start = r.CreatedAt > from ? r.CreatedAt : from;
            if (!open.TryGetValue((r.OpeningHoursText, start), out var opening))
            {
                opening = AvailableHours.OpenMinutes(hours.Value, start, to);
                open[(r.OpeningHoursText, start)] = opening;
            }

            var minutes = opening - AvailableHours.ClosedMinutes(hours.Value, blackouts[r.Id], start, to);
            var key = by switch
            {
                FigureGrouping.Owner => r.OwnerOrganizationId,
                FigureGrouping.Center => r.CenterId,
                _ => r.Id,
            };
            result[key] = result.GetValueOrDefault(key) + minutes;
        }

        return result;
    }
}
