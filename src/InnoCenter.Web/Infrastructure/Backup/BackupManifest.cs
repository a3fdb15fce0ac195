using InnoCenter.Domain.Audit;

namespace InnoCenter.Web.Infrastructure.Backup;

/// <summary>
/// manifest.json of a backup folder: what was backed up, when, from which schema, the SHA-256 of every file, and the
/// signed head of the audit chain that the backed-up database holds (so a restore can prove what it brings back).
/// </summary>
public sealed record BackupManifest(
    string Format,
    string Id,
    DateTimeOffset CreatedAt,
    string Provider,
    string? Schema,
    BackupFile Database,
    IReadOnlyList<BackupFile> Files,
    SignedHead AuditHead)
{
    public const string CurrentFormat = "innocenter-backup/1";
    public const string FileName = "manifest.json";
}

/// <summary>A file of the backup, by its path relative to the backup folder.</summary>
public sealed record BackupFile(string Path, string Sha256, long Bytes);

/// <summary>An expected refusal of a backup or restore (a damaged backup, another key, a newer schema): a message, not a stack trace.</summary>
public sealed class BackupException(string message) : Exception(message);
