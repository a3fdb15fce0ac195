using InnoCenter.Domain.Common;
using InnoCenter.Domain.Policy;
using InnoCenter.Domain.Resources;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Files;
using InnoCenter.Web.Infrastructure.Policy;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Resources;

/// <summary>
/// SME status (中小企业认定) for the SME rate: an organisation's user declares it against the pack's national SME
/// classification (industry, employees, yearly revenue) with an evidence file; an Admin confirms or rejects it.
/// </summary>
public sealed class SmeStatusHandlers(AppDbContext db, ResourceAccess access, Attachments attachments, PolicyProvider policy, TimeProvider clock)
{
    public const string EvidenceOwner = "sme-status";

    public const string EvidenceField = "evidenceFile";

    public IReadOnlyList<SmeIndustry> Industries => policy.Current.Resources.SmeIndustries;

    /// <summary>The status of the user's own organisation, or null where it has declared nothing.</summary>
    public async Task<Result<SmeStatusDto?>> MineAsync(CancellationToken ct)
    {
        if (access.OrganizationId is not { } org || !access.CanBook)
        {
            return Failure.Forbidden();
        }

        return (await Rows(db.ResourceSmeStatuses.AsNoTracking().Where(s => s.OrganizationId == org)).FirstOrDefaultAsync(ct)) is { } row ? ToDto(row) : null;
    }

    /// <summary>Declares (or declares again) the user's organisation an SME; the checked figures and the file are kept in one save.</summary>
    public async Task<Result<SmeStatusDto?>> DeclareAsync(SmeDeclarationRequest request, IFormFile? evidence, CancellationToken ct)
    {
        if (access.OrganizationId is not { } org || !access.CanBook)
        {
            return Failure.Forbidden();
        }

        var errors = OrganizationSmeStatus.Check(Industries, request.Industry, request.Employees, request.AnnualRevenue).ToList();
        if (evidence is null or { Length: 0 })
        {
            errors.Add(new Error("file.empty", EvidenceField));
        }

        if (errors.Count > 0)
        {
            return Failure.Validation(errors);
        }

        var status = await db.ResourceSmeStatuses.FirstOrDefaultAsync(s => s.OrganizationId == org, ct);
        if (status is null)
        {
            status = OrganizationSmeStatus.Declare(org, clock.GetUtcNow());
            db.ResourceSmeStatuses.Add(status);
        }
        else if (status.StaleAgainst(request.Version) is { } stale)
        {
            return stale;
        }

        var stored = await attachments.StageAsync(EvidenceOwner, status.Id, "evidence", evidence, ct, EvidenceField);
        if (!stored.IsSuccess)
        {
            return stored.Failure!;
        }

        status.Record(request.Industry!, request.Employees!.Value, request.AnnualRevenue!.Value, stored.Value.Id, access.UserId!.Value, clock.GetUtcNow());
        try
        {
            if (await db.SaveVersionedAsync(ct) is { } lost)
            {
                return lost;
            }
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            // Two first declarations of one organisation at once: the other one is kept.
            return Failure.Conflict(VersionedSave.ConcurrencyCode);
        }

        return await MineAsync(ct);
    }

    /// <summary>The declarations for an Admin, waiting ones first, a page at a time; optionally of one state only.</summary>
    public async Task<Result<PagedResult<SmeStatusDto>>> ListAsync(SmeStatusState? state, int? page, int? pageSize, CancellationToken ct)
    {
        if (!access.IsAdmin)
        {
            return Failure.Forbidden();
        }

        var (p, size) = Paging.Normalize(page, pageSize);
        var q = db.ResourceSmeStatuses.AsNoTracking();
        q = state switch
        {
            SmeStatusState.Confirmed => q.Where(s => s.ConfirmedAt != null),
            SmeStatusState.Rejected => q.Where(s => s.RejectedAt != null),
            SmeStatusState.Declared => q.Where(s => s.ConfirmedAt == null && s.RejectedAt == null),
            _ => q,
        };
        var total = await q.CountAsync(ct);
        var rows = await Rows(q.OrderBy(s => s.ConfirmedAt != null || s.RejectedAt != null).ThenByDescending(s => s.DeclaredAt))
            .Skip((p - 1) * size).Take(size).ToListAsync(ct);
        return new PagedResult<SmeStatusDto>([.. rows.Select(ToDto)], p, size, total);
    }

    public Task<Result<SmeStatusDto?>> ConfirmAsync(Guid organizationId, int? version, CancellationToken ct) =>
        DecideAsync(organizationId, version, (s, admin, now) => s.Confirm(admin, now), ct);

    public Task<Result<SmeStatusDto?>> RejectAsync(Guid organizationId, SmeRejectionRequest request, CancellationToken ct) =>
        DecideAsync(organizationId, request.Version, (s, admin, now) => s.Reject(admin, request.Reason, now), ct);

    private async Task<Result<SmeStatusDto?>> DecideAsync(
        Guid organizationId, int? version, Func<OrganizationSmeStatus, Guid, DateTimeOffset, Result<bool>> decide, CancellationToken ct)
    {
        if (!access.IsAdmin)
        {
            return Failure.Forbidden();
        }

        // A decision is on the figures the Admin read: the version is required, as for every other edit, so a
        // declaration made again since is never confirmed unseen.
        if (version is null)
        {
            return Failure.Validation(new Error("validation.required", "version"));
        }

        var status = await db.ResourceSmeStatuses.FirstOrDefaultAsync(s => s.OrganizationId == organizationId, ct);
        if (status is null)
        {
            return Failure.NotFound("resources.sme_not_declared");
        }

        if (status.StaleAgainst(version) is { } stale)
        {
            return stale;
        }

        var done = decide(status, access.UserId!.Value, clock.GetUtcNow());
        if (!done.IsSuccess)
        {
            return done.Failure!;
        }

        if (await db.SaveVersionedAsync(ct) is { } lost)
        {
            return lost;
        }

        return ToDto(await Rows(db.ResourceSmeStatuses.AsNoTracking().Where(s => s.Id == status.Id)).FirstAsync(ct));
    }

    internal sealed record Row(OrganizationSmeStatus S, string OrganizationName, string CreditCode);

    private IQueryable<Row> Rows(IQueryable<OrganizationSmeStatus> q) =>
        from s in q
        join o in db.Organizations on s.OrganizationId equals o.Id
        select new Row(s, o.Name, o.CreditCode);

    private static SmeStatusDto ToDto(Row r) => new(
        r.S.OrganizationId, r.OrganizationName, r.CreditCode, r.S.State, r.S.Industry, r.S.Employees, r.S.AnnualRevenue, r.S.EvidenceFileId,
        r.S.DeclaredAt, r.S.ConfirmedAt, r.S.RejectedAt, r.S.RejectionReason, r.S.Version);
}

/// <summary>A declaration of SME status: the pack's industry code, employees (从业人员) and last year's revenue (营业收入, yuan).</summary>
public sealed record SmeDeclarationRequest
{
    public string? Industry { get; init; }

    public int? Employees { get; init; }

    public decimal? AnnualRevenue { get; init; }

    /// <summary>The version read, when declaring again.</summary>
    public int? Version { get; init; }
}

public sealed record SmeRejectionRequest(string? Reason, int? Version);

public sealed record SmeStatusDto(
    Guid OrganizationId, string OrganizationName, string CreditCode, SmeStatusState State, string? Industry, int? Employees, decimal? AnnualRevenue,
    Guid? EvidenceFileId, DateTimeOffset DeclaredAt, DateTimeOffset? ConfirmedAt, DateTimeOffset? RejectedAt, string? RejectionReason, int Version);

/// <summary>The evidence of an SME declaration is read by its organisation's users and the Admins.</summary>
public sealed class SmeEvidenceAccess(AppDbContext db) : IAttachmentAccess
{
    public string OwnerType => SmeStatusHandlers.EvidenceOwner;

    public async Task<bool> CanReadAsync(Guid ownerId, CurrentUser user, CancellationToken ct) =>
        user.IsAdmin || (user.OrganizationId is { } org && await db.ResourceSmeStatuses.AnyAsync(s => s.Id == ownerId && s.OrganizationId == org, ct));
}
