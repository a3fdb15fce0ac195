using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using InnoCenter.Domain.Audit;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Audit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace InnoCenter.Web.Infrastructure.Backup;

/// <summary>
/// Backups and restores (备份与恢复). A backup is a folder: the database (SQLite: an online, consistent copy made by
/// <c>VACUUM INTO</c>; PostgreSQL: <c>pg_dump</c> in its custom format), the file store, and manifest.json with the
/// SHA-256 of each file and the signed head of the audit chain. A restore checks all of that before it touches
/// anything, brings the database and files back exactly, lets the migrations take an older backup forward, and writes
/// a signed "restored to sequence N" record, so that verify tells the restore from a truncation.
/// </summary>
public sealed partial class BackupService(
    AppDbContext db,
    AuditSealer sealer,
    AuditKey key,
    AuditHeadStore heads,
    IConfiguration config,
    IHostEnvironment env,
    TimeProvider clock,
    ILogger<BackupService> logger)
{
    public const string Prefix = "innocenter-";
    private const string PartialSuffix = ".partial";
    private const string SqliteFile = "database.sqlite";
    private const string DumpFile = "database.dump";
    private const string FilesFolder = "files";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Backups younger than this are never deleted by retention (six months: 等保 2.0 asks logs be kept that long).</summary>
    public static readonly TimeSpan MinimumRetention = TimeSpan.FromDays(183);

    public string DefaultDirectory => Rooted(config["Backup:Directory"] is { Length: > 0 } d ? d : "data/backups");

    private string FilesRoot => Rooted(config["Files:Root"] ?? "data/files");

    private bool IsSqlite => db.Database.IsSqlite();

    /// <summary>Makes a backup folder under <paramref name="directory"/> and returns its path.</summary>
    public async Task<string> BackupAsync(string directory, CancellationToken ct)
    {
        directory = Rooted(directory);
        var now = clock.GetUtcNow();
        var id = Prefix + now.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6];
        var partial = Path.Combine(directory, id + PartialSuffix);
        Directory.CreateDirectory(partial);
        try
        {
            // Seal what writers have appended, so the copy's chain is as long as it can be.
            await sealer.SealAsync(forceHead: true, ct);
            BackupFile database;
            (long Sequence, string Hash) tail;
            if (IsSqlite)
            {
                var path = Path.Combine(partial, SqliteFile);
                await using (var connection = new SqliteConnection(db.Database.GetConnectionString()))
                {
                    await connection.OpenAsync(ct);
                    await using var vacuum = connection.CreateCommand();
                    vacuum.CommandText = "VACUUM INTO $path";
                    vacuum.Parameters.AddWithValue("$path", path);
                    await vacuum.ExecuteNonQueryAsync(ct);
                }

                // The head is read from the copy itself, so it is exactly the copy's tail.
                tail = await SqliteTailAsync(path, ct);
                database = await DescribeAsync(partial, path, ct);
            }
            else
            {
                // pg_dump's snapshot is taken after this read, so the dump holds at least this row, unchanged.
                tail = await sealer.TailAsync(ct);
                var path = Path.Combine(partial, DumpFile);
                await RunPgToolAsync("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", "--file=" + path], ct);
                database = await DescribeAsync(partial, path, ct);
            }

            var head = SignedHead.Sign(SignedHeadKind.Head, tail.Sequence, tail.Hash, now, key.Mac);
            await heads.AppendAsync(head, ct);
            var files = await CopyFilesAsync(FilesRoot, Path.Combine(partial, FilesFolder), partial, ct);
            var schema = (await db.Database.GetAppliedMigrationsAsync(ct)).LastOrDefault();
            var manifest = new BackupManifest(
                BackupManifest.CurrentFormat, id, now, IsSqlite ? "Sqlite" : "Postgres", schema, database, files, head);
            await File.WriteAllBytesAsync(Path.Combine(partial, BackupManifest.FileName), JsonSerializer.SerializeToUtf8Bytes(manifest, Json), ct);
            var final = Path.Combine(directory, id);
            Directory.Move(partial, final);
            logger.LogInformation("Backup {Id} made in {Path}: audit chain to {Sequence}, {Files} file(s)", id, final, tail.Sequence, files.Count);
            return final;
        }
        catch
        {
            TryDelete(partial);
            throw;
        }
    }

    /// <summary>
    /// Deletes the oldest backups beyond <c>Backup:Keep</c> (default 30), but never one younger than
    /// <c>Backup:KeepDays</c> (default and least 183 days), and failed partial folders older than a day.
    /// </summary>
    public int Prune(string directory)
    {
        directory = Rooted(directory);
        if (!Directory.Exists(directory))
        {
            return 0;
        }

        var keep = Math.Max(1, config.GetValue("Backup:Keep", 30));
        var minimumAge = TimeSpan.FromDays(Math.Max(MinimumRetention.TotalDays, config.GetValue("Backup:KeepDays", MinimumRetention.TotalDays)));
        var now = clock.GetUtcNow();
        var deleted = 0;
        var backups = new List<(string Path, DateTimeOffset CreatedAt)>();
        foreach (var path in Directory.EnumerateDirectories(directory, Prefix + "*"))
        {
            if (path.EndsWith(PartialSuffix, StringComparison.Ordinal))
            {
                if (now - Directory.GetCreationTimeUtc(path) > TimeSpan.FromDays(1))
                {
                    TryDelete(path);
                }

                continue;
            }

            var manifestPath = Path.Combine(path, BackupManifest.FileName);
            if (File.Exists(manifestPath) && JsonSerializer.Deserialize<BackupManifest>(File.ReadAllBytes(manifestPath), Json) is { } manifest)
            {
                backups.Add((path, manifest.CreatedAt));
            }
        }

        foreach (var (path, createdAt) in backups.OrderByDescending(b => b.CreatedAt).Skip(keep))
        {
            if (now - createdAt >= minimumAge)
            {
                TryDelete(path);
                deleted++;
            }
        }

        return deleted;
    }

    /// <summary>When the newest complete backup in the folder was made, if any.</summary>
    public DateTimeOffset? NewestIn(string directory)
    {
        directory = Rooted(directory);
        if (!Directory.Exists(directory))
        {
            return null;
        }

        return Directory.EnumerateDirectories(directory, Prefix + "*")
            .Where(p => !p.EndsWith(PartialSuffix, StringComparison.Ordinal) && File.Exists(Path.Combine(p, BackupManifest.FileName)))
            .Select(p => (DateTimeOffset?)new DateTimeOffset(File.GetLastWriteTimeUtc(Path.Combine(p, BackupManifest.FileName)), TimeSpan.Zero))
            .Max();
    }

    /// <summary>Copies the content-addressed store, leaving out the audit heads: a backup never carries them back.</summary>
    private async Task<List<BackupFile>> CopyFilesAsync(string from, string to, string backupRoot, CancellationToken ct)
    {
        var files = new List<BackupFile>();
        if (!Directory.Exists(from))
        {
            return files;
        }

        var headsRoot = Path.GetFullPath(heads.Root) + Path.DirectorySeparatorChar;
        foreach (var source in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (Path.GetFullPath(source).StartsWith(headsRoot, StringComparison.Ordinal) || source.EndsWith(".part", StringComparison.Ordinal))
            {
                continue;
            }

            var target = Path.Combine(to, Path.GetRelativePath(from, source));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target);
            files.Add(await DescribeAsync(backupRoot, target, ct));
        }

        return files;
    }

    private static async Task<(long Sequence, string Hash)> SqliteTailAsync(string path, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Sequence\", \"Hash\" FROM \"AuditEntries\" WHERE \"Sequence\" IS NOT NULL ORDER BY \"Sequence\" DESC LIMIT 1";
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.GetInt64(0), reader.GetString(1)) : (0, AuditChain.Genesis);
    }

    private static async Task<BackupFile> DescribeAsync(string root, string path, CancellationToken ct) =>
        new(Path.GetRelativePath(root, path).Replace('\\', '/'), await Sha256Async(path, ct), new FileInfo(path).Length);

    private static async Task<string> Sha256Async(string path, CancellationToken ct)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
    }

    /// <summary>Runs pg_dump or pg_restore (from <c>Backup:PgBinDirectory</c>, else the PATH) against the configured database.</summary>
    private async Task RunPgToolAsync(string tool, IEnumerable<string> arguments, CancellationToken ct)
    {
        var connection = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
        var bin = config["Backup:PgBinDirectory"];
        var start = new ProcessStartInfo(string.IsNullOrWhiteSpace(bin) ? tool : Path.Combine(bin, tool))
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The connection goes by libpq's environment, never on a command line that other users could read.
        start.Environment["PGHOST"] = connection.Host;
        start.Environment["PGPORT"] = connection.Port.ToString(CultureInfo.InvariantCulture);
        start.Environment["PGDATABASE"] = connection.Database;
        start.Environment["PGUSER"] = connection.Username;
        if (!string.IsNullOrEmpty(connection.Password))
        {
            start.Environment["PGPASSWORD"] = connection.Password;
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new BackupException($"{tool} could not be started.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new BackupException($"{tool} was not found ({ex.Message}); install the PostgreSQL client tools or set Backup:PgBinDirectory.");
        }

        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync(ct);
            await process.StandardOutput.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            if (process.ExitCode != 0)
            {
                throw new BackupException($"{tool} failed ({process.ExitCode}): {(await stderr).Trim()}");
            }
        }
    }

    private string Rooted(string path) => Path.IsPathRooted(path) ? path : Path.Combine(env.ContentRootPath, path);

    private void TryDelete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException ex)
        {
            logger.LogWarning(ex, "Could not delete {Path}", path);
        }
    }
}
