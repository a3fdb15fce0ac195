using InnoCenter.Web.Data;
using Microsoft.EntityFrameworkCore;
using InnoCenter.Web.Infrastructure.Localization;

namespace InnoCenter.Web.Infrastructure.Notifications;

/// <summary>
/// Tells people that something concerns them: an in-app notification and a queued e-mail per user, both added to the
/// context so they are saved in the same transaction as the change they report.
/// </summary>
public sealed class Notifier(AppDbContext db, Bilingual bilingual, TimeProvider clock)
{
    public async Task NotifyAsync(IEnumerable<Guid> userIds, string titleKey, string? link, CancellationToken ct, params object[] args)
    {
        var ids = userIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return;
        }

        var zh = bilingual.In(LocalizationSetup.Chinese, titleKey, args);
        var en = bilingual.In(LocalizationSetup.English, titleKey, args);
        var now = clock.GetUtcNow();
        var emails = await db.Users.Where(u => ids.Contains(u.Id) && u.IsActive).Select(u => new { u.Id, u.Email }).ToListAsync(ct);
        foreach (var user in emails)
        {
            db.Notifications.Add(new Notification { UserId = user.Id, TitleZh = zh, TitleEn = en, Link = link, CreatedAt = now });
            if (!string.IsNullOrEmpty(user.Email))
            {
                db.OutboxEmails.Add(new OutboxEmail
                {
                    To = user.Email,
                    Subject = zh,
                    Body = $"{zh}\n{en}\n{link}",
                    CreatedAt = now,
                });
            }
        }
    }

    /// <summary>
    /// One message per group of users, each with its own link and arguments (e.g. every center of a cycle), with the
    /// users' e-mail addresses read in one query however many groups there are.
    /// </summary>
    public async Task NotifyEachAsync(string titleKey, IReadOnlyList<(IReadOnlyCollection<Guid> UserIds, string? Link, object[] Args)> groups, CancellationToken ct)
    {
        var ids = groups.SelectMany(g => g.UserIds).Distinct().ToList();
        if (ids.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var emails = new Dictionary<Guid, string?>();
        foreach (var chunk in ids.Chunk(500))
        {
            foreach (var u in await db.Users.Where(u => chunk.Contains(u.Id) && u.IsActive).Select(u => new { u.Id, u.Email }).ToListAsync(ct))
            {
                emails[u.Id] = u.Email;
            }
        }

        foreach (var (userIds, link, args) in groups)
        {
            var zh = bilingual.In(LocalizationSetup.Chinese, titleKey, args);
            var en = bilingual.In(LocalizationSetup.English, titleKey, args);
            foreach (var id in userIds.Distinct().Where(emails.ContainsKey))
            {
                db.Notifications.Add(new Notification { UserId = id, TitleZh = zh, TitleEn = en, Link = link, CreatedAt = now });
                if (!string.IsNullOrEmpty(emails[id]))
                {
                    db.OutboxEmails.Add(new OutboxEmail { To = emails[id]!, Subject = zh, Body = $"{zh}\n{en}\n{link}", CreatedAt = now });
                }
            }
        }
    }
}
