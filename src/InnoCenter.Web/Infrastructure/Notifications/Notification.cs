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

/// <summary>An e-mail waiting to be sent. Sending is off unless configured; the queue is kept either way.</summary>
public sealed class OutboxEmail
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string To { get; set; } = string.Empty;

    public string Subject { get; set; } = string.Empty;

    public string Body { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public int Attempts { get; set; }
}
