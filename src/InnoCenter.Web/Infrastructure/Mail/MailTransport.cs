using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace InnoCenter.Web.Infrastructure.Mail;

/// <summary>Hands one composed message on: to an SMTP server, or into the pickup folder.</summary>
public interface IMailTransport : IAsyncDisposable
{
    Task SendAsync(MimeMessage message, CancellationToken ct);
}

/// <summary>SMTP through MailKit. One connection serves a whole run of the sender and is closed with the scope.</summary>
public sealed class SmtpMailTransport(MailSettings settings) : IMailTransport, IDisposable
{
    private SmtpClient? _client;

    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        if (_client is not { IsConnected: true })
        {
            await DropAsync();
            var client = new SmtpClient { Timeout = 30_000 };
            try
            {
                var options = settings.Security switch
                {
                    SmtpSecurity.None => SecureSocketOptions.None,
                    SmtpSecurity.Ssl => SecureSocketOptions.SslOnConnect,
                    _ => SecureSocketOptions.StartTls,
                };
                await client.ConnectAsync(settings.Host!, settings.Port, options, ct);
                if (!string.IsNullOrEmpty(settings.User))
                {
                    await client.AuthenticateAsync(settings.User, settings.Password ?? string.Empty, ct);
                }
            }
            catch
            {
                client.Dispose();
                throw;
            }

            _client = client;
        }

        await _client.SendAsync(message, ct);
    }

    public async ValueTask DisposeAsync() => await DropAsync();

    /// <summary>A scope disposed synchronously still closes the socket, without the polite QUIT.</summary>
    public void Dispose()
    {
        _client?.Dispose();
        _client = null;
    }

    private async Task DropAsync()
    {
        if (_client is null)
        {
            return;
        }

        try
        {
            if (_client.IsConnected)
            {
                await _client.DisconnectAsync(quit: true);
            }
        }
        catch (Exception ex) when (ex is IOException or MailKit.ProtocolException or SmtpCommandException or OperationCanceledException)
        {
            // The message was already handed over or already failed; a broken goodbye changes neither.
        }
        finally
        {
            _client.Dispose();
            _client = null;
        }
    }
}

/// <summary>
/// With no SMTP host configured, each mail is written as an .eml file to the pickup folder, where an MTA (or a person)
/// can collect it: the outbox never silently drops mail.
/// </summary>
public sealed class PickupMailTransport(MailSettings settings) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        Directory.CreateDirectory(settings.PickupDirectory);
        var name = $"{DateTime.UtcNow:yyyyMMddHHmmss}-{message.MessageId?.Split('@')[0] ?? Guid.NewGuid().ToString("N")}.eml";
        var path = Path.Combine(settings.PickupDirectory, name);
        var temp = path + ".tmp";
        await message.WriteToAsync(temp, ct);
        // A collector polling the folder must never read a half-written file.
        File.Move(temp, path, overwrite: true);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
