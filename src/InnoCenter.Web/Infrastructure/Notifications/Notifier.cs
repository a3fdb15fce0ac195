using System.Globalization;
using InnoCenter.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InnoCenter.Web.Infrastructure.Notifications;

/// <summary>
/// Tells people that something concerns them: an in-app notification and a queued e-mail per user, both added to the
/// context so they are saved in the same transaction as the change they report.
/// </summary>
public sealed class Notifier(AppDbContext db, IStringLocalizerFactory localizers, TimeProvider clock)
{
    private readonly IStringLocalizer _text = localizers.Create(typeof(SharedResource));

    public async Task NotifyAsync(IEnumerable<Guid> userIds, string titleKey, string? link, CancellationToken ct, params object[] args)
    {
        var ids = userIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return;
        }

        var zh = Render("zh-CN", titleKey, args);
        var en = Render("en-US", titleKey, args);
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

    private string Render(string culture, string key, object[] args)
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            return args.Length == 0 ? _text[key] : _text[key, args];
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
