using InnoCenter.Domain.Common;
using InnoCenter.Domain.Organizations;
using InnoCenter.Domain.Policy;
using InnoCenter.Domain.Reviews;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Policy;
using InnoCenter.Web.Infrastructure.Search;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InnoCenter.Web.Features.Experts;

/// <summary>
/// The expert pool (专家库), shared by the API and the pages: Admins add, edit, list and export experts (the sheet and
/// its import are <see cref="ExpertImport"/>). An expert's sign-in is a user with the Expert role, linked by e-mail.
/// </summary>
public sealed class ExpertHandlers(AppDbContext db, CurrentUser user, PolicyProvider policy, TimeProvider clock)
{
    private PolicyPack Pack => policy.Current;

    public async Task<Result<ExpertDto>> CreateAsync(ExpertRequest request, CancellationToken ct)
    {
        if (!user.IsAdmin)
        {
            return Failure.Forbidden();
        }

        var validated = ExpertValidator.Validate(request, Pack, clock.TodayInBeijing());
        if (!validated.IsSuccess)
        {
            return validated.Failure!;
        }

        var (profile, userEmail) = validated.Value;
        var linked = await ResolveUserAsync(userEmail, null, ct);
        if (!linked.IsSuccess)
        {
            return linked.Failure!;
        }

        if (await db.Experts.AnyAsync(e => e.Name == profile.Name && e.AffiliationCreditCode == profile.AffiliationCreditCode, ct))
        {
            return Failure.Conflict("experts.duplicate", "name", profile.Name, profile.AffiliationCreditCode);
        }

        var expert = Expert.Create(profile with { UserId = linked.Value }, clock.GetUtcNow());
        db.Experts.Add(expert);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (linked.Value is not null)
        {
            // Two Admins linked the same sign-in at once; the unique index kept one.
            db.Entry(expert).State = EntityState.Detached;
            if (await UserTakenAsync(linked.Value.Value, expert.Id, ct))
            {
                return Failure.Conflict("experts.user_taken", "userEmail", userEmail!);
            }

            throw;
        }

        return await GetAsync(expert.Id, ct);
    }

    public async Task<Result<ExpertDto>> UpdateAsync(Guid id, ExpertRequest request, CancellationToken ct)
    {
        if (!user.IsAdmin)
        {
            return Failure.Forbidden();
        }

        var expert = await db.Experts.Include(e => e.PastAffiliations).FirstOrDefaultAsync(e => e.Id == id, ct);
        if (expert is null)
        {
            return Failure.NotFound("experts.not_found");
        }

        var validated = ExpertValidator.Validate(request, Pack, clock.TodayInBeijing());
        if (!validated.IsSuccess)
        {
            return validated.Failure!;
        }

        if (request.Version is null)
        {
            return Failure.Validation(new Error("validation.required", "version"));
        }

        if (request.Version != expert.Version)
        {
            return Failure.Conflict(VersionedSave.ConcurrencyCode);
        }

        var (profile, userEmail) = validated.Value;
        var linked = await ResolveUserAsync(userEmail, id, ct);
        if (!linked.IsSuccess)
        {
            return linked.Failure!;
        }

        if (await db.Experts.AnyAsync(e => e.Id != id && e.Name == profile.Name && e.AffiliationCreditCode == profile.AffiliationCreditCode, ct))
        {
            return Failure.Conflict("experts.duplicate", "name", profile.Name, profile.AffiliationCreditCode);
        }

        expert.Update(profile with { UserId = linked.Value }, clock.TodayInBeijing(), clock.GetUtcNow());
        if (await db.SaveVersionedAsync(ct) is { } lost)
        {
            return lost;
        }

        return await GetAsync(id, ct);
    }

    public async Task<Result<ExpertDto>> GetAsync(Guid id, CancellationToken ct)
    {
        if (!user.IsAdmin)
        {
            return Failure.NotFound("experts.not_found");
        }

        var expert = await db.Experts.AsNoTracking().Include(e => e.PastAffiliations).FirstOrDefaultAsync(e => e.Id == id, ct);
        if (expert is null)
        {
            return Failure.NotFound("experts.not_found");
        }

        var emails = await EmailsOfAsync([expert], ct);
        return ToDto(expert, emails);
    }

    /// <summary>An expert's seats across subjects and years, newest year first, a page at a time.</summary>
    public async Task<PagedResult<ExpertAssignmentDto>> AssignmentsAsync(Guid expertId, int? page, int? pageSize, CancellationToken ct)
    {
        var (p, size) = Paging.Normalize(page, pageSize);
        var seats = from m in db.PanelMembers.AsNoTracking()
                    join panel in db.ReviewPanels on m.PanelId equals panel.Id
                    join s in db.ReviewSubjects on panel.SubjectId equals s.Id
                    where m.ExpertId == expertId
                    select new { s.Id, s.Title, s.Year, m.Status, m.IsLeader, m.InvitedAt, MemberId = m.Id };
        var total = await seats.CountAsync(ct);
        var rows = await seats.OrderByDescending(r => r.Year).ThenByDescending(r => r.InvitedAt).ThenBy(r => r.MemberId)
            .Skip((p - 1) * size).Take(size).ToListAsync(ct);
        return new PagedResult<ExpertAssignmentDto>(
            rows.Select(r => new ExpertAssignmentDto(r.Id, r.Title, r.Year, r.Status.ToString(), r.IsLeader)).ToList(), p, size, total);
    }

    public async Task<PagedResult<ExpertDto>> ListAsync(ExpertFilter filter, CancellationToken ct)
    {
        var (page, size) = Paging.Normalize(filter.Page, filter.PageSize);
        var query = Filtered(filter);
        var total = await query.CountAsync(ct);
        var rows = await query.Include(e => e.PastAffiliations)
            .OrderBy(e => e.Name).ThenBy(e => e.Id)
            .Skip((page - 1) * size).Take(size)
            .ToListAsync(ct);
        var emails = await EmailsOfAsync(rows, ct);
        return new PagedResult<ExpertDto>(rows.Select(e => ToDto(e, emails)).ToList(), page, size, total);
    }

    /// <summary>The filtered experts for an export, read as a stream.</summary>
    public IAsyncEnumerable<ExpertExportRow> Stream(ExpertFilter filter) =>
        (from e in Filtered(filter).Include(e => e.PastAffiliations)
         orderby e.Name, e.Id
         select new ExpertExportRow(e, db.Users.Where(u => u.Id == e.UserId).Select(u => u.Email).FirstOrDefault()))
        .AsAsyncEnumerable();

    /// <summary>The expert profile of a signed-in user, if they have one.</summary>
    public Task<Guid?> ExpertIdOfAsync(Guid userId, CancellationToken ct) =>
        db.Experts.Where(e => e.UserId == userId).Select(e => (Guid?)e.Id).FirstOrDefaultAsync(ct);

    private IQueryable<Expert> Filtered(ExpertFilter f)
    {
        var q = db.Experts.AsNoTracking();
        if (!user.IsAdmin)
        {
            return q.Where(_ => false);
        }

        if (!string.IsNullOrWhiteSpace(f.Search))
        {
            var s = f.Search.Trim();
            var code = s.ToUpperInvariant();
            if (SearchIndex.Matching(db, SearchKinds.Expert, s) is { } hits)
            {
                q = q.Where(e => hits.Contains(e.Id));
            }

            q = q.Where(e => e.Name.Contains(s) || e.AffiliationName.Contains(s) || e.AffiliationCreditCode == code);
        }

        if (!string.IsNullOrWhiteSpace(f.Domain))
        {
            var d = f.Domain.Trim();
            // IN (the tag rows of the code): one range of the tags' key, not a look into each expert's list.
            var tagged = db.ExpertTags.Where(t => t.Kind == ExpertTag.DomainKind && t.Code == d).Select(t => t.ExpertId);
            q = q.Where(e => tagged.Contains(e.Id));
        }

        if (!string.IsNullOrWhiteSpace(f.KeyArea))
        {
            var k = f.KeyArea.Trim();
            var tagged = db.ExpertTags.Where(t => t.Kind == ExpertTag.KeyAreaKind && t.Code == k).Select(t => t.ExpertId);
            q = q.Where(e => tagged.Contains(e.Id));
        }

        if (f.Active is { } active)
        {
            q = q.Where(e => e.IsActive == active);
        }

        return q;
    }

    /// <summary>The sign-in an expert is linked to by e-mail: an Expert-role user not linked to another expert.</summary>
    internal async Task<Result<Guid?>> ResolveUserAsync(string? email, Guid? expertId, CancellationToken ct) =>
        (await ExpertSignIns.LoadAsync(db, email is null ? [] : [email], expertId, ct)).Resolve(email);

    private Task<bool> UserTakenAsync(Guid userId, Guid? exceptExpertId, CancellationToken ct) =>
        db.Experts.AsNoTracking().AnyAsync(e => e.UserId == userId && e.Id != exceptExpertId, ct);

    private async Task<Dictionary<Guid, string?>> EmailsOfAsync(IReadOnlyCollection<Expert> experts, CancellationToken ct)
    {
        var ids = experts.Where(e => e.UserId is not null).Select(e => e.UserId!.Value).Distinct().ToList();
        return ids.Count == 0
            ? []
            : await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email, ct);
    }

    public ExpertDto ToDto(Expert e, IReadOnlyDictionary<Guid, string?> emails)
    {
        var en = LocalizationSetup.IsEnglish;
        return new ExpertDto(
            e.Id,
            e.UserId,
            e.UserId is { } uid && emails.TryGetValue(uid, out var mail) ? mail : null,
            e.Name,
            e.Title,
            e.AffiliationCreditCode,
            e.AffiliationName,
            e.AffiliatedSince,
            e.Domains,
            e.Domains.Select(d => Pack.ExpertDomains.LabelOf(d, en)).ToList(),
            e.KeyAreas,
            e.KeyAreas.Select(k => Pack.KeyAreas.LabelOf(k, en)).ToList(),
            e.Expertise,
            e.Phone,
            e.Email,
            e.IsActive,
            e.PastAffiliations.OrderByDescending(a => a.EndedOn)
                .Select(a => new AffiliationDto(a.CreditCode, a.OrganizationName, a.StartedOn, a.EndedOn)).ToList(),
            e.CreatedAt,
            e.UpdatedAt,
            e.Version);
    }
}

public sealed record ExpertExportRow(Expert Expert, string? UserEmail);
