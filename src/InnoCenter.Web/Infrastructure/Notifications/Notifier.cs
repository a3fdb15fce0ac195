using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Infrastructure.Notifications;

/// <summary>
/// Tells people that something concerns them: an in-app notification (in both languages) and a queued e-mail per user,
/// written in that user's preferred language, both added to the context so they are saved in the same transaction as
/// the change they report.
/// </summary>
public sealed class Notifier(AppDbContext db, Bilingual bilingual, MailComposer mail, TimeProvider clock)
{
    public Task NotifyAsync(IEnumerable<Guid> userIds, string titleKey, string? link, CancellationToken ct, params object[] args) =>
        NotifyEachAsync(titleKey, [(userIds.ToList(), link, args)], ct);

    /// <summary>
    /// One message per group of users, each with its own link and arguments (e.g. every center of a cycle), with the
    /// users' addresses and languages read in one query however many groups there are.
    /// </summary>
    public async Task NotifyEachAsync(string titleKey, IReadOnlyList<(IReadOnlyCollection<Guid> UserIds, string? Link, object[] Args)> groups, CancellationToken ct)
    {
        var ids = groups.SelectMany(g => g.UserIds).Distinct().ToList();
        if (ids.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var recipients = new Dictionary<Guid, (string? Email, string Culture)>();
        foreach (var chunk in ids.Chunk(500))
        {
            foreach (var u in await db.Users.Where(u => chunk.Contains(u.Id) && u.IsActive).Select(u => new { u.Id, u.Email, u.PreferredCulture }).ToListAsync(ct))
            {
                recipients[u.Id] = (u.Email, MailComposer.CultureOf(u.PreferredCulture));
            }
        }

        foreach (var (userIds, link, args) in groups)
        {
            var zh = bilingual.In(LocalizationSetup.Chinese, titleKey, args);
            var en = bilingual.In(LocalizationSetup.English, titleKey, args);
            foreach (var id in userIds.Distinct().Where(recipients.ContainsKey))
            {
                db.Notifications.Add(new Notification { UserId = id, TitleZh = zh, TitleEn = en, Link = link, CreatedAt = now });
                var (email, culture) = recipients[id];
                if (!string.IsNullOrEmpty(email))
                {
                    mail.Queue(email, culture, culture == LocalizationSetup.English ? en : zh, text: null, link);
                }
            }
        }
    }
}
