using InnoCenter.Domain.Common;
using InnoCenter.Web.Data;
using InnoCenter.Web.Features.Centers;
using InnoCenter.Web.Features.Ledger.Kinds;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Files;

namespace InnoCenter.Web.Features.Ledger;

/// <summary>The ledger kinds, by their URL segment.</summary>
public sealed class LedgerKinds(IEnumerable<ILedgerKind> kinds)
{
    /// <summary>The kinds in the order the pages list them.</summary>
    public static readonly IReadOnlyList<string> Order =
    [
        ProjectLedger.Key, IpLedger.Key, DealLedger.Key, StandardLedger.Key, IncubatedLedger.Key, TalentLedger.Key,
        StaffLedger.Key, TrainingLedger.Key, IntlLedger.Key, SmeLedger.Key,
    ];

    private readonly Dictionary<string, ILedgerKind> _bySlug = kinds.ToDictionary(k => k.Slug, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<ILedgerKind> All => Order.Select(s => _bySlug[s]).ToList();

    public ILedgerKind? Find(string? slug) => slug is not null && _bySlug.TryGetValue(slug, out var kind) ? kind : null;
}

/// <summary>Who may read a ledger record's evidence: whoever may read the record.</summary>
public sealed class LedgerAttachmentAccess(ILedgerKind kind) : IAttachmentAccess
{
    public string OwnerType => kind.OwnerType;

    public async Task<bool> CanReadAsync(Guid ownerId, CurrentUser user, CancellationToken ct) =>
        await kind.VisibleCenterOfAsync(ownerId, ct) is not null;
}

/// <summary>Evidence files (证明材料) attached to ledger records: any number per record, each kept with its versions.</summary>
public sealed class LedgerEvidence(AppDbContext db, Attachments attachments, CenterAccess access)
{
    public async Task<Result<IReadOnlyList<AttachmentDto>>> ListAsync(ILedgerKind kind, Guid id, CancellationToken ct)
    {
        if (await kind.VisibleCenterOfAsync(id, ct) is null)
        {
            return Failure.NotFound("ledger.not_found");
        }

        return Result<IReadOnlyList<AttachmentDto>>.Ok(await attachments.ListAsync(kind.OwnerType, id, currentOnly: true, ct));
    }

    public async Task<Result<AttachmentDto>> UploadAsync(ILedgerKind kind, Guid id, IFormFile? file, CancellationToken ct)
    {
        if (await kind.VisibleCenterOfAsync(id, ct) is not { } centerId)
        {
            return Failure.NotFound("ledger.not_found");
        }

        if (!await access.CanEditAsync(centerId, ct))
        {
            return Failure.Forbidden("ledger.edit_forbidden");
        }

        // Each upload is its own piece of evidence; a slot per file keeps them side by side.
        var slot = "evidence-" + Guid.CreateVersion7().ToString("N")[..20];
        var staged = await attachments.StageAsync(kind.OwnerType, id, slot, file, ct);
        if (!staged.IsSuccess)
        {
            return staged.Failure!;
        }

        await db.SaveChangesAsync(ct);
        var f = staged.Value;
        return new AttachmentDto(f.Id, f.Slot, f.Version, f.IsCurrent, f.OriginalName, f.Kind, f.Size, f.Sha256, f.UploadedAt);
    }
}
