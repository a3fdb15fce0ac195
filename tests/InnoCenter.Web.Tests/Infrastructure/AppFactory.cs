using System.Net.Http.Headers;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace InnoCenter.Web.Tests.Infrastructure;

/// <summary>
/// The app over HTTP on a database of its own: a fresh SQLite file, or a fresh PostgreSQL database when the test class
/// is a PostgreSQL suite. Each test makes its own users and data through <see cref="ClientFor"/>.
/// </summary>
public abstract class AppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminEmail = "first-admin@test.local";
    public const string AdminPassword = "FirstAdmin2026";

    public const long MaxUploadBytes = 1024 * 1024;

    private int _userCounter;

    public string FilesRoot { get; } = Path.Combine(Path.GetTempPath(), "innocenter-tests", "files-" + Guid.NewGuid().ToString("N"));

    /// <summary>The audit key file: made by the app at its first start, as on a real first start without Audit:Key.</summary>
    public string AuditKeyFile { get; } = Path.Combine(Path.GetTempPath(), "innocenter-tests", "audit-" + Guid.NewGuid().ToString("N") + ".key");

    /// <summary>Configuration of this app beyond the test defaults (e.g. another policy pack file), set before it starts.</summary>
    public Dictionary<string, string> Settings { get; } = [];

    /// <summary>The app's clock: the real time plus an offset a test may move forward (e.g. past a deadline).</summary>
    public TestClock Clock { get; } = new();

    protected abstract string Provider { get; }

    protected abstract string ConnectionString { get; }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public new virtual async Task DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(FilesRoot, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // No test of the class uploaded anything.
        }

        File.Delete(AuditKeyFile);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider);
        builder.UseSetting("ConnectionStrings:Default", ConnectionString);
        builder.UseSetting("INNOCENTER_ADMIN_EMAIL", AdminEmail);
        builder.UseSetting("INNOCENTER_ADMIN_PASSWORD", AdminPassword);
        builder.UseSetting("Security:SignInsPerMinute", "10000");
        builder.UseSetting("Dashboard:CacheSeconds", "0");
        builder.UseSetting("Security:PublicFormsPerMinute", "10000");
        builder.UseSetting("Files:Root", FilesRoot);
        builder.UseSetting("Files:MaxBytes", MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // Tests close notice windows by calling the handler with the day they need; the timer would only race them.
        builder.UseSetting("Jobs:NoticeClosingSeconds", "0");
        // Likewise the audit sealer and the scheduled backup: tests seal (AuditTestExtensions) and back up when they need to.
        builder.UseSetting("Audit:SealSeconds", "0");
        builder.UseSetting("Audit:KeyFile", AuditKeyFile);
        builder.UseSetting("Backup:Hours", "0");
        // Mail and reminders are driven by the tests that need them; mail never leaves the test's own folder.
        builder.UseSetting("Jobs:MailSeconds", "0");
        builder.UseSetting("Jobs:RemindersSeconds", "0");
        builder.UseSetting("Jobs:FundWarningsSeconds", "0");
        builder.UseSetting("Smtp:PickupDirectory", Path.Combine(FilesRoot, "mail-pickup"));
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A client signed in (by a personal access token) as a new active user of the given role.</summary>
    public async Task<HttpClient> ClientFor(string role, Guid? organizationId = null, string culture = "zh-CN")
    {
        var (_, token) = await CreateUserAsync(role, organizationId);
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(culture);
        return client;
    }

    public HttpClient AnonymousClient(string culture = "zh-CN")
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(culture);
        return client;
    }

    public async Task<(AppUser User, string Token)> CreateUserAsync(string role, Guid? organizationId = null, string password = "TestUser2026x")
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var n = Interlocked.Increment(ref _userCounter);
        var email = $"{role.ToLowerInvariant()}-{n}-{Guid.NewGuid():N}@test.local";
        var user = new AppUser
        {
            Id = Guid.CreateVersion7(),
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = $"{role} {n}",
            OrganizationId = organizationId,
            IsActive = true,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRoleAsync(user, role));

        var secret = PersonalAccessToken.NewSecret();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.PersonalAccessTokens.Add(new PersonalAccessToken
        {
            UserId = user.Id,
            Name = "test",
            TokenHash = PersonalAccessToken.HashOf(secret),
            Hint = secret[..8],
            CreatedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
        return (user, secret);
    }

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>
    /// Calls services in a scope of their own as a signed-in user of the role, with no endpoint or page in front: for
    /// handlers that must check the caller themselves rather than trust whoever calls them.
    /// </summary>
    public async Task<T> AsUserAsync<T>(string role, Guid? organizationId, Func<IServiceProvider, Task<T>> work)
    {
        var (user, _) = await CreateUserAsync(role, organizationId);
        List<System.Security.Claims.Claim> claims =
        [
            new(System.Security.Claims.ClaimTypes.NameIdentifier, user.Id.ToString()),
            new(System.Security.Claims.ClaimTypes.Name, user.Email!),
            new(System.Security.Claims.ClaimTypes.Role, role),
        ];
        if (organizationId is { } org)
        {
            claims.Add(new(CurrentUser.OrganizationClaim, org.ToString()));
        }

        using var scope = Services.CreateScope();
        var accessor = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Http.IHttpContextAccessor>();
        var previous = accessor.HttpContext;
        accessor.HttpContext = new Microsoft.AspNetCore.Http.DefaultHttpContext
        {
            User = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(claims, "Test")),
            RequestServices = scope.ServiceProvider,
        };
        try
        {
            return await work(scope.ServiceProvider);
        }
        finally
        {
            accessor.HttpContext = previous;
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}

public sealed class SqliteAppFactory : AppFactory
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "innocenter-tests", Guid.NewGuid().ToString("N"));

    protected override string Provider => "Sqlite";

    protected override string ConnectionString => $"Data Source={Path.Combine(_directory, "test.db")}";

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by the OS is left for the temp cleaner; it never affects another run.
        }
    }
}

/// <summary>A throwaway database on the server named by <c>PG_CONN</c>, dropped when the test class is done.</summary>
public sealed class PostgresAppFactory : AppFactory
{
    private readonly string _database = "innocenter_test_" + Guid.NewGuid().ToString("N");

    protected override string Provider => "Postgres";

    protected override string ConnectionString =>
        new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresConnection) { Database = _database }.ConnectionString;

    private bool _created;

    public override async Task InitializeAsync()
    {
        if (TestEnvironment.PostgresSkipReason is not null)
        {
            return;
        }

        await using var admin = new NpgsqlConnection(TestEnvironment.PostgresConnection);
        await admin.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", admin);
        await cmd.ExecuteNonQueryAsync();
        _created = true;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (!_created)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(TestEnvironment.PostgresConnection);
        await admin.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", admin);
        await cmd.ExecuteNonQueryAsync();
    }
}

/// <summary>The real time, shifted by an offset that only ever moves forward.</summary>
public sealed class TestClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
