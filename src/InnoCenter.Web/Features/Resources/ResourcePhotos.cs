using InnoCenter.Domain.Common;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Files;
using InnoCenter.Web.Infrastructure.Policy;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Resources;

public sealed record ResourcePhotoDto(Guid Id, string Url, string OriginalName);

/// <summary>
/// Photos of a resource (设备照片): uploaded by whoever manages it, checked as every upload is (size cap, type by its
/// bytes, name matching the bytes) and only JPG or PNG, each in a slot of its own; removed photos stop being shown.
/// A photo is shown to anyone where its resource is in the public catalogue (open to outside users), else to users signed in.
/// </summary>
public sealed class ResourcePhotos(AppDbContext db, ResourceAccess access, Attachments attachments, PolicyProvider policy)
{
    public const string OwnerType = "ResearchResource";

    public const string SlotPrefix = "photo-";

    public static string Url(Guid fileId) => $"/api/v1/resources/photos/{fileId}";

    public async Task<Result<ResourcePhotoDto>> UploadAsync(Guid resourceId, IFormFile? file, CancellationToken ct)
    {
        var resource = await db.ResearchResources.AsNoTracking().FirstOrDefaultAsync(r => r.Id == resourceId, ct);
        if (resource is null)
        {
            return Failure.NotFound("resources.not_found");
        }

        if (!await access.CanManageAsync(resource, ct))
        {
            return Failure.Forbidden();
        }

        // The cap of the pack in force: a resource is not a case begun under a version, and a photo is added now.
        var max = policy.Current.Resources.MaxPhotosPerResource;
        if (await Current(resourceId).CountAsync(ct) >= max)
        {
            return Failure.IllegalTransition("resources.photo_limit", max);
        }

        var staged = await attachments.StageAsync(OwnerType, resourceId, SlotPrefix + Guid.CreateVersion7().ToString("N"), file, ct,
            accept: t => t.Kind is "jpg" or "png" ? null : new Error("resources.photo_type", "file"));
        if (!staged.IsSuccess)
        {
            return staged.Failure!;
        }

        await db.SaveChangesAsync(ct);
        return new ResourcePhotoDto(staged.Value.Id, Url(staged.Value.Id), staged.Value.OriginalName);
    }

    public async Task<Result<bool>> RemoveAsync(Guid resourceId, Guid photoId, CancellationToken ct)
    {
        var resource = await db.ResearchResources.AsNoTracking().FirstOrDefaultAsync(r => r.Id == resourceId, ct);
        if (resource is null)
        {
            return Failure.NotFound("resources.not_found");
        }

        if (!await access.CanManageAsync(resource, ct))
        {
            return Failure.Forbidden();
        }

        var photo = await db.StoredFiles.FirstOrDefaultAsync(f => f.Id == photoId && f.OwnerType == OwnerType && f.OwnerId == resourceId && f.IsCurrent, ct);
        if (photo is null)
        {
            return Failure.NotFound("file.not_found");
        }

        // The row and its bytes stay (the audit trail and a restore refer to them); the photo is no longer shown.
        photo.IsCurrent = false;
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<IReadOnlyList<ResourcePhotoDto>> ListAsync(Guid resourceId, CancellationToken ct) =>
        (await Current(resourceId).OrderBy(f => f.UploadedAt).ThenBy(f => f.Id).Select(f => new { f.Id, f.OriginalName }).ToListAsync(ct))
            .Select(f => new ResourcePhotoDto(f.Id, Url(f.Id), f.OriginalName)).ToList();

    /// <summary>The first photo of each of a page of resources, in one query.</summary>
    public async Task<IReadOnlyDictionary<Guid, ResourcePhotoDto>> FirstOfAsync(IReadOnlyCollection<Guid> resourceIds, CancellationToken ct)
    {
        if (resourceIds.Count == 0)
        {
            return new Dictionary<Guid, ResourcePhotoDto>();
        }

        var rows = await db.StoredFiles.AsNoTracking()
            .Where(f => f.OwnerType == OwnerType && resourceIds.Contains(f.OwnerId) && f.IsCurrent && f.Slot.StartsWith(SlotPrefix))
            .Select(f => new { f.OwnerId, f.Id, f.OriginalName, f.UploadedAt }).ToListAsync(ct);
        return rows.GroupBy(r => r.OwnerId)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.UploadedAt).ThenBy(r => r.Id).Select(r => new ResourcePhotoDto(r.Id, Url(r.Id), r.OriginalName)).First());
    }

    private IQueryable<StoredFile> Current(Guid resourceId) =>
        db.StoredFiles.AsNoTracking().Where(f => f.OwnerType == OwnerType && f.OwnerId == resourceId && f.IsCurrent && f.Slot.StartsWith(SlotPrefix));
}

/// <summary>Who sees a resource's photo: anyone where the resource is in the public catalogue, signed-in users otherwise; never a removed one.</summary>
public sealed class ResourcePhotoAccess(AppDbContext db) : IAttachmentAccess
{
    public string OwnerType => ResourcePhotos.OwnerType;

    public async Task<bool> CanReadAsync(Guid ownerId, CurrentUser user, CancellationToken ct) =>
        await db.ResearchResources.AsNoTracking().Where(r => r.Id == ownerId)
            .Select(r => (bool?)(r.OpenToOutside && !r.IsRetired)).FirstOrDefaultAsync(ct) is { } open
        && (open || user.Id is not null);

    public async Task<bool> CanReadFileAsync(StoredFile file, CurrentUser user, CancellationToken ct) =>
        file.IsCurrent && file.Slot.StartsWith(ResourcePhotos.SlotPrefix, StringComparison.Ordinal) && await CanReadAsync(file.OwnerId, user, ct);
}
