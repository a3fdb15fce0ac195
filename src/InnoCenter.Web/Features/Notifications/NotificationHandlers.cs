using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Notifications;

public sealed record NotificationDto(Guid Id, string Title, string? Link, DateTimeOffset CreatedAt, bool Read);

/// <summary>The signed-in user's own in-app messages (站内消息); nobody reads anyone else's.</summary>
public sealed class NotificationHandlers(AppDbContext db, CurrentUser user, TimeProvider clock)
{
    /// <summary>Compiled: the layout counts on every page (see <see cref="Funds.GrantReads"/> for what that saves).</summary>
    private static readonly Compiled<Func<AppDbContext, Guid, CancellationToken, Task<int>>> Unread = new(() => EF.CompileAsyncQuery(
        (AppDbContext db, Guid me, CancellationToken ct) => db.Notifications.Count(n => n.UserId == me && n.ReadAt == null)));

    public Task<int> UnreadCountAsync(CancellationToken ct) => Unread.For(db)(db, user.Id ?? Guid.Empty, ct);

    public async Task<PagedResult<NotificationDto>> ListAsync(int? page, int? pageSize, CancellationToken ct)
    {
        var (p, size) = Paging.Normalize(page, pageSize);
        var me = user.Id ?? Guid.Empty;
        var q = db.Notifications.AsNoTracking().Where(n => n.UserId == me);
        var total = await q.CountAsync(ct);
        var english = LocalizationSetup.IsEnglish;
        var items = await q.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip((p - 1) * size).Take(size)
            .Select(n => new NotificationDto(n.Id, english ? n.TitleEn : n.TitleZh, n.Link, n.CreatedAt, n.ReadAt != null))
            .ToListAsync(ct);
        return new PagedResult<NotificationDto>(items, p, size, total);
    }

    /// <summary>Marks every unread message of the user as read; returns how many.</summary>
    public Task<int> MarkAllReadAsync(CancellationToken ct)
    {
        var me = user.Id ?? Guid.Empty;
        var now = clock.GetUtcNow();
        return db.Notifications.Where(n => n.UserId == me && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }
}
