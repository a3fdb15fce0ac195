using System.Security.Cryptography;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using InnoCenter.Domain.Common;
using InnoCenter.Domain.Resources;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Resources;

public sealed record FeedAddress(string Url);

/// <summary>
/// iCalendar (RFC 5545) feeds of bookings for Outlook/WPS calendars: the user's own bookings, or one resource's for a
/// user who manages it. The address carries a secret token; renewing it makes the old address answer 404 at once.
/// </summary>
public sealed class CalendarFeeds(AppDbContext db, ResourceAccess access, Text text, TimeProvider clock)
{
    /// <summary>How far back and ahead a feed reaches, so a feed stays small however long the history.</summary>
    private static readonly TimeSpan Back = TimeSpan.FromDays(90);
    private static readonly TimeSpan Ahead = TimeSpan.FromDays(400);

    /// <summary>Issues the feed's address, or a new one in place of the old (续期).</summary>
    public async Task<Result<FeedAddress>> RenewAsync(Guid? resourceId, CancellationToken ct)
    {
        if (access.UserId is not { } userId)
        {
            return Failure.Forbidden();
        }

        if (resourceId is { } rid)
        {
            var r = await db.ResearchResources.AsNoTracking().FirstOrDefaultAsync(x => x.Id == rid, ct);
            if (r is null)
            {
                return Failure.NotFound("resources.not_found");
            }

            if (!await access.CanManageAsync(r, ct))
            {
                return Failure.Forbidden();
            }
        }

        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var hash = PersonalAccessToken.HashOf(secret);
        var existing = await db.ResourceFeedTokens.FirstOrDefaultAsync(t => t.UserId == userId && t.ResourceId == resourceId, ct);
        if (existing is null)
        {
            db.ResourceFeedTokens.Add(ResourceFeedToken.Issue(userId, resourceId, hash, clock.GetUtcNow()));
        }
        else
        {
            existing.Renew(hash, clock.GetUtcNow());
        }

        await db.SaveChangesAsync(ct);
        return new FeedAddress($"/api/v1/resources/feeds/{secret}.ics");
    }

    /// <summary>The feed's text, or null for an unknown (or renewed-away) token.</summary>
    public async Task<string?> RenderAsync(string token, CancellationToken ct)
    {
        var hash = PersonalAccessToken.HashOf(token);
        var feed = await db.ResourceFeedTokens.AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash, ct);
        if (feed is null || !await db.Users.AnyAsync(u => u.Id == feed.UserId && u.IsActive, ct))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var (from, to) = (now - Back, now + Ahead);
        var q = db.ResourceBookings.AsNoTracking().Where(b => b.Starts < to && b.Ends > from
            && b.Status != BookingStatus.Cancelled && b.Status != BookingStatus.Rejected && b.Status != BookingStatus.Expired);
        q = feed.ResourceId is { } rid ? q.Where(b => b.ResourceId == rid) : q.Where(b => b.BookerUserId == feed.UserId);
        var rows = await (from b in q
                          join r in db.ResearchResources on b.ResourceId equals r.Id
                          join o in db.Organizations on b.BookerOrganizationId equals o.Id
                          orderby b.Starts
                          select new { b.Id, b.Starts, b.Ends, b.Status, b.ExpiresAt, Resource = r.Name, r.Location, Booker = o.Name })
            .Take(5000).ToListAsync(ct);
        var calendar = new Calendar { ProductId = "-//InnoCenter//Resources//ZH" };
        calendar.AddProperty("X-WR-CALNAME", text["resources.feed.name"]);
        foreach (var b in rows.Where(b => !(b.Status == BookingStatus.Pending && b.ExpiresAt <= now)))
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{b.Id}@innocenter",
                Start = new CalDateTime(b.Starts.UtcDateTime),
                End = new CalDateTime(b.Ends.UtcDateTime),
                Summary = $"{b.Resource} · {text[$"resources.status.{b.Status}"]}" + (feed.ResourceId is null ? string.Empty : $" · {b.Booker}"),
                Location = b.Location,
            });
        }

        return new CalendarSerializer().SerializeToString(calendar);
    }
}
