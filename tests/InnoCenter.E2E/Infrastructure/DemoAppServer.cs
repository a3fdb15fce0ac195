using Microsoft.AspNetCore.Hosting;

namespace InnoCenter.E2E.Infrastructure;

/// <summary>The app with the demo data (a center founded from an approved application, experts, a ledger): pages with something on them.</summary>
public sealed class DemoAppServer : AppServer
{
    public const string DemoPassword = "E2eDemo2026pw";

    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Seed:Demo", "true");
        builder.UseSetting("Seed:DemoPassword", DemoPassword);
    }
}
