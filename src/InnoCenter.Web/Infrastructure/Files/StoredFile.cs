namespace InnoCenter.Web.Infrastructure.Files;

/// <summary>
/// One attached file version. The bytes live in the content-addressed store under their SHA-256; this row says who
/// attached them to what. Re-uploading to the same owner and slot adds a version and keeps the old one.
/// </summary>
public sealed class StoredFile : InnoCenter.Domain.Common.IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>What the file belongs to, e.g. "Application", "SiteInspection", "IpRecord".</summary>
    public string OwnerType { get; set; } = string.Empty;

    public Guid OwnerId { get; set; }

    /// <summary>The place within the owner, e.g. a material code from the policy, or "evidence".</summary>
    public string Slot { get; set; } = string.Empty;

    /// <summary>1 for the first upload to the slot, then 2, 3…</summary>
    public int Version { get; set; }

    public bool IsCurrent { get; set; }

    public string Sha256 { get; set; } = string.Empty;

    public long Size { get; set; }

    /// <summary>pdf, docx, xlsx, jpg or png — from the file's bytes, never from its name.</summary>
    public string Kind { get; set; } = string.Empty;

    public string ContentType { get; set; } = string.Empty;

    /// <summary>The name the uploader's file had; kept as data only, never used as a path.</summary>
    public string OriginalName { get; set; } = string.Empty;

    public Guid? UploadedBy { get; set; }

    public DateTimeOffset UploadedAt { get; set; }
}
