using InnoCenter.Domain.Organizations;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Centers;

/// <summary>
/// Which centers the current user acts for. A CenterUser keeps the ledger of the centers whose lead organisation or
/// legal-entity organisation is theirs; a MemberUser reads what concerns their organisation in the centers it is a
/// current member of; an Admin reads everything and keeps no ledger. Answers are worked out once per request.
/// </summary>
public sealed class CenterAccess(AppDbContext db, CurrentUser user, TimeProvider clock)
{
    private IReadOnlyList<Guid>? _edit;
    private IReadOnlyList<Guid>? _member;

    public bool IsAdmin => user.IsAdmin;

    public Guid? OrganizationId => user.OrganizationId;

    public bool IsMemberUser => user.IsInRole(Roles.MemberUser) && user.OrganizationId is not null;

    public DateOnly Today => clock.TodayInBeijing();

    /// <summary>The centers whose ledger the user keeps.</summary>
    public async Task<IReadOnlyList<Guid>> EditableAsync(CancellationToken ct)
    {
        if (_edit is not null)
        {
            return _edit;
        }

        var org = user.OrganizationId;
        _edit = org is null || !user.IsInRole(Roles.CenterUser)
            ? []
            : await db.Centers.AsNoTracking()
                .Where(c => c.LeadOrganizationId == org || c.LegalEntityOrganizationId == org)
                .Select(c => c.Id).ToListAsync(ct);
        return _edit;
    }

    /// <summary>The centers the user's organisation is a current member of, as a MemberUser.</summary>
    public async Task<IReadOnlyList<Guid>> MemberOfAsync(CancellationToken ct)
    {
        if (_member is not null)
        {
            return _member;
        }

        var org = user.OrganizationId;
        var today = Today;
        _member = !IsMemberUser
            ? []
            : await db.CenterMemberships.AsNoTracking()
                .Where(m => m.OrganizationId == org && m.JoinedOn <= today && (m.LeftOn == null || m.LeftOn > today))
                .Select(m => m.CenterId).Distinct().ToListAsync(ct);
        return _member;
    }

    public async Task<bool> CanEditAsync(Guid centerId, CancellationToken ct) => (await EditableAsync(ct)).Contains(centerId);

    /// <summary>May the user see the center's profile (not necessarily all of its ledger)?</summary>
    public async Task<bool> CanReadAsync(Guid centerId, CancellationToken ct) =>
        user.IsAdmin || (await EditableAsync(ct)).Contains(centerId) || (await MemberOfAsync(ct)).Contains(centerId);

    /// <summary>The centers the user sees at all; null means all of them.</summary>
    public async Task<IReadOnlyList<Guid>?> ReadableAsync(CancellationToken ct) =>
        user.IsAdmin ? null : (await EditableAsync(ct)).Concat(await MemberOfAsync(ct)).Distinct().ToList();
}

/// <summary>An organisation as other records refer to it.</summary>
public sealed record OrgRef(Guid Id, string CreditCode, string Name, OrganizationType Type, string Region);

/// <summary>Finds organisations by credit code (as users and spreadsheets name them) or by id, a batch at a time.</summary>
public sealed class OrganizationLookup(AppDbContext db)
{
    private readonly Dictionary<string, OrgRef?> _byCode = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, OrgRef> _byId = [];

    public async Task PreloadCodesAsync(IEnumerable<string?> codes, CancellationToken ct)
    {
        var wanted = codes.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => Uscc.Normalize(c)).Distinct()
            .Where(c => !_byCode.ContainsKey(c)).ToList();
        foreach (var chunk in wanted.Chunk(500))
        {
            var found = await db.Organizations.AsNoTracking().Where(o => chunk.Contains(o.CreditCode))
                .Select(o => new OrgRef(o.Id, o.CreditCode, o.Name, o.Type, o.Region)).ToListAsync(ct);
            foreach (var code in chunk)
            {
                var org = found.FirstOrDefault(o => o.CreditCode == code);
                _byCode[code] = org;
                if (org is not null)
                {
                    _byId[org.Id] = org;
                }
            }
        }
    }

    public async Task PreloadIdsAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().Where(i => !_byId.ContainsKey(i)).ToList();
        foreach (var chunk in wanted.Chunk(500))
        {
            var found = await db.Organizations.AsNoTracking().Where(o => chunk.Contains(o.Id))
                .Select(o => new OrgRef(o.Id, o.CreditCode, o.Name, o.Type, o.Region)).ToListAsync(ct);
            foreach (var org in found)
            {
                _byId[org.Id] = org;
                _byCode[org.CreditCode] = org;
            }
        }
    }

    public async Task<OrgRef?> ByCodeAsync(string? code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var normalized = Uscc.Normalize(code);
        if (!_byCode.ContainsKey(normalized))
        {
            await PreloadCodesAsync([normalized], ct);
        }

        return _byCode[normalized];
    }

    /// <summary>An organisation already loaded by <see cref="PreloadIdsAsync"/>; its id otherwise.</summary>
    public OrgRef? Loaded(Guid id) => _byId.GetValueOrDefault(id);

    public string NameOf(Guid id) => _byId.TryGetValue(id, out var o) ? o.Name : id.ToString();

    public string CodeOf(Guid id) => _byId.TryGetValue(id, out var o) ? o.CreditCode : string.Empty;

    /// <summary>The name of an organisation already loaded, by its credit code.</summary>
    public string? NameOfCode(string? code) => code is not null && _byCode.TryGetValue(code, out var o) ? o?.Name : null;
}
