namespace InnoCenter.Web.Infrastructure.Notifications;

/// <summary>An in-app message (站内消息) to one user, written in both languages when it is raised.</summary>
public sealed class Notification
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid UserId { get; set; }

    public string TitleZh { get; set; } = string.Empty;

    public string TitleEn { get; set; } = string.Empty;

    /// <summary>Where the message leads, a local path.</summary>
    public string? Link { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ReadAt { get; set; }
}

/// <summary>
/// An e-mail in the outbox (发件箱). The mail sender takes pending ones whose next attempt is due, sends them through SMTP
/// (or writes them to the pickup folder), and after <c>Smtp:MaxAttempts</c> failures leaves them dead with the last error.
/// </summary>
public sealed class OutboxEmail
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string To { get; set; } = string.Empty;

    public string Subject { get; set; } = string.Empty;

    public string Body { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public int Attempts { get; set; }

    public OutboxState State { get; set; } = OutboxState.Pending;

    /// <summary>Not before this instant (back-off after a failure); null means at once.</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }

    /// <summary>The last delivery error, kept when the mail is later sent or dead, for the Admin to read.</summary>
    public string? LastError { get; set; }

    /// <summary>The language the mail is written in (zh-CN or en-US): the recipient's preferred language.</summary>
    public string Culture { get; set; } = "zh-CN";

    public void MarkSent(DateTimeOffset now)
    {
        if (State != OutboxState.Pending)
        {
            throw new InvalidOperationException($"Only a pending mail is sent; this one is {State}.");
        }

        Attempts++;
        State = OutboxState.Sent;
        SentAt = now;
        NextAttemptAt = null;
    }

    /// <summary>One failed attempt: try again after a back-off that doubles each time, or give up after the last allowed attempt.</summary>
    public void MarkFailed(string error, DateTimeOffset now, int maxAttempts, TimeSpan firstDelay, TimeSpan maxDelay)
    {
        if (State != OutboxState.Pending)
        {
            throw new InvalidOperationException($"Only a pending mail fails; this one is {State}.");
        }

        Attempts++;
        LastError = error.Length > MaxErrorLength ? error[..MaxErrorLength] : error;
        if (Attempts >= maxAttempts)
        {
            State = OutboxState.Dead;
            NextAttemptAt = null;
            return;
        }

        var delay = TimeSpan.FromTicks(Math.Min(maxDelay.Ticks, firstDelay.Ticks * (1L << Math.Min(Attempts - 1, 30))));
        NextAttemptAt = now + delay;
    }

    /// <summary>An Admin sends a dead or already sent mail again: it becomes pending with a fresh count of attempts.</summary>
    public void Resend()
    {
        if (State == OutboxState.Pending)
        {
            throw new InvalidOperationException("A pending mail is already waiting to be sent.");
        }

        State = OutboxState.Pending;
        Attempts = 0;
        NextAttemptAt = null;
    }

    public const int MaxErrorLength = 1000;
}

/// <summary>Where a mail stands: 待发送, 已发送, 发送失败 (dead, no more attempts).</summary>
public enum OutboxState
{
    Pending,
    Sent,
    Dead,
}
