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
/// 空闲时段查找 across resources and centers: the candidates (by category and search term, those the user may book) with
/// their hours; then the blackouts and active bookings of only those that can still be among the earliest
/// (<see cref="FreeSlotFinder.FindAsync"/>: a batch or two), the gaps found in memory; the names of the slots found last.
/// </summary>
public sealed class FreeSlotSearch(AppDbContext db, ResourceAccess access, PolicyProvider policy, TimeProvider clock)
{
    public const int MaxCandidates = 500;
    public const int MaxResults = 20;

    /// <summary>How many candidates' calendars are read at a time, in order of their earliest possible slot.</summary>
    public const int CalendarBatch = 40;

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

        var candidates = await q.OrderBy(r => r.Id).Select(r => new { r.Id, r.OpeningHoursText }).Take(MaxCandidates).ToListAsync(ct);
        var hoursOf = new Dictionary<string, OpeningHours>(StringComparer.Ordinal);
        foreach (var text in candidates.Select(c => c.OpeningHoursText).Distinct())
        {
            hoursOf[text] = OpeningHours.Parse(text).Value;
        }

        // The lower bound on the start keeps the (resource, starts) index to the period, not every earlier booking.
        var earliest = now.AddHours(-ResourceRules.LongestBookingHours);
        async Task<ILookup<Guid, TimeRange>> BusyOf(IReadOnlyList<Guid> ids)
        {
            // The state is filtered here, not in SQL: with `Status IN (…)` in the statement SQLite's planner took the
            // (Status, Starts) index and walked every active booking of every resource in the period (~2,000 at
            // national) instead of the batch's own through (ResourceId, Starts); the few cancelled or finished
            // bookings of the batch's period cost less than that.
            var bookings = (await db.ResourceBookings.AsNoTracking()
                .Where(b => ids.Contains(b.ResourceId) && b.Starts < until && b.Starts > earliest && b.Ends > now)
                .Select(b => new { b.ResourceId, b.Starts, b.Ends, b.Status, b.ExpiresAt }).ToListAsync(ct))
                .Where(b => b.Status is BookingStatus.Pending or BookingStatus.Approved);
            var blackouts = await db.ResourceBlackouts.AsNoTracking()
                .Where(b => ids.Contains(b.ResourceId) && b.Starts < until && b.Ends > now)
                .Select(b => new { b.ResourceId, b.Starts, b.Ends }).ToListAsync(ct);
            return bookings.Where(b => !(b.Status == BookingStatus.Pending && b.ExpiresAt <= now))
                .Select(b => (b.ResourceId, Range: new TimeRange(b.Starts, b.Ends)))
                .Concat(blackouts.Select(b => (b.ResourceId, Range: new TimeRange(b.Starts, b.Ends))))
                .ToLookup(x => x.ResourceId, x => x.Range);
        }

        var slots = await FreeSlotFinder.FindAsync(
            candidates.Select(c => (c.Id, hoursOf[c.OpeningHoursText])).ToList(), BusyOf, length, now, until, rules.SlotMinutes, MaxResults, CalendarBatch);
        var found = slots.Select(s => s.ResourceId).ToList();
        var named = await (from r in db.ResearchResources.AsNoTracking()
                           join c in db.Centers on r.CenterId equals c.Id
                           where found.Contains(r.Id)
                           select new { r.Id, r.Name, r.Category, Center = c.Name }).ToListAsync(ct);
        var byId = named.ToDictionary(c => c.Id);
        var en = LocalizationSetup.IsEnglish;
        return slots.Select(s =>
        {
            var c = byId[s.ResourceId];
            return new FreeSlotDto(c.Id, c.Name, c.Center, rules.Categories.LabelOf(c.Category, en), s.Slot.Starts, s.Slot.Ends);
        }).ToList();
    }
}
