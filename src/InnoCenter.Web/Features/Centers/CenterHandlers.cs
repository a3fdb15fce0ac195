using InnoCenter.Domain.Centers;
using InnoCenter.Domain.Common;
using InnoCenter.Domain.Ledger;
using InnoCenter.Domain.Organizations;
using InnoCenter.Domain.Policy;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Notifications;
using InnoCenter.Web.Infrastructure.Policy;
using InnoCenter.Web.Infrastructure.Search;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Centers;

/// <summary>
/// Centers: founding from an approved application, the lists and the profile (status: <see cref="CenterStatusHandlers"/>;
/// membership: <see cref="MembershipHandlers"/>; governance: <see cref="GovernanceHandlers"/>). Shared by the API and the
/// pages; who may do what is decided here (<see cref="CenterAccess"/>).
/// </summary>
public sealed class CenterHandlers(
    AppDbContext db, CurrentUser user, CenterAccess access, OrganizationLookup orgs, PolicyProvider policy, Text text,
    TimeProvider clock)
{
    /// <summary>
    /// Adds the center founded by an approved application, with its members, to the context — without saving: the
    /// approval saves it in its own transaction. Refused when the application already founded a center.
    /// </summary>
    public async Task<Result<Center>> CreateFromApprovedApplicationAsync(CenterFounding founding, CancellationToken ct)
    {
        if (db.Centers.Local.Any(c => c.ApplicationId == founding.ApplicationId)
            || await db.Centers.AnyAsync(c => c.ApplicationId == founding.ApplicationId, ct))
        {
            return Failure.Conflict("centers.application_already_founded", "applicationId", founding.ApplicationId);
        }

        var keyArea = FindKeyArea(founding.KeyArea);
        if (keyArea is null)
        {
            return Failure.Validation(new Error("centers.key_area_unknown", "keyArea", founding.KeyArea ?? string.Empty));
        }

        var ids = (founding.Members ?? []).Select(m => m.OrganizationId).Append(founding.LeadOrganizationId).Distinct().ToList();
        var regions = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Region, ct);
        var founded = Center.Found(founding with { KeyArea = keyArea.Code }, regions, clock.GetUtcNow());
        if (!founded.IsSuccess)
        {
            return founded.Failure!;
        }

        db.Centers.Add(founded.Value);
        return founded.Value;
    }

    public async Task<PagedResult<CenterSummaryDto>> ListAsync(CenterFilter filter, CancellationToken ct) =>
        await PageAsync(Filtered(await ReadableAsync(ct), filter), filter, ct);

    /// <summary>
    /// Every center the user reads, by id and name only, for the pickers of the ledger pages: they must offer all of them
    /// (a page of the list would hide the 201st), and need nothing else.
    /// </summary>
    public async Task<IReadOnlyList<CenterOption>> OptionsAsync(CancellationToken ct) =>
        await (await ReadableAsync(ct)).OrderBy(c => c.Name).ThenBy(c => c.Id).Select(c => new CenterOption(c.Id, c.Name)).ToListAsync(ct);

    /// <summary>The centers the user reads: all for Admins, otherwise those <see cref="CenterAccess"/> grants.</summary>
    private async Task<IQueryable<Center>> ReadableAsync(CancellationToken ct)
    {
        var readable = await access.ReadableAsync(ct);
        var q = db.Centers.AsNoTracking();
        return readable is null ? q : q.Where(c => readable.Contains(c.Id));
    }

    /// <summary>The public list: every recognised center, with published fields only.</summary>
    public Task<PagedResult<CenterSummaryDto>> PublicListAsync(CenterFilter filter, CancellationToken ct) =>
        PageAsync(Filtered(db.Centers.AsNoTracking(), filter), filter, ct);

    public async Task<Result<CenterDto>> GetAsync(Guid id, CancellationToken ct)
    {
        if (!await access.CanReadAsync(id, ct))
        {
            return Failure.NotFound("centers.not_found");
        }

        var center = await db.Centers.AsNoTracking().Include(c => c.Memberships).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (center is null)
        {
            return Failure.NotFound("centers.not_found");
        }

        var today = access.Today;
        var current = center.MembersOn(today).ToList();
        await orgs.PreloadIdsAsync(current.Select(m => m.OrganizationId).Append(center.LeadOrganizationId), ct);
        var seats = await db.GovernanceSeats.AsNoTracking().Where(s => s.CenterId == id).ToListAsync(ct);
        return new CenterDto(
            center.Id,
            center.ApplicationId,
            center.Name,
            center.KeyArea,
            KeyAreaLabel(center.KeyArea),
            center.LeadOrganizationId,
            orgs.NameOf(center.LeadOrganizationId),
            center.ApprovalNumber,
            center.PlaqueNumber,
            center.ApprovedOn,
            new LegalEntityDto(
                center.LegalEntityName, center.LegalEntityCreditCode,
                center.RegisteredCapitalFen is { } fen ? Money.ToYuan(fen) : null, center.FoundedOn, center.LegalEntityOrganizationId),
            center.Status.ToString(),
            StatusLabel(center.Status),
            center.StatusSince,
            user.IsAdmin ? center.AllowedNext.Select(s => s.ToString()).ToList() : [],
            current.OrderByDescending(m => m.IsLead).ThenByDescending(m => m.EquitySharePercent ?? 0).Select(ToMemberDto).ToList(),
            GovernanceRules.DecisionBodyLacksIndependent(seats, today),
            await access.CanEditAsync(id, ct),
            center.Version);
    }

    public async Task<Result<PublicCenterDto>> GetPublicAsync(Guid id, CancellationToken ct)
    {
        var center = await db.Centers.AsNoTracking().Include(c => c.Memberships).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (center is null)
        {
            return Failure.NotFound("centers.not_found");
        }

        var current = center.MembersOn(center.LifeEnd(access.Today)).ToList();
        await orgs.PreloadIdsAsync(current.Select(m => m.OrganizationId).Append(center.LeadOrganizationId), ct);
        var en = LocalizationSetup.IsEnglish;
        return new PublicCenterDto(
            center.Id,
            center.Name,
            KeyAreaLabel(center.KeyArea),
            orgs.NameOf(center.LeadOrganizationId),
            center.LegalEntityName,
            center.ApprovalNumber,
            center.PlaqueNumber,
            center.ApprovedOn,
            center.Status.ToString(),
            StatusLabel(center.Status),
            current.OrderByDescending(m => m.IsLead).ThenBy(m => m.Kind)
                .Select(m => new PublicMemberDto(orgs.NameOf(m.OrganizationId), KindLabel(m.Kind), policy.Current.Regions.LabelOf(m.Region, en), m.IsLead))
                .ToList());
    }

    public async Task<Result<CenterDto>> UpdateLegalEntityAsync(Guid id, LegalEntityRequest r, CancellationToken ct)
    {
        var center = await db.Centers.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (center is null || !await access.CanReadAsync(id, ct))
        {
            return Failure.NotFound("centers.not_found");
        }

        if (!user.IsAdmin && !await access.CanEditAsync(id, ct))
        {
            return Failure.Forbidden("centers.edit_forbidden");
        }

        var errors = new List<Error>();
        Uscc.TryParse(r.CreditCode, out var code, out var codeError);
        if (codeError is not null)
        {
            errors.Add(new Error(codeError, "creditCode"));
        }

        long? capital = null;
        if (r.RegisteredCapital is null)
        {
            errors.Add(new Error("validation.required", "registeredCapital"));
        }
        else
        {
            capital = Money.ToFen(r.RegisteredCapital.Value, out var moneyError);
            if (moneyError is not null)
            {
                errors.Add(new Error(moneyError, "registeredCapital"));
            }
        }

        if (r.FoundedOn is null)
        {
            errors.Add(new Error("validation.required", "foundedOn"));
        }

        if (r.Version is null)
        {
            errors.Add(new Error("validation.required", "version"));
        }

        if (string.IsNullOrWhiteSpace(r.Name))
        {
            errors.Add(new Error("validation.required", "name"));
        }

        if (errors.Count > 0)
        {
            return Failure.Validation(errors);
        }

        if (center.StaleAgainst(r.Version) is { } stale)
        {
            return stale;
        }

        var entityOrg = await orgs.ByCodeAsync(code!.Value, ct);
        var done = center.CompleteLegalEntity(
            new LegalEntityDetails(r.Name!, code, capital!.Value, r.FoundedOn!.Value, entityOrg?.Id), access.Today, clock.GetUtcNow());
        if (!done.IsSuccess)
        {
            return done.Failure!;
        }

        return await SaveThenGetAsync(id, ct);
    }

    public string StatusLabel(CenterStatus status) => text[$"centers.status.{status}"];

    public string KindLabel(MemberKind kind) => policy.Current.OrganizationTypes.LabelOf(kind.ToString(), LocalizationSetup.IsEnglish);

    public string KeyAreaLabel(string code) => policy.Current.KeyAreas.LabelOf(code, LocalizationSetup.IsEnglish);

    private CodeItem? FindKeyArea(string? value)
    {
        var v = value?.Trim();
        return policy.Current.KeyAreas.FirstOrDefault(k => k.Code == v || k.Zh == v || string.Equals(k.En, v, StringComparison.OrdinalIgnoreCase));
    }

    private async Task<Result<CenterDto>> SaveThenGetAsync(Guid id, CancellationToken ct)
    {
        if (await db.SaveVersionedAsync(ct) is { } lost)
        {
            return lost;
        }

        return await GetAsync(id, ct);
    }

    private IQueryable<Center> Filtered(IQueryable<Center> q, CenterFilter f)
    {
        if (!string.IsNullOrWhiteSpace(f.Name))
        {
            var name = f.Name.Trim();
            if (SearchIndex.Matching(db, SearchKinds.Center, name) is { } hits)
            {
                q = q.Where(c => hits.Contains(c.Id));
            }

            q = q.Where(c => c.Name.Contains(name) || c.ApprovalNumber.Contains(name) || c.PlaqueNumber == name);
        }

        if (Enum.TryParse<CenterStatus>(f.Status, true, out var status))
        {
            q = q.Where(c => c.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(f.KeyArea))
        {
            var area = f.KeyArea.Trim();
            q = q.Where(c => c.KeyArea == area);
        }

        return q;
    }

    private async Task<PagedResult<CenterSummaryDto>> PageAsync(IQueryable<Center> q, CenterFilter f, CancellationToken ct)
    {
        var (page, size) = Paging.Normalize(f.Page, f.PageSize);
        var today = access.Today;
        var total = await q.CountAsync(ct);
        var rows = await (
                from c in q
                join o in db.Organizations on c.LeadOrganizationId equals o.Id
                orderby c.ApprovedOn descending, c.Name, c.Id
                select new { Center = c, LeadName = o.Name })
            .Skip((page - 1) * size).Take(size)
            .ToListAsync(ct);

        // Members are counted for the page's centers only: as a column of the paged query, SQLite counted them for every
        // center that matched before sorting and cutting the page (national scale: 12 ms a request, all of it this).
        var ids = rows.Select(r => r.Center.Id).ToList();
        var members = await db.CenterMemberships.AsNoTracking()
            .Where(m => ids.Contains(m.CenterId) && m.JoinedOn <= today && (m.LeftOn == null || m.LeftOn > today))
            .GroupBy(m => m.CenterId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var items = rows.Select(r => new CenterSummaryDto(
            r.Center.Id, r.Center.Name, r.Center.KeyArea, KeyAreaLabel(r.Center.KeyArea), r.Center.LeadOrganizationId, r.LeadName,
            r.Center.ApprovalNumber, r.Center.ApprovedOn, r.Center.Status.ToString(), StatusLabel(r.Center.Status), members.GetValueOrDefault(r.Center.Id))).ToList();
        return new PagedResult<CenterSummaryDto>(items, page, size, total);
    }

    /// <summary>A membership period as the API and pages show it (the organisation's name and code preloaded).</summary>
    public CenterMemberDto ToMemberDto(CenterMembership m)
    {
        var en = LocalizationSetup.IsEnglish;
        return new CenterMemberDto(
            m.Id, m.OrganizationId, orgs.NameOf(m.OrganizationId), orgs.CodeOf(m.OrganizationId), m.Kind.ToString(), KindLabel(m.Kind),
            m.Region, policy.Current.Regions.LabelOf(m.Region, en), m.EquitySharePercent, m.IsLead, m.JoinedOn, m.LeftOn);
    }
}
