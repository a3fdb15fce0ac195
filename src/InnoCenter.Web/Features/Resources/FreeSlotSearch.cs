using InnoCenter.Domain.Common;
using InnoCenter.Domain.Policy;
using InnoCenter.Domain.Resources;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Policy;
using InnoCenter.Web.Infrastructure.Search;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Resources;

/// <summary>
/// 空闲时段查找 across resources and centers: the candidates (by category and search term, those the user may book),
/// their blackouts and active bookings in the window read in three queries, the gaps found in memory.
/// </summary>
public sealed class FreeSlotSearch(AppDbContext db, ResourceAccess access, PolicyProvider policy, TimeProvider clock)
{
    public const int MaxCandidates = 500;
    public const int MaxResults = 20;

    public async Task<Result<IReadOnlyList<FreeSlotDto>>> FindAsync(FreeSlotQuery query, CancellationToken ct)
    {
        var rules = policy.Current.Resources;
        var errors = new List<Error>();
        if (query.Hours is not { } hours || hours <= 0 || hours > rules.MaxBookingHours)
        {
            errors.Add(new Error("resources.free_hours_invalid", "hours", rules.MaxBookingHours));
        }

        var days = query.Days ?? 14;
        if (days < 1 || days > rules.MaxAdvanceDays)
        {
            errors.Add(new Error("resources.free_days_invalid", "days", rules.MaxAdvanceDays));
        }

        if (errors.Count > 0)
        {
            return Failure.Validation(errors);
        }

        var length = TimeSpan.FromMinutes((double)Math.Ceiling(query.Hours!.Value * 60m / rules.SlotMinutes) * rules.SlotMinutes);
        var now = clock.GetUtcNow();
        var until = now.AddDays(days);
        var members = await access.MemberCentersAsync(ct);
        var org = access.OrganizationId;
        var q = db.ResearchResources.AsNoTracking().Where(r => !r.IsRetired);
        if (!access.IsAdmin)
        {
            q = rules.OutsideEnterprisesMayBook
                ? q.Where(r => members.Contains(r.CenterId) || r.OwnerOrganizationId == org || r.OpenToOutside)
                : q.Where(r => members.Contains(r.CenterId) || r.OwnerOrganizationId == org);
        }

        if (!string.IsNullOrWhiteSpace(query.Category))
        {
            q = q.Where(r => r.Category == query.Category);
        }

        if (!string.IsNullOrWhiteSpace(query.Q) && SearchIndex.Matching(db, ResourceHandlers.SearchKind, query.Q.Trim()) is { } hits)
        {
            q = q.Where(r => hits.Contains(r.Id));
        }

        var candidates = await (from r in q
                                join c in db.Centers on r.CenterId equals c.Id
                                orderby r.Id
                                select new { r.Id, r.Name, r.Category, r.OpeningHoursText, Center = c.Name }).Take(MaxCandidates).ToListAsync(ct);
        var ids = candidates.Select(c => c.Id).ToList();
        // The lower bound on the start keeps the (resource, starts) index to the period, not every earlier booking.
        var earliest = now.AddHours(-ResourceRules.LongestBookingHours);
        var bookings = await db.ResourceBookings.AsNoTracking()
            .Where(b => ids.Contains(b.ResourceId) && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Approved)
                && b.Starts < until && b.Starts > earliest && b.Ends > now)
            .Select(b => new { b.ResourceId, b.Starts, b.Ends, b.Status, b.ExpiresAt }).ToListAsync(ct);
        var blackouts = await db.ResourceBlackouts.AsNoTracking()
            .Where(b => ids.Contains(b.ResourceId) && b.Starts < until && b.Ends > now)
            .Select(b => new { b.ResourceId, b.Starts, b.Ends }).ToListAsync(ct);
        var busy = bookings.Where(b => !(b.Status == BookingStatus.Pending && b.ExpiresAt <= now))
            .Select(b => (b.ResourceId, Range: new TimeRange(b.Starts, b.Ends)))
            .Concat(blackouts.Select(b => (b.ResourceId, Range: new TimeRange(b.Starts, b.Ends))))
            .ToLookup(x => x.ResourceId, x => x.Range);
        var calendars = candidates.Select(c => new ResourceCalendar(c.Id, OpeningHours.Parse(c.OpeningHoursText).Value, busy[c.Id].ToList()));
        var slots = FreeSlotFinder.Find(calendars, length, now, until, rules.SlotMinutes, MaxResults);
        var byId = candidates.ToDictionary(c => c.Id);
        var en = LocalizationSetup.IsEnglish;
        return slots.Select(s =>
        {
            var c = byId[s.ResourceId];
            return new FreeSlotDto(c.Id, c.Name, c.Center, rules.Categories.LabelOf(c.Category, en), s.Slot.Starts, s.Slot.Ends);
        }).ToList();
    }
}
