using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Jobs;
using InnoCenter.Web.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace InnoCenter.Web.Infrastructure.Mail;

/// <summary>
/// Drains the outbox: under the database lease (so of several nodes only one sends, and no mail goes twice), takes the
/// pending mails whose attempt is due, sends each and records the outcome mail by mail.
/// </summary>
public sealed class MailDelivery(
    AppDbContext db, JobLeases leases, IMailTransport transport, MailSettings settings, TimeProvider clock, ILogger<MailDelivery> logger)
{
    public const string LeaseName = "mail-sender";

    /// <summary>Long enough for a batch over a slow server; renewed before every mail.</summary>
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(5);

    /// <summary>One run; returns how many mails were handed over. Nothing happens when another node holds the lease.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        if (!await leases.TryAcquireAsync(LeaseName, LeaseDuration, ct))
        {
            return 0;
        }

        var now = clock.GetUtcNow();
        var due = await db.OutboxEmails
            .Where(m => m.State == OutboxState.Pending && (m.NextAttemptAt == null || m.NextAttemptAt <= now))
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .Take(settings.BatchSize)
            .ToListAsync(ct);
        var sent = 0;
        foreach (var mail in due)
        {
            // Renewing before each mail means a node whose lease was taken over stops instead of sending alongside.
            if (!await leases.TryAcquireAsync(LeaseName, LeaseDuration, ct))
            {
                break;
            }

            try
            {
                await transport.SendAsync(Compose(mail, settings), ct);
                mail.MarkSent(clock.GetUtcNow());
                sent++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                mail.MarkFailed($"{ex.GetType().Name}: {ex.Message}", clock.GetUtcNow(), settings.MaxAttempts,
                    TimeSpan.FromSeconds(settings.RetryBaseSeconds), TimeSpan.FromSeconds(settings.RetryMaxSeconds));
                logger.LogWarning("Mail {Id} to {To} failed (attempt {Attempts}, {State}): {Error}", mail.Id, mail.To, mail.Attempts, mail.State, ex.Message);
            }

            await db.SaveChangesAsync(CancellationToken.None);
        }

        return sent;
    }

    public static MimeMessage Compose(OutboxEmail mail, MailSettings settings)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        // The outbox id as Message-ID lets a receiving system recognise a resent mail as the same one.
        message.MessageId = $"{mail.Id:N}@innocenter";
        message.Date = mail.CreatedAt;
        message.Headers.Add("Content-Language", mail.Culture);
        message.Body = new TextPart(MimeKit.Text.TextFormat.Plain) { Text = mail.Body };
        return message;
    }
}

/// <summary>Runs <see cref="MailDelivery"/> every <c>Jobs:MailSeconds</c> (0 turns sending off, e.g. in tests that drive it).</summary>
public sealed class MailSenderJob(IServiceScopeFactory scopes, IConfiguration config, ILogger<MailSenderJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(config.GetValue("Jobs:MailSeconds", 30));
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var sent = await scope.ServiceProvider.GetRequiredService<MailDelivery>().RunAsync(stoppingToken);
                if (sent > 0)
                {
                    logger.LogInformation("Sent {Count} mail(s)", sent);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The mail sender failed; it will try again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

public static class MailSetup
{
    public static IServiceCollection AddMail(this IServiceCollection services)
    {
        services.AddSingleton(sp => MailSettings.Read(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>()));
        services.AddScoped<IMailTransport>(sp =>
        {
            var settings = sp.GetRequiredService<MailSettings>();
            return settings.UsesSmtp ? new SmtpMailTransport(settings) : new PickupMailTransport(settings);
        });
        services.AddScoped<MailDelivery>();
        services.AddScoped<MailComposer>();
        services.AddHostedService<MailSenderJob>();
        return services;
    }
}
