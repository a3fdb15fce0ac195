using InnoCenter.Domain.Common;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Infrastructure.Files;

/// <summary>Who may read the files of one owner type; each module that attaches files registers one.</summary>
public interface IAttachmentAccess
{
    string OwnerType { get; }

    Task<bool> CanReadAsync(Guid ownerId, CurrentUser user, CancellationToken ct);

    /// <summary>Per file, for owners whose files are not all alike (a case's draft images); by default per owner.</summary>
    Task<bool> CanReadFileAsync(StoredFile file, CurrentUser user, CancellationToken ct) => CanReadAsync(file.OwnerId, user, ct);
}

public sealed record AttachmentDto(
    Guid Id, string Slot, int Version, bool IsCurrent, string OriginalName, string Kind, long Size, string Sha256, DateTimeOffset UploadedAt);

/// <summary>
/// Checks an upload (size cap from configuration, type by its bytes), stores it by content, and records it as the
/// next version of the owner's slot. Checking comes first: a refused file leaves no bytes and no row.
/// </summary>
public sealed class Attachments(
    AppDbContext db, IFileStore store, IConfiguration config, CurrentUser user, TimeProvider clock,
    IEnumerable<IAttachmentAccess> access)
{
    public const long DefaultMaxBytes = 50L * 1024 * 1024;

    public long MaxBytes => config.GetValue("Files:MaxBytes", DefaultMaxBytes);

    /// <summary>
    /// Validates and stores the file, and adds its row to the context without saving: the caller saves it together
    /// with the change the file belongs to, in one transaction. <paramref name="accept"/> is the caller's own rule on
    /// the detected type (e.g. photos only), checked with the others before any byte is written.
    /// </summary>
    public async Task<Result<StoredFile>> StageAsync(
        string ownerType, Guid ownerId, string slot, IFormFile? upload, CancellationToken ct, string field = "file",
        Func<FileTypes.FileType, Error?>? accept = null)
    {
        if (upload is null || upload.Length == 0)
        {
            return Failure.Validation(new Error("file.empty", field));
        }

        if (upload.Length > MaxBytes)
        {
            return Failure.Validation(new Error("file.too_large", field, MaxBytes / (1024 * 1024)));
        }

        await using var buffer = new FileStream(
            Path.Combine(Path.GetTempPath(), "innocenter-upload-" + Guid.NewGuid().ToString("N")),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await using (var source = upload.OpenReadStream())
        {
            await source.CopyToAsync(buffer, ct);
        }

        if (buffer.Length > MaxBytes)
        {
            return Failure.Validation(new Error("file.too_large", field, MaxBytes / (1024 * 1024)));
        }

        var type = FileTypes.Detect(buffer);
        if (type is null)
        {
            return Failure.Validation(new Error("file.type", field));
        }

        if (!type.MatchesName(upload.FileName))
        {
            return Failure.Validation(new Error("file.extension_mismatch", field, type.Extension));
        }

        if (accept?.Invoke(type) is { } refused)
        {
            return Failure.Validation(refused);
        }

        var sha = await store.PutAsync(buffer, ct);
        var previous = await db.StoredFiles
            .Where(f => f.OwnerType == ownerType && f.OwnerId == ownerId && f.Slot == slot)
            .ToListAsync(ct);
        foreach (var p in previous)
        {
            p.IsCurrent = false;
        }

        var file = new StoredFile
        {
            OwnerType = ownerType,
            OwnerId = ownerId,
            Slot = slot,
            Version = previous.Count == 0 ? 1 : previous.Max(p => p.Version) + 1,
            IsCurrent = true,
            Sha256 = sha,
            Size = buffer.Length,
            Kind = type.Kind,
            ContentType = type.ContentType,
            OriginalName = SafeName(upload.FileName),
            UploadedBy = user.Id,
            UploadedAt = clock.GetUtcNow(),
        };
        db.StoredFiles.Add(file);
        return file;
    }

    public async Task<IReadOnlyList<AttachmentDto>> ListAsync(string ownerType, Guid ownerId, bool currentOnly, CancellationToken ct) =>
        await db.StoredFiles.AsNoTracking()
            .Where(f => f.OwnerType == ownerType && f.OwnerId == ownerId && (!currentOnly || f.IsCurrent))
            .OrderBy(f => f.Slot).ThenByDescending(f => f.Version)
            .Select(f => new AttachmentDto(f.Id, f.Slot, f.Version, f.IsCurrent, f.OriginalName, f.Kind, f.Size, f.Sha256, f.UploadedAt))
            .ToListAsync(ct);

    /// <summary>Opens a file for download when the owner's module says the current user may read it.</summary>
    public async Task<Result<(StoredFile File, Stream Content)>> OpenAsync(Guid id, CancellationToken ct)
    {
        var file = await db.StoredFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct);
        if (file is null)
        {
            return Failure.NotFound("file.not_found");
        }

        var policy = access.FirstOrDefault(a => a.OwnerType == file.OwnerType);
        if (policy is null || !await policy.CanReadFileAsync(file, user, ct))
        {
            return Failure.NotFound("file.not_found");
        }

        return (file, store.OpenRead(file.Sha256));
    }

    private static string SafeName(string name)
    {
        var justName = Path.GetFileName(name.Replace('\\', '/'));
        var cleaned = new string(justName.Where(c => !char.IsControl(c)).ToArray()).Trim();
        return cleaned.Length switch
        {
            0 => "file",
            > 200 => cleaned[^200..],
            _ => cleaned,
        };
    }
}
