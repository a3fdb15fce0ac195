using System.Text;
using MimeKit;
using netDumbster.smtp;

namespace InnoCenter.Web.Tests.Mail;

/// <summary>An SMTP server in the test process (netDumbster) that keeps every message it receives.</summary>
public sealed class SmtpFixture : IDisposable
{
    private readonly SimpleSmtpServer _server;

    public SmtpFixture()
    {
        var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        Port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _server = SimpleSmtpServer.Start(Port);
    }

    public int Port { get; }

    /// <summary>The messages received for an address, parsed; waits a little for one still being handed over.</summary>
    public async Task<IReadOnlyList<MimeMessage>> MessagesToAsync(string address, int atLeast = 1)
    {
        for (var i = 0; ; i++)
        {
            var found = _server.ReceivedEmail
                .Select(m => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(m.Data))))
                .Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)))
                .ToList();
            if (found.Count >= atLeast || i >= 50)
            {
                return found;
            }

            await Task.Delay(100);
        }
    }

    public void Dispose() => _server.Stop();
}
