using System.Net.Http.Json;
using System.Text.Json;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace InnoCenter.Web.Tests.Upgrade;

/// <summary>
/// A release upgrades the previous release's database in place: the app starts on a copy of a database made by an
/// earlier release (Fixtures/upgrade, see its README), its migrations take it forward, and the data is all there.
/// </summary>
public abstract class UpgradeTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    /// <summary>What the fixture holds (the demo data of commit b8d8632).</summary>
    private const int Organizations = 14;
    private const int Experts = 12;
    private const int LegacyAuditRows = 89;
    private const string CenterName = "天津市智能装备制造业创新中心";

    public static string FixturePath(string file) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "upgrade", file);

    [ProviderFact]
    public async Task The_previous_release_database_is_migrated_in_place_with_its_data_intact()
    {
        var (applied, pending) = await factory.WithDbAsync(async db =>
            ((await db.Database.GetAppliedMigrationsAsync()).ToList(), (await db.Database.GetPendingMigrationsAsync()).ToList()));
        var counts = await factory.WithDbAsync(async db => new
        {
            Organizations = await db.Organizations.CountAsync(),
            Experts = await db.Experts.CountAsync(),
            Centers = await db.Centers.Where(c => c.Name == CenterName).CountAsync(),
            Ip = await db.LedgerIp.CountAsync(),
            Users = await db.Users.CountAsync(u => u.Email!.EndsWith("@demo.local") || u.Email == "admin@fixture.local"),
        });

        Assert.Empty(pending);
        Assert.Contains(applied, m => m.EndsWith("_AuditSealedChain", StringComparison.Ordinal));
        Assert.Contains(applied, m => m.EndsWith("_UserPreferredCulture", StringComparison.Ordinal));
        Assert.Equal(Organizations, counts.Organizations);
        Assert.Equal(Experts, counts.Experts);
        Assert.Equal(1, counts.Centers);
        Assert.Equal(3, counts.Ip);
        Assert.Equal(5, counts.Users);
    }

    [ProviderFact]
    public async Task The_old_unkeyed_audit_rows_keep_their_place_and_the_keyed_chain_goes_on_from_them()
    {
        var legacy = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.Algorithm == "SHA-256").OrderBy(a => a.Sequence).Select(a => new { a.Id, a.Sequence }).ToListAsync());
        var admin = await factory.ClientFor(Roles.Admin);
        var pagedOrganizations = await admin.GetFromJsonAsync<JsonElement>("/api/v1/organizations?pageSize=100");
        await admin.CreateOrganizationAsync(TestData.Organization());
        await factory.SealAuditAsync();

        var verdict = await (await admin.PostAsync("/api/v1/audit/verify", null)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(LegacyAuditRows, legacy.Count);
        Assert.All(legacy, r => Assert.Equal(r.Id, r.Sequence));
        Assert.True(pagedOrganizations.GetProperty("total").GetInt32() >= Organizations);
        Assert.True(verdict.GetProperty("intact").GetBoolean(), verdict.ToString());
        Assert.True(verdict.GetProperty("lastSequence").GetInt64() > LegacyAuditRows);
    }
}

/// <summary>The app on a copy of the SQLite file made by the previous release.</summary>
public sealed class SqliteUpgradeFactory : AppFactory
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "innocenter-tests", "upgrade-" + Guid.NewGuid().ToString("N"));

    protected override string Provider => "Sqlite";

    protected override string ConnectionString => $"Data Source={Path.Combine(_directory, "innocenter.db")}";

    public override Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        File.Copy(UpgradeTests<SqliteUpgradeFactory>.FixturePath("main-b8d8632.sqlite"), Path.Combine(_directory, "innocenter.db"));
        return Task.CompletedTask;
    }

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
            // Left for the temp cleaner.
        }
    }
}

/// <summary>The app on a database loaded from the plain SQL dump made by the previous release.</summary>
public sealed class PostgresUpgradeFactory : AppFactory
{
    private readonly string _database = "innocenter_upgrade_" + Guid.NewGuid().ToString("N");
    private bool _created;

    protected override string Provider => "Postgres";

    protected override string ConnectionString =>
        new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresConnection) { Database = _database }.ConnectionString;

    public override async Task InitializeAsync()
    {
        if (TestEnvironment.PostgresSkipReason is not null)
        {
            return;
        }

        await using (var admin = new NpgsqlConnection(TestEnvironment.PostgresConnection))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", admin);
            await create.ExecuteNonQueryAsync();
            _created = true;
        }

        // The dump sets an empty search_path for its session; a connection of its own keeps that from the app's pool.
        var script = await File.ReadAllTextAsync(UpgradeTests<PostgresUpgradeFactory>.FixturePath("main-b8d8632.postgres.sql"));
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var load = new NpgsqlCommand(script, connection);
        await load.ExecuteNonQueryAsync();
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
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}

public sealed class SqliteUpgradeTests(SqliteUpgradeFactory factory) : UpgradeTests<SqliteUpgradeFactory>(factory);

[PostgresSuite]
public sealed class PostgresUpgradeTests(PostgresUpgradeFactory factory) : UpgradeTests<PostgresUpgradeFactory>(factory);
