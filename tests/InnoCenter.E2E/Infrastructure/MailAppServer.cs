using System.Text;
using Microsoft.AspNetCore.Hosting;
using MimeKit;
using netDumbster.smtp;

namespace InnoCenter.E2E.Infrastructure;

/// <summary>The app sending its mail over SMTP to a server in the test process (netDumbster), which keeps every message.</summary>
public sealed class MailAppServer : AppServer
{
    /// <summary>The address mails link to; a test reads the path from it and opens that on the test server.</summary>
    public const string PublicUrl = "https://innocenter.e2e.example.gov.cn";

    private readonly SimpleSmtpServer _smtp;
    private readonly int _port;

    public MailAppServer()
    {
        var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        _port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _smtp = SimpleSmtpServer.Start(_port);
    }

    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Smtp:Host", "127.0.0.1");
        builder.UseSetting("Smtp:Port", _port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Smtp:Security", "None");
        builder.UseSetting("Smtp:From", "创新中心平台 <noreply@innocenter.e2e.example.gov.cn>");
        builder.UseSetting("App:PublicUrl", PublicUrl);
    }

    /// <summary>The messages the SMTP server received for an address, parsed.</summary>
    public IReadOnlyList<MimeMessage> MessagesTo(string address) =>
        _smtp.ReceivedEmail
            .Select(m => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(m.Data))))
            .Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)))
            .ToList();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _smtp.Stop();
    }
}
