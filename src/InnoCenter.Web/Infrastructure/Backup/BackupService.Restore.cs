using System.Text.Json;
using InnoCenter.Domain.Audit;
using InnoCenter.Web.Infrastructure.Audit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace InnoCenter.Web.Infrastructure.Backup;

/// <summary>The restore: the backup is checked whole before anything is touched, then the database and the file store are brought back.</summary>
public sealed partial class BackupService
{
    /// <summary>
    /// Restores the backup in <paramref name="folder"/> over the configured database and file store. Every web node
    /// must be stopped first. Nothing is touched unless every hash, the audit head's signature and the schema check.
    /// </summary>
    public async Task<(long Sequence, string Hash)> RestoreAsync(string folder, CancellationToken ct)
    {
        folder = Rooted(folder);
        var manifest = await ReadManifestAsync(folder, ct);
        await CheckAsync(folder, manifest, ct);

        if (IsSqlite)
        {
            SqliteConnection.ClearAllPools();
            var source = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, manifest.Database.Path), Mode = SqliteOpenMode.ReadOnly, Pooling = false };
            var target = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false };
            await using var from = new SqliteConnection(source.ToString());
            await using var to = new SqliteConnection(target.ToString());
            await from.OpenAsync(ct);
            await to.OpenAsync(ct);
            // SQLite's online backup API, run in reverse: the whole database is replaced in one step, under its lock.
            from.BackupDatabase(to);
        }
        else
        {
            NpgsqlConnection.ClearAllPools();
            await RunPgToolAsync(
                "pg_restore",
                ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error",
                 "--dbname=" + new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()).Database, Path.Combine(folder, manifest.Database.Path)],
                ct);
        }

        RestoreFiles(folder, manifest);
        db.ChangeTracker.Clear();
        await db.Database.MigrateAsync(ct);

        var head = manifest.AuditHead;
        if (head.Sequence > 0 &&
            !await db.AuditEntries.AnyAsync(a => a.Sequence == head.Sequence && a.Hash == head.Hash, ct))
        {
            throw new BackupException($"The restored audit chain does not hold the backup's signed head (entry {head.Sequence}).");
        }

        var tail = await sealer.TailAsync(ct);
        var now = clock.GetUtcNow();
        await heads.AppendAsync(SignedHead.Sign(SignedHeadKind.Restore, tail.Sequence, tail.Hash, now, key.Mac), ct);
        // The interceptor only writes rows for the records people change; a restore is the platform's own act, and it
        // goes into the chain as a row of its own, after the rows it brought back.
        db.AuditEntries.Add(new AuditEntry
        {
            At = AuditChain.Truncate(now),
            UserName = "system",
            EntityType = "Backup",
            EntityId = manifest.Id,
            Action = "Restore",
            After = JsonSerializer.Serialize(new { backup = manifest.Id, manifest.CreatedAt, restoredToSequence = tail.Sequence, hash = tail.Hash }),
        });
        await db.SaveChangesAsync(ct);
        await sealer.SealAsync(forceHead: true, ct);
        logger.LogWarning("Restored backup {Id}: the audit chain is back at entry {Sequence}; a signed restore record was written", manifest.Id, tail.Sequence);
        return tail;
    }

    private async Task CheckAsync(string folder, BackupManifest manifest, CancellationToken ct)
    {
        if (manifest.Format != BackupManifest.CurrentFormat)
        {
            throw new BackupException($"Unknown backup format '{manifest.Format}'.");
        }

        var provider = IsSqlite ? "Sqlite" : "Postgres";
        if (manifest.Provider != provider)
        {
            throw new BackupException($"The backup is of a {manifest.Provider} database; this app is configured for {provider}.");
        }

        if (key.For(manifest.AuditHead.Algorithm) is not { } mac || !manifest.AuditHead.IsSignedWith(mac))
        {
            throw new BackupException("The backup's audit head does not verify under this audit key: the backup was altered or made with another key.");
        }

        if (manifest.Schema is { } schema && !db.Database.GetMigrations().Contains(schema))
        {
            throw new BackupException($"The backup was made by a newer release (schema {schema}); restore it with that release.");
        }

        foreach (var file in manifest.Files.Prepend(manifest.Database))
        {
            var path = Path.GetFullPath(Path.Combine(folder, file.Path));
            if (!path.StartsWith(Path.GetFullPath(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw new BackupException($"The manifest names a file outside the backup: {file.Path}.");
            }

            if (!File.Exists(path) || await Sha256Async(path, ct) != file.Sha256)
            {
                throw new BackupException($"{file.Path} is missing or does not match its SHA-256 in the manifest.");
            }
        }
    }

    private static async Task<BackupManifest> ReadManifestAsync(string folder, CancellationToken ct)
    {
        var path = Path.Combine(folder, BackupManifest.FileName);
        if (!File.Exists(path))
        {
            throw new BackupException($"{path} does not exist: not a backup folder.");
        }

        try
        {
            await using var stream = File.OpenRead(path);
            return await JsonSerializer.DeserializeAsync<BackupManifest>(stream, Json, ct) ?? throw new BackupException("The manifest is empty.");
        }
        catch (JsonException ex)
        {
            throw new BackupException($"The manifest does not parse: {ex.Message}");
        }
    }

    /// <summary>Puts the store back as it was: the backed-up files in, and the content files added since out (heads stay).</summary>
    private void RestoreFiles(string folder, BackupManifest manifest)
    {
        var root = FilesRoot;
        Directory.CreateDirectory(root);
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in manifest.Files)
        {
            var relative = Path.GetRelativePath(FilesFolder, file.Path);
            var target = Path.Combine(root, relative);
            wanted.Add(Path.GetFullPath(target));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(folder, file.Path), target, overwrite: true);
        }

        var headsRoot = Path.GetFullPath(heads.Root) + Path.DirectorySeparatorChar;
        foreach (var existing in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).ToList())
        {
            var full = Path.GetFullPath(existing);
            if (!full.StartsWith(headsRoot, StringComparison.Ordinal) && !wanted.Contains(full))
            {
                File.Delete(existing);
            }
        }
    }
}
