using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Backup;
using InnoCenter.Web.Infrastructure.Files;
using InnoCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace InnoCenter.Web.Tests.Backup;

/// <summary>
/// The backup and restore commands, run as an operator would (the same entry point as
/// <c>dotnet run --project src/InnoCenter.Web -- backup --to DIR</c>), against an app's database and file store.
/// On PostgreSQL they need pg_dump and pg_restore: /usr/lib/postgresql/15/bin when present, else the PATH.
/// </summary>
public abstract class BackupRestoreTests<TFactory>
    where TFactory : AppFactory, new()
{
    private const string PgBin = "/usr/lib/postgresql/15/bin";

    private static async Task<(int Code, string Output, string Error)> RunAsync(AppFactory factory, params string[] verb)
    {
        var config = factory.Services.GetRequiredService<IConfiguration>();
        var settings = new List<string>
        {
            "--Database:Provider=" + config["Database:Provider"],
            "--ConnectionStrings:Default=" + config.GetConnectionString("Default"),
            "--Files:Root=" + factory.FilesRoot,
            "--Audit:KeyFile=" + factory.AuditKeyFile,
        };
        if (Directory.Exists(PgBin))
        {
            settings.Add("--Backup:PgBinDirectory=" + PgBin);
        }

        var output = new StringWriter();
        var error = new StringWriter();
        var code = await OpsCommands.RunAsync([.. verb, .. settings], output, error);
        return (code, output.ToString().Trim(), error.ToString().Trim());
    }

    /// <summary>What "exactly the backed-up state" is compared on: every organisation and user as stored, and the audit rows.</summary>
    private static Task<List<string>> StateAsync(AppFactory factory, long? auditUpToId = null) => factory.WithDbAsync(async db =>
    {
        var organizations = await db.Organizations.AsNoTracking().OrderBy(o => o.Id)
            .Select(o => o.Id + "|" + o.Name + "|" + o.CreditCode + "|" + o.Version).ToListAsync();
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Id).Select(u => u.Id + "|" + u.Email + "|" + u.IsActive).ToListAsync();
        var audit = await db.AuditEntries.AsNoTracking().Where(a => auditUpToId == null || a.Id <= auditUpToId).OrderBy(a => a.Id)
            .Select(a => a.Id + "|" + a.Sequence + "|" + a.Hash + "|" + a.After).ToListAsync();
        return organizations.Concat(users).Concat(audit).ToList();
    });

    private static async Task<string> PutFileAsync(AppFactory factory, string text)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IFileStore>().PutAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)), CancellationToken.None);
    }

    private static string StoredPath(AppFactory factory, string sha) => Path.Combine(factory.FilesRoot, sha[..2], sha);

    [ProviderFact]
    public async Task Back_up_make_more_restore_gives_back_exactly_the_backed_up_state_with_a_verifying_chain()
    {
        await using var app = await OwnApp<TFactory>.StartAsync();
        var factory = app.Factory;
        var admin = await factory.ClientFor(Roles.Admin);
        var kept = await admin.CreateOrganizationAsync(TestData.Organization());
        var keptFile = await PutFileAsync(factory, "备份前的文件 " + Guid.NewGuid());
        var target = Path.Combine(Path.GetTempPath(), "innocenter-tests", "backups-" + Guid.NewGuid().ToString("N"));

        var backup = await RunAsync(factory, "backup", "--to", target);
        Assert.True(backup.Code == 0, backup.Error);
        var folder = backup.Output;
        var lastAuditId = await factory.WithDbAsync(db => db.AuditEntries.MaxAsync(a => a.Id));
        var backedUp = await StateAsync(factory);
        var manifest = JsonSerializer.Deserialize<JsonElement>(await File.ReadAllTextAsync(Path.Combine(folder, "manifest.json")));

        // More work after the backup: a new organisation, a changed one, a new file, all sealed and signed.
        var later = await admin.CreateOrganizationAsync(TestData.Organization());
        await factory.WithDbAsync(async db =>
        {
            var org = await db.Organizations.SingleAsync(o => o.Id == kept.Id);
            db.Entry(org).Property(o => o.Name).CurrentValue = "备份后改名" + Guid.NewGuid().ToString("N")[..6];
            return await db.SaveChangesAsync();
        });
        var laterFile = await PutFileAsync(factory, "备份后的文件 " + Guid.NewGuid());
        await factory.SealAuditAsync();
        Assert.NotEqual(backedUp, await StateAsync(factory));

        var unconfirmed = await RunAsync(factory, "restore", "--from", folder);
        Assert.Equal(1, unconfirmed.Code);
        Assert.NotNull(await factory.WithDbAsync(db => db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == later.Id)));

        var restore = await RunAsync(factory, "restore", "--from", folder, "--yes");
        Assert.True(restore.Code == 0, restore.Error);

        Assert.Equal(backedUp, await StateAsync(factory, lastAuditId));
        Assert.Null(await factory.WithDbAsync(db => db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == later.Id)));
        Assert.True(File.Exists(StoredPath(factory, keptFile)));
        Assert.Equal(keptFile, Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(StoredPath(factory, keptFile)))));
        Assert.False(File.Exists(StoredPath(factory, laterFile)));
        foreach (var file in manifest.GetProperty("files").EnumerateArray().Append(manifest.GetProperty("database")))
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(folder, file.GetProperty("path").GetString()!));
            Assert.Equal(file.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(bytes)));
        }

        Assert.Contains(manifest.GetProperty("files").EnumerateArray(), f => f.GetProperty("sha256").GetString() == keptFile);
        var verdict = await (await admin.PostAsync("/api/v1/audit/verify", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(verdict.GetProperty("intact").GetBoolean(), verdict.ToString());
        Assert.False(verdict.GetProperty("truncated").GetBoolean());
        Assert.Equal(1, verdict.GetProperty("restores").GetInt32());
        var restoreRow = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == "Restore"));
        Assert.NotNull(restoreRow.Sequence);
        Assert.Equal(manifest.GetProperty("id").GetString(), restoreRow.EntityId);
        Assert.Equal(manifest.GetProperty("auditHead").GetProperty("sequence").GetInt64(), restoreRow.Sequence - 1);
    }

    [ProviderFact]
    public async Task A_backup_with_an_altered_file_is_refused_and_nothing_is_restored()
    {
        await using var app = await OwnApp<TFactory>.StartAsync();
        var factory = app.Factory;
        var admin = await factory.ClientFor(Roles.Admin);
        await PutFileAsync(factory, "文件 " + Guid.NewGuid());
        var target = Path.Combine(Path.GetTempPath(), "innocenter-tests", "backups-" + Guid.NewGuid().ToString("N"));
        var backup = await RunAsync(factory, "backup", "--to", target);
        Assert.True(backup.Code == 0, backup.Error);
        var later = await admin.CreateOrganizationAsync(TestData.Organization());
        var stored = Directory.EnumerateFiles(Path.Combine(backup.Output, "files"), "*", SearchOption.AllDirectories).First();
        await File.AppendAllTextAsync(stored, "x");

        var restore = await RunAsync(factory, "restore", "--from", backup.Output, "--yes");

        Assert.Equal(2, restore.Code);
        Assert.Contains("SHA-256", restore.Error);
        Assert.NotNull(await factory.WithDbAsync(db => db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == later.Id)));
    }

    [ProviderFact]
    public async Task Retention_keeps_every_backup_younger_than_six_months_and_trims_only_older_ones_beyond_the_count()
    {
        await using var app = await OwnApp<TFactory>.StartAsync(f => f.Settings["Backup:Keep"] = "1");
        var factory = app.Factory;
        var target = Path.Combine(Path.GetTempPath(), "innocenter-tests", "backups-" + Guid.NewGuid().ToString("N"));
        using var scope = factory.Services.CreateScope();
        var backups = scope.ServiceProvider.GetRequiredService<BackupService>();
        var first = await backups.BackupAsync(target, CancellationToken.None);
        var second = await backups.BackupAsync(target, CancellationToken.None);

        Assert.Equal(0, backups.Prune(target));
        factory.Clock.Advance(TimeSpan.FromDays(184));
        var pruned = backups.Prune(target);

        Assert.Equal(1, pruned);
        Assert.False(Directory.Exists(first));
        Assert.True(Directory.Exists(second));
    }
}

public sealed class SqliteBackupRestoreTests : BackupRestoreTests<SqliteAppFactory>;

[PostgresSuite]
public sealed class PostgresBackupRestoreTests : BackupRestoreTests<PostgresAppFactory>;
