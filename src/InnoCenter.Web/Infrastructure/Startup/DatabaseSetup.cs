using InnoCenter.Web.Data;
using InnoCenter.Web.Data.Interceptors;
using InnoCenter.Web.Infrastructure.Search;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Infrastructure.Startup;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public static class DatabaseSetup
{
    /// <summary>
    /// Registers <see cref="AppDbContext"/> on the configured provider: <c>Database:Provider</c> = Sqlite (default, a file
    /// under <c>data/</c>) or Postgres, with <c>ConnectionStrings:Default</c>.
    /// </summary>
    public static IServiceCollection AddAppDatabase(this IServiceCollection services, IConfiguration config, IHostEnvironment env)
    {
        var provider = ProviderOf(config);
        var connectionString = ConnectionStringOf(config, env, provider);
        services.AddScoped<VersionInterceptor>();
        services.AddScoped<AuditInterceptor>();
        services.AddSearchIndex();

        if (provider == DatabaseProvider.Postgres)
        {
            services.AddDbContext<AppDbContext, PostgresAppDbContext>((sp, o) => o
                .UseNpgsql(connectionString)
                .AddInterceptors(sp.GetRequiredService<VersionInterceptor>(), sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<SearchIndexInterceptor>()));
        }
        else
        {
            // Off unless configured: the map counts once per pooled connection in the process's resident memory.
            var mmapBytes = config.GetValue("Database:SqliteMmapBytes", 0L);
            services.AddDbContext<AppDbContext, SqliteAppDbContext>((sp, o) =>
            {
                o.UseSqlite(connectionString)
                    .AddInterceptors(sp.GetRequiredService<VersionInterceptor>(), sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<SearchIndexInterceptor>(), KeepOpen);
                if (mmapBytes > 0)
                {
                    o.AddInterceptors(new SqliteMmapInterceptor(mmapBytes));
                }
            });
        }

        return services;
    }

    private static readonly SqliteKeepOpenInterceptor KeepOpen = new();

    public static DatabaseProvider ProviderOf(IConfiguration config) =>
        (config["Database:Provider"] ?? "Sqlite").Trim().ToLowerInvariant() switch
        {
            "sqlite" => DatabaseProvider.Sqlite,
            "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
            var other => throw new InvalidOperationException(
                $"Database:Provider '{other}' is not supported; use Sqlite or Postgres."),
        };

    private static string ConnectionStringOf(IConfiguration config, IHostEnvironment env, DatabaseProvider provider)
    {
        var configured = config.GetConnectionString("Default");
        if (provider == DatabaseProvider.Postgres)
        {
            return string.IsNullOrWhiteSpace(configured)
                ? throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Default is empty.")
                : configured;
        }

        var builder = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(configured) ? "Data Source=data/innocenter.db" : configured);
        if (!Path.IsPathRooted(builder.DataSource) && builder.DataSource != ":memory:")
        {
            builder.DataSource = Path.Combine(env.ContentRootPath, builder.DataSource);
        }

        var directory = Path.GetDirectoryName(builder.DataSource);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        builder.Pooling = true;
        builder.DefaultTimeout = 30;
        return builder.ToString();
    }

    /// <summary>
    /// Applies the provider's migrations. A failure stops the start: the caller lets the exception end the process
    /// after it is reported, never logging and carrying on with a half-migrated database.
    /// </summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default, StartupTimings? timings = null)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (db.Database.IsSqlite())
        {
            // WAL lets readers go on while one writer commits; it is a property of the file, set once.
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            await db.Database.CloseConnectionAsync();
        }

        await db.Database.MigrateAsync(ct);
        timings?.Mark("migrations");

        // The backfill of the kept ledger roll-up, left pending by the migration that created its table.
        await new Features.Ledger.Rollup.LedgerRollupRebuild(db).RunIfPendingAsync(ct);

        // The same for the shared resources' kept yearly figures (a generated database keeps the marker too).
        await Features.Resources.ResourceYearSums.RunIfPendingAsync(db, ct);
        await Features.Resources.ResourceMonthCharges.RunIfPendingAsync(db, ct);
        await Features.Funds.FundYearTotals.RunIfPendingAsync(db, ct);
        await Features.Funds.FundGrantSums.RunIfPendingAsync(db, ct);
        await Features.Ledger.LedgerRecordCounts.RunIfPendingAsync(db, ct);

        // The assessment overview's kept statistics of cycles scored before they were kept (and of generated databases).
        await Features.Assessment.CycleStatisticsStore.RunIfPendingAsync(db, scope.ServiceProvider.GetRequiredService<TimeProvider>(), ct);
        timings?.Mark("kept figures");
        await SearchIndex.EnsureBuiltAsync(services, ct);
        timings?.Mark("search index");
    }
}
