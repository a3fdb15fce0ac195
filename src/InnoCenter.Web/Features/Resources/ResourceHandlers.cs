using InnoCenter.Domain.Common;
using InnoCenter.Domain.Policy;
using InnoCenter.Domain.Resources;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Policy;
using InnoCenter.Web.Infrastructure.Search;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Resources;

/// <summary>The catalogue of shared resources (资源目录): list, read, create, edit, blackouts, training.</summary>
public sealed class ResourceHandlers(AppDbContext db, ResourceAccess access, PolicyProvider policy, TimeProvider clock)
{
    public const string SearchKind = "resource";

    public async Task<Result<ResourceDto>> CreateAsync(ResourceRequest request, CancellationToken ct)
    {
        if (request.CenterId is not { } centerId || request.OwnerOrganizationId is not { } ownerId)
        {
            return Failure.Validation(
                [.. request.CenterId is null ? [new Error("validation.required", "centerId")] : Array.Empty<Error>(),
                 .. request.OwnerOrganizationId is null ? [new Error("validation.required", "ownerOrganizationId")] : Array.Empty<Error>()]);
        }

        if (!await access.CanManageAsync(centerId, ownerId, ct))
        {
            return Failure.Forbidden();
        }

        var validated = ResourceValidator.Validate(request, policy.Current.Resources);
        if (!validated.IsSuccess)
        {
            return validated.Failure!;
        }

        var today = clock.TodayInBeijing();
        var isMember = await db.CenterMemberships.AnyAsync(
            m => m.CenterId == centerId && m.OrganizationId == ownerId && m.JoinedOn <= today && (m.LeftOn == null || m.LeftOn > today), ct);
        if (!isMember)
        {
            return Failure.Validation(new Error("resources.owner_not_member", "ownerOrganizationId"));
        }

        var resource = ResearchResource.Create(centerId, ownerId, validated.Value, clock.GetUtcNow());
        db.ResearchResources.Add(resource);
        await db.SaveChangesAsync(ct);
        return (await GetAsync(resource.Id, ct)).Value;
    }

    public async Task<Result<ResourceDto>> UpdateAsync(Guid id, ResourceRequest request, CancellationToken ct)
    {
        var resource = await db.ResearchResources.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (resource is null)
        {
            return Failure.NotFound("resources.not_found");
        }

        if (!await access.CanManageAsync(resource, ct))
        {
            return Failure.Forbidden();
        }

        var validated = ResourceValidator.Validate(request, policy.Current.Resources);
        if (!validated.IsSuccess)
        {
            return validated.Failure!;
        }

        if (request.Version is null)
        {
            return Failure.Validation(new Error("validation.required", "version"));
        }

        if (request.Version != resource.Version)
        {
            return Failure.Conflict(VersionedSave.ConcurrencyCode);
        }

        resource.Update(validated.Value, clock.GetUtcNow());
        if (await db.SaveVersionedAsync(ct) is { } lost)
        {
            return lost;
        }

        return (await GetAsync(id, ct)).Value;
    }

    public async Task<Result<ResourceDto>> GetAsync(Guid id, CancellationToken ct)
    {
        var row = await Rows(db.ResearchResources.AsNoTracking().Where(r => r.Id == id)).FirstOrDefaultAsync(ct);
        return row is null ? Failure.NotFound("resources.not_found") : await ToDtoAsync(row, ct);
    }

    /// <summary>The catalogue across all centers, for every signed-in user; search through the index.</summary>
    public async Task<PagedResult<ResourceDto>> ListAsync(ResourceFilter f, CancellationToken ct)
    {
        var (page, size) = Paging.Normalize(f.Page, f.PageSize);
        var q = Filtered(f, publicOnly: false);
        var (total, capped) = await SearchIndex.CountCappedAsync(q, !string.IsNullOrWhiteSpace(f.Q), ct);
        var rows = await Rows(CataloguePage(q, page, size)).ToListAsync(ct);
        var managed = await ManagedAsync(rows, ct);
        return new PagedResult<ResourceDto>(rows.Select(r => ToDto(r, managed.Contains(r.R.Id))).ToList(), page, size, total, capped);
    }

    /// <summary>
    /// A page of the catalogue for the week and day views: the same filter, order and count as <see cref="ListAsync"/>,
    /// but only what a schedule row shows (name, owner, center, category, opening hours) — not the whole resource with
    /// its description and fees, nor whether the user manages each one.
    /// </summary>
    public async Task<PagedResult<ScheduleResourceDto>> SchedulePageAsync(ResourceFilter f, CancellationToken ct)
    {
        var (page, size) = Paging.Normalize(f.Page, f.PageSize);
        var q = Filtered(f, publicOnly: false);
        var (total, capped) = await SearchIndex.CountCappedAsync(q, !string.IsNullOrWhiteSpace(f.Q), ct);
        var rows = await (from r in CataloguePage(q, page, size)
                          join c in db.Centers on r.CenterId equals c.Id
                          join o in db.Organizations on r.OwnerOrganizationId equals o.Id
                          select new { r.Id, r.Name, r.CenterId, Center = c.Name, r.OwnerOrganizationId, Owner = o.Name, r.Category, r.OpeningHoursText, r.NeedsApproval, r.OpenToOutside })
            .ToListAsync(ct);
        var (categories, en) = (policy.Current.Resources.Categories, LocalizationSetup.IsEnglish);
        var items = rows.Select(r => new ScheduleResourceDto(
            r.Id, r.Name, r.CenterId, r.Center, r.OwnerOrganizationId, r.Owner, r.Category, categories.LabelOf(r.Category, en),
            r.OpeningHoursText, r.NeedsApproval, r.OpenToOutside)).ToList();
        return new PagedResult<ScheduleResourceDto>(items, page, size, total, capped);
    }

    /// <summary>The public catalogue (对外开放目录): what is open to outside users, with its fees; no user needed.</summary>
    public async Task<PagedResult<ResourceDto>> PublicListAsync(ResourceFilter f, CancellationToken ct)
    {
        var (page, size) = Paging.Normalize(f.Page, f.PageSize);
        var q = Filtered(f, publicOnly: true);
        var (total, capped) = await SearchIndex.CountCappedAsync(q, !string.IsNullOrWhiteSpace(f.Q), ct);
        var rows = await Rows(CataloguePage(q, page, size)).ToListAsync(ct);
        return new PagedResult<ResourceDto>(rows.Select(r => ToDto(r, false)).ToList(), page, size, total, capped);
    }

    public async Task<Result<BlackoutDto>> AddBlackoutAsync(Guid resourceId, BlackoutRequest request, CancellationToken ct)
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

        if (request.Starts is null || request.Ends is null)
        {
            return Failure.Validation(new Error("validation.required", request.Starts is null ? "starts" : "ends"));
        }

        var created = ResourceBlackout.Create(resourceId, request.Starts.Value, request.Ends.Value, request.Reason);
        if (!created.IsSuccess)
        {
            return created.Failure!;
        }

        db.ResourceBlackouts.Add(created.Value);
        await db.SaveChangesAsync(ct);
        var b = created.Value;
        return new BlackoutDto(b.Id, b.Starts, b.Ends, b.Reason);
    }

    public async Task<IReadOnlyList<BlackoutDto>> BlackoutsAsync(Guid resourceId, DateTimeOffset from, CancellationToken ct) =>
        await db.ResourceBlackouts.AsNoTracking().Where(b => b.ResourceId == resourceId && b.Ends > from)
            .OrderBy(b => b.Starts).Take(100).Select(b => new BlackoutDto(b.Id, b.Starts, b.Ends, b.Reason)).ToListAsync(ct);

    /// <summary>The owner records that a user was trained on the resource (上机培训).</summary>
    public async Task<Result<bool>> RecordTrainingAsync(Guid resourceId, TrainingRequest request, CancellationToken ct)
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

        var email = request.Email?.Trim();
        var userId = string.IsNullOrEmpty(email) ? null
            : await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == email.ToUpperInvariant()).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
        if (userId is null)
        {
            return Failure.Validation(new Error("resources.user_unknown", "email"));
        }

        if (await db.ResourceTrainings.AnyAsync(t => t.ResourceId == resourceId && t.UserId == userId, ct))
        {
            return true;
        }

        var on = request.TrainedOn ?? clock.TodayInBeijing();
        db.ResourceTrainings.Add(ResourceTraining.Record(resourceId, userId.Value, on, access.UserId!.Value));
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>A page of the catalogue in its order (category, name), the one order every list and view of it shares.</summary>
    private static IQueryable<ResearchResource> CataloguePage(IQueryable<ResearchResource> q, int page, int size) =>
        q.OrderBy(r => r.Category).ThenBy(r => r.Name).ThenBy(r => r.Id).Skip((page - 1) * size).Take(size);

    internal sealed record Row(ResearchResource R, string CenterName, string OwnerName);

    private IQueryable<Row> Rows(IQueryable<ResearchResource> q) =>
        from r in q
        join c in db.Centers on r.CenterId equals c.Id
        join o in db.Organizations on r.OwnerOrganizationId equals o.Id
        select new Row(r, c.Name, o.Name);

    private IQueryable<ResearchResource> Filtered(ResourceFilter f, bool publicOnly)
    {
        var q = db.ResearchResources.AsNoTracking().Where(r => !r.IsRetired);
        if (publicOnly || f.OpenToOutside == true)
        {
            q = q.Where(r => r.OpenToOutside);
        }

        if (!string.IsNullOrWhiteSpace(f.Q) && SearchIndex.Matching(db, SearchKind, f.Q.Trim()) is { } hits)
        {
            q = q.Where(r => hits.Contains(r.Id));
        }

        if (!string.IsNullOrWhiteSpace(f.Category))
        {
            q = q.Where(r => r.Category == f.Category);
        }

        if (f.CenterId is { } center)
        {
            q = q.Where(r => r.CenterId == center);
        }

        if (f.ResourceId is { } id)
        {
            q = q.Where(r => r.Id == id);
        }

        return q;
    }

    private async Task<HashSet<Guid>> ManagedAsync(IReadOnlyList<Row> rows, CancellationToken ct)
    {
        var set = new HashSet<Guid>();
        foreach (var r in rows)
        {
            if (await access.CanManageAsync(r.R, ct))
            {
                set.Add(r.R.Id);
            }
        }

        return set;
    }

    private async Task<ResourceDto> ToDtoAsync(Row row, CancellationToken ct) => ToDto(row, await access.CanManageAsync(row.R, ct));

    private ResourceDto ToDto(Row row, bool canManage)
    {
        var r = row.R;
        return new ResourceDto(
            r.Id, r.CenterId, row.CenterName, r.OwnerOrganizationId, row.OwnerName, r.Name, r.Category,
            policy.Current.Resources.Categories.LabelOf(r.Category, LocalizationSetup.IsEnglish),
            r.Model, r.Location, r.Description, r.OpeningHoursText, r.NeedsApproval, r.NeedsTraining, r.OpenToOutside,
            r.FeeUnit, r.MemberFee, r.OutsideFee, r.SmeFee, r.IsRetired, r.Version, canManage);
    }
}
