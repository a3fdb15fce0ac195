namespace InnoCenter.Web.Infrastructure.Mail;

/// <summary>How mail leaves the platform: the <c>Smtp:*</c> settings, read once at start.</summary>
public sealed class MailSettings
{
    public string? Host { get; init; }

    public int Port { get; init; } = 25;

    public string? User { get; init; }

    public string? Password { get; init; }

    /// <summary>The sender, e.g. <c>创新中心平台 &lt;noreply@example.gov.cn&gt;</c>.</summary>
    public string From { get; init; } = "InnoCenter <noreply@innocenter.local>";

    public SmtpSecurity Security { get; init; } = SmtpSecurity.StartTls;

    /// <summary>After this many failed attempts a mail is dead (发送失败) until an Admin resends it.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>The wait after the first failure; it doubles with each further failure, up to <see cref="RetryMaxSeconds"/>.</summary>
    public int RetryBaseSeconds { get; init; } = 60;

    public int RetryMaxSeconds { get; init; } = 6 * 3600;

    /// <summary>Where .eml files are written when no SMTP host is set (relative to the content root).</summary>
    public string PickupDirectory { get; init; } = "data/mail-pickup";

    /// <summary>How many mails one run takes, so a long queue does not hold the lease for ever.</summary>
    public int BatchSize { get; init; } = 50;

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Host);

    public static MailSettings Read(IConfiguration config, IHostEnvironment env)
    {
        var s = config.GetSection("Smtp");
        var pickup = s["PickupDirectory"] ?? "data/mail-pickup";
        return new MailSettings
        {
            Host = s["Host"],
            Port = s.GetValue("Port", 25),
            User = s["User"],
            Password = s["Password"],
            From = s["From"] ?? "InnoCenter <noreply@innocenter.local>",
            Security = Enum.TryParse<SmtpSecurity>(s["Security"], ignoreCase: true, out var sec) ? sec : SmtpSecurity.StartTls,
            MaxAttempts = Math.Max(1, s.GetValue("MaxAttempts", 5)),
            RetryBaseSeconds = Math.Max(1, s.GetValue("RetryBaseSeconds", 60)),
            RetryMaxSeconds = Math.Max(1, s.GetValue("RetryMaxSeconds", 6 * 3600)),
            PickupDirectory = Path.IsPathRooted(pickup) ? pickup : Path.Combine(env.ContentRootPath, pickup),
            BatchSize = Math.Clamp(s.GetValue("BatchSize", 50), 1, 1000),
        };
    }
}

public enum SmtpSecurity
{
    /// <summary>Plain SMTP, e.g. a relay on the same host.</summary>
    None,

    /// <summary>Upgrade with STARTTLS (usually port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (usually port 465).</summary>
    Ssl,
}
