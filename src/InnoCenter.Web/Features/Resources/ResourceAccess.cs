using InnoCenter.Domain.Resources;
using InnoCenter.Web.Data;
using InnoCenter.Web.Features.Centers;
using InnoCenter.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Resources;

/// <summary>
/// Who may do what with shared resources. The center's users and the owning member's users manage a resource (edit,
/// blackouts, training, approvals, usage); anyone signed in for an organisation books, as its owner, a member of the
/// center or an outside user; an Admin reads everything and confirms SME status.
/// </summary>
public sealed class ResourceAccess(AppDbContext db, CurrentUser user, CenterAccess centers)
{
    private IReadOnlyList<Guid>? _memberCenters;

    public Guid? UserId => user.Id;

    public Guid? OrganizationId => user.OrganizationId;

    public bool IsAdmin => user.IsAdmin;

    /// <summary>Users of an organisation (center or member users) may book; Admins and experts do not.</summary>
    public bool CanBook => user.OrganizationId is not null && (user.IsInRole(Roles.MemberUser) || user.IsInRole(Roles.CenterUser));

    public async Task<bool> CanManageAsync(Guid centerId, Guid ownerOrganizationId, CancellationToken ct) =>
        (await ManagerAsync(ct))(centerId, ownerOrganizationId);

    /// <summary>Whether the user manages every one of the (center, owner) pairs; false for none.</summary>
    public async Task<bool> ManagesAllAsync(IEnumerable<(Guid CenterId, Guid OwnerOrganizationId)> pairs, CancellationToken ct)
    {
        var manages = await ManagerAsync(ct);
        var list = pairs.ToList();
        return list.Count > 0 && list.All(p => manages(p.CenterId, p.OwnerOrganizationId));
    }

    /// <summary>
    /// Whether the user manages a (center, owner) pair, decided in memory: the owner's users, or the staff of a center
    /// they edit (read once per request), so a list can ask it of every row without a query each.
    /// </summary>
    public async Task<Func<Guid, Guid, bool>> ManagerAsync(CancellationToken ct)
    {
        var edited = await centers.EditableAsync(ct);
        var own = user.OrganizationId is { } org && (user.IsInRole(Roles.MemberUser) || user.IsInRole(Roles.CenterUser)) ? org : (Guid?)null;
        return (centerId, ownerOrganizationId) => own == ownerOrganizationId || edited.Contains(centerId);
    }

    public Task<bool> CanManageAsync(ResearchResource r, CancellationToken ct) => CanManageAsync(r.CenterId, r.OwnerOrganizationId, ct);

    /// <summary>The centers whose users manage every resource of the center.</summary>
    public Task<IReadOnlyList<Guid>> CentersEditedAsync(CancellationToken ct) => centers.EditableAsync(ct);

    /// <summary>The centers the user's organisation belongs to today: as a current member, or as the lead or legal entity.</summary>
    public async Task<IReadOnlyList<Guid>> MemberCentersAsync(CancellationToken ct)
    {
        if (_memberCenters is not null)
        {
            return _memberCenters;
        }

        var org = user.OrganizationId;
        if (org is null)
        {
            return _memberCenters = [];
        }

        var today = centers.Today;
        var members = await db.CenterMemberships.AsNoTracking()
            .Where(m => m.OrganizationId == org && m.JoinedOn <= today && (m.LeftOn == null || m.LeftOn > today))
            .Select(m => m.CenterId).ToListAsync(ct);
        var led = await db.Centers.AsNoTracking()
            .Where(c => c.LeadOrganizationId == org || c.LegalEntityOrganizationId == org).Select(c => c.Id).ToListAsync(ct);
        return _memberCenters = members.Concat(led).Distinct().ToList();
    }

    public async Task<BookerKind> KindForAsync(ResearchResource r, CancellationToken ct) =>
        user.OrganizationId == r.OwnerOrganizationId ? BookerKind.Owner
        : (await MemberCentersAsync(ct)).Contains(r.CenterId) ? BookerKind.Member
        : BookerKind.Outside;
}
