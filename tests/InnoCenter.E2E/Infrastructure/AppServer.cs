using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace InnoCenter.E2E.Infrastructure;

/// <summary>
/// The app on Kestrel on a loopback port (a browser cannot reach the in-memory test server), on a fresh SQLite file,
/// with one Chromium shared by the tests of a class.
/// </summary>
public class AppServer : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminEmail = "e2e-admin@test.local";
    public const string AdminPassword = "E2eAdmin2026pw";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "innocenter-e2e", Guid.NewGuid().ToString("N"));
    private IPlaywright? _playwright;

    public static string ChromiumPath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } p ? p : "/usr/bin/chromium";

    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>The app's clock: real time plus an offset a scenario may move forward (past a filing deadline, say).</summary>
    public ServerClock Clock { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath) && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseUrl = addresses.Addresses.First().TrimEnd('/');

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    public async Task<IPage> NewPageAsync(string locale = "zh-CN", int width = 1366, int height = 768)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl, Locale = locale, ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        return await context.NewPageAsync();
    }

    /// <summary>Runs a browser scenario; on failure keeps a screenshot under TestResults/screenshots for the CI artefacts.</summary>
    public async Task RunAsync(IPage page, string name, Func<Task> scenario)
    {
        try
        {
            await scenario();
        }
        catch
        {
            var dir = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
            Directory.CreateDirectory(dir);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(dir, name + ".png"), FullPage = true });
            throw;
        }
    }

    public async Task<T> WithDbAsync<T>(Func<InnoCenter.Web.Data.AppDbContext, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<InnoCenter.Web.Data.AppDbContext>());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Default", $"Data Source={Path.Combine(_directory, "e2e.db")}");
        builder.UseSetting("INNOCENTER_ADMIN_EMAIL", AdminEmail);
        builder.UseSetting("INNOCENTER_ADMIN_PASSWORD", AdminPassword);
        builder.UseSetting("Security:SignInsPerMinute", "1000");
        builder.UseSetting("Files:Root", Path.Combine(_directory, "files"));
        builder.UseSetting("Jobs:NoticeClosingSeconds", "0");
        // Mail is sent when a test drives the sender, and never lands in the source tree's data folder.
        builder.UseSetting("Jobs:MailSeconds", "0");
        builder.UseSetting("Smtp:PickupDirectory", Path.Combine(_directory, "mail-pickup"));
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        Configure(builder);
    }

    /// <summary>Settings of a fixture that needs more (demo data, an SMTP server); applied after the common ones.</summary>
    protected virtual void Configure(IWebHostBuilder builder)
    {
    }

    public new virtual async Task DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.DisposeAsync();
            _playwright.Dispose();
        }

        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp cleaner; never read by another run.
        }
    }
}

/// <summary>The real time, shifted by an offset that only ever moves forward.</summary>
public sealed class ServerClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
