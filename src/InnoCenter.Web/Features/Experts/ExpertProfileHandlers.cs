using InnoCenter.Domain.Common;
using InnoCenter.Domain.Organizations;
using InnoCenter.Domain.Reviews;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Notifications;
using InnoCenter.Web.Infrastructure.Policy;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using InnoCenter.Web.Infrastructure.Localization;

namespace InnoCenter.Web.Features.Experts;

/// <summary>
/// The expert's own profile (专家个人信息): domains, key areas, expertise, phone and availability are the expert's to keep;
/// employers are asked for and take effect only when an Admin confirms; conflicts with organisations are declared at any
/// time and stand for good (no one can dismiss or withdraw one).
/// </summary>
public sealed class ExpertProfileHandlers(
    AppDbContext db, CurrentUser user, PolicyProvider policy, TimeProvider clock, Notifier notifier)
{
    public const string ProfileLink = "/Reviews/Profile";
    public const string ChangesLink = "/Experts/Changes";

    public async Task<Result<OwnProfileDto>> MineAsync(CancellationToken ct)
    {
        if (await OwnExpertAsync(ct) is not { } expert)
        {
            return Failure.NotFound("experts.profile.no_record");
        }

        var conflicts = await ConflictsOfAsync(expert.Id, ct);
        var changes = await db.ExpertAffiliationChanges.AsNoTracking().Where(c => c.ExpertId == expert.Id)
            .OrderByDescending(c => c.RequestedAt).Take(2).ToListAsync(ct);
        var pending = changes.FirstOrDefault(c => c.Status == AffiliationChangeStatus.Pending);
        var decided = changes.FirstOrDefault(c => c.Status != AffiliationChangeStatus.Pending);
        return new OwnProfileDto(
            expert.Id, expert.Name, expert.Title, expert.AffiliationCreditCode, expert.AffiliationName, expert.AffiliatedSince,
            Past(expert.PastAffiliations.Select(a => new AffiliationPeriod(a.CreditCode, a.OrganizationName, a.StartedOn, a.EndedOn))),
            expert.Domains, expert.KeyAreas, expert.Expertise, expert.Phone, expert.UnavailableUntil, conflicts,
            pending is null ? null : ToDto(pending, expert), decided is null ? null : ToDto(decided, expert), expert.Version);
    }

    public async Task<Result<OwnProfileDto>> UpdateMineAsync(OwnProfileRequest r, CancellationToken ct)
    {
        if (await OwnExpertAsync(ct, tracked: true) is not { } expert)
        {
            return Failure.NotFound("experts.profile.no_record");
        }

        // The shared validator checks the codes and lengths; the employers it sees are the current ones, unchanged.
        var validated = ExpertValidator.Validate(
            RequestOf(expert) with { Domains = r.Domains, KeyAreas = r.KeyAreas, Expertise = r.Expertise, Phone = r.Phone },
            policy.Current, clock.TodayInBeijing());
        if (!validated.IsSuccess)
        {
            return validated.Failure!;
        }

        if (r.UnavailableUntil is { } until && until < clock.TodayInBeijing())
        {
            return Failure.Validation(new Error("experts.profile.unavailable_past", "unavailableUntil"));
        }

        if (r.Version is null)
        {
            return Failure.Validation(new Error("validation.required", "version"));
        }

        if (r.Version != expert.Version)
        {
            return Failure.Conflict(VersionedSave.ConcurrencyCode);
        }

        var p = validated.Value.Profile;
        expert.UpdateOwnProfile(p.Domains, p.KeyAreas, p.Expertise, p.Phone, r.UnavailableUntil, clock.GetUtcNow());
        if (!await SaveAsync(ct))
        {
            return Failure.Conflict(VersionedSave.ConcurrencyCode);
        }

        return await MineAsync(ct);
    }

    /// <summary>Declares a conflict with an organisation: the expert's own, or an Admin's on an expert's behalf.</summary>
    public async Task<Result<StandingConflictDto>> DeclareAsync(StandingConflictRequest r, CancellationToken ct)
    {
        Guid expertId;
        if (user.IsAdmin && r.ExpertId is { } chosen)
        {
            if (!await db.Experts.AnyAsync(e => e.Id == chosen, ct))
            {
                return Failure.NotFound("experts.not_found");
            }

            expertId = chosen;
        }
        else if (await OwnExpertAsync(ct) is { } own)
        {
            expertId = own.Id;
        }
        else
        {
            return user.IsAdmin ? Failure.Validation(new Error("validation.required", "expertId")) : Failure.NotFound("experts.profile.no_record");
        }

        var errors = new List<Error>();
        Uscc.TryParse(r.CreditCode, out var code, out var codeError);
        if (codeError is not null)
        {
            errors.Add(new Error(codeError, "creditCode"));
        }

        if (ReviewReason.Check(r.Reason) is { } badReason)
        {
            errors.AddRange(badReason.Errors);
        }

        var name = string.IsNullOrWhiteSpace(r.OrganizationName) ? null : r.OrganizationName.Trim();
        if (name is { Length: > FieldLengths.OrganizationName })
        {
            errors.Add(new Error("validation.too_long", "organizationName", FieldLengths.OrganizationName));
        }

        if (errors.Count > 0)
        {
            return Failure.Validation(errors);
        }

        var creditCode = code!.Value;
        name ??= await db.Organizations.AsNoTracking().Where(o => o.CreditCode == creditCode).Select(o => o.Name).FirstOrDefaultAsync(ct);
        if (name is null)
        {
            return Failure.Validation(new Error("experts.conflict.name_required", "organizationName"));
        }

        if (await db.ExpertStandingConflicts.AnyAsync(c => c.ExpertId == expertId && c.CreditCode == creditCode, ct))
        {
            return Failure.Conflict("experts.conflict.already_declared", "creditCode");
        }

        var declared = ExpertStandingConflict.Create(expertId, creditCode, name, r.Reason!, user.IsAdmin, user.Id, clock.GetUtcNow());
        db.ExpertStandingConflicts.Add(declared);
        if (!user.IsAdmin)
        {
            await notifier.NotifyAsync(await Recipients.AdminsAsync(db, ct), "experts.notify.conflict_declared", $"/Experts/Details/{expertId}", ct, name);
        }

        if (!await SaveAsync(ct))
        {
            return Failure.Conflict("experts.conflict.already_declared", "creditCode");
        }

        return ToDto(declared);
    }

    public async Task<Result<IReadOnlyList<StandingConflictDto>>> ConflictsAsync(Guid expertId, CancellationToken ct)
    {
        if (!user.IsAdmin)
        {
            return Failure.Forbidden();
        }

        return await db.Experts.AnyAsync(e => e.Id == expertId, ct)
            ? Result<IReadOnlyList<StandingConflictDto>>.Ok(await ConflictsOfAsync(expertId, ct))
            : Failure.NotFound("experts.not_found");
    }

    /// <summary>Asks for new employers; an Admin confirms or refuses. One request waits at a time.</summary>
    public async Task<Result<AffiliationChangeDto>> RequestChangeAsync(AffiliationChangeRequest r, CancellationToken ct)
    {
        if (await OwnExpertAsync(ct) is not { } expert)
        {
            return Failure.NotFound("experts.profile.no_record");
        }

        var errors = new List<Error>();
        var validated = ExpertValidator.Validate(
            RequestOf(expert) with
            {
                AffiliationCreditCode = r.AffiliationCreditCode,
                AffiliationName = r.AffiliationName,
                AffiliatedSince = r.AffiliatedSince,
                PastAffiliations = r.PastAffiliations ?? [],
            },
            policy.Current, clock.TodayInBeijing());
        if (!validated.IsSuccess)
        {
            errors.AddRange(validated.Failure!.Errors);
        }

        if (r.Note is { Length: > FieldLengths.Reason })
        {
            errors.Add(new Error("validation.too_long", "note", FieldLengths.Reason));
        }

        if (errors.Count > 0)
        {
            return Failure.Validation(errors);
        }

        if (await db.ExpertAffiliationChanges.AnyAsync(c => c.ExpertId == expert.Id && c.Status == AffiliationChangeStatus.Pending, ct))
        {
            return Failure.Conflict("experts.change.already_pending");
        }

        var p = validated.Value.Profile;
        var change = ExpertAffiliationChange.Create(
            expert.Id, p.AffiliationCreditCode, p.AffiliationName, p.AffiliatedSince, p.PastAffiliations, r.Note, user.Id, clock.GetUtcNow());
        db.ExpertAffiliationChanges.Add(change);
        await notifier.NotifyAsync(await Recipients.AdminsAsync(db, ct), "experts.notify.change_requested", ChangesLink, ct, expert.Name);
        await db.SaveChangesAsync(ct);
        return ToDto(change, expert);
    }

    public async Task<PagedResult<AffiliationChangeDto>> ChangesAsync(string? status, int? page, int? pageSize, CancellationToken ct)
    {
        var (p, size) = Paging.Normalize(page, pageSize);
        var q = db.ExpertAffiliationChanges.AsNoTracking();
        if (!user.IsAdmin)
        {
            q = q.Where(_ => false);
        }

        if (Enum.TryParse<AffiliationChangeStatus>(status, true, out var s))
        {
            q = q.Where(c => c.Status == s);
        }

        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(c => c.RequestedAt).ThenBy(c => c.Id).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        var ids = rows.Select(r => r.ExpertId).Distinct().ToList();
        var experts = await db.Experts.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        return new PagedResult<AffiliationChangeDto>(rows.Select(r => ToDto(r, experts[r.ExpertId])).ToList(), p, size, total);
    }

    /// <summary>One expert's change requests, newest first (Admins).</summary>
    public async Task<IReadOnlyList<AffiliationChangeDto>> ChangesForAsync(Guid expertId, CancellationToken ct)
    {
        if (!user.IsAdmin || await db.Experts.AsNoTracking().FirstOrDefaultAsync(e => e.Id == expertId, ct) is not { } expert)
        {
            return [];
        }

        var rows = await db.ExpertAffiliationChanges.AsNoTracking().Where(c => c.ExpertId == expertId)
            .OrderByDescending(c => c.RequestedAt).Take(Paging.DefaultPageSize).ToListAsync(ct);
        return rows.Select(r => ToDto(r, expert)).ToList();
    }

    /// <summary>Applies the change to the expert's record; panels already drawn keep their members.</summary>
    public async Task<Result<AffiliationChangeDto>> ConfirmAsync(Guid id, ChangeDecisionRequest r, CancellationToken ct) =>
        await DecideAsync(id, r, confirm: true, ct);

    public async Task<Result<AffiliationChangeDto>> RefuseAsync(Guid id, ChangeDecisionRequest r, CancellationToken ct) =>
        await DecideAsync(id, r, confirm: false, ct);

    private async Task<Result<AffiliationChangeDto>> DecideAsync(Guid id, ChangeDecisionRequest r, bool confirm, CancellationToken ct)
    {
        if (!user.IsAdmin)
        {
            return Failure.Forbidden();
        }

        var change = await db.ExpertAffiliationChanges.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (change is null)
        {
            return Failure.NotFound("experts.change.not_found");
        }

        if (!confirm && ReviewReason.Check(r.Reason) is { } invalid)
        {
            return invalid;
        }

        if (r.Reason is { Length: > FieldLengths.Reason })
        {
            return Failure.Validation(new Error("validation.too_long", "reason", FieldLengths.Reason));
        }

        if (r.Version is { } version && version != change.Version)
        {
            return Failure.Conflict(VersionedSave.ConcurrencyCode);
        }

        var expert = await db.Experts.Include(e => e.PastAffiliations).FirstAsync(e => e.Id == change.ExpertId, ct);
        var before = expert.Name;
        var decided = confirm
            ? change.Confirm(expert, r.Reason, user.Id, clock.TodayInBeijing(), clock.GetUtcNow())
            : change.Refuse(r.Reason!, user.Id, clock.GetUtcNow());
        if (!decided.IsSuccess)
        {
            return decided.Failure!;
        }

        if (expert.UserId is { } expertUser)
        {
            await notifier.NotifyAsync([expertUser], confirm ? "experts.notify.change_confirmed" : "experts.notify.change_refused", ProfileLink, ct, before);
        }

        if (!await SaveAsync(ct))
        {
            return Failure.Conflict(VersionedSave.ConcurrencyCode);
        }

        return ToDto(change, expert);
    }

    private async Task<Expert?> OwnExpertAsync(CancellationToken ct, bool tracked = false)
    {
        if (user.Id is not { } uid)
        {
            return null;
        }

        var q = db.Experts.Include(e => e.PastAffiliations).Where(e => e.UserId == uid);
        return await (tracked ? q : q.AsNoTracking()).FirstOrDefaultAsync(ct);
    }

    private async Task<IReadOnlyList<StandingConflictDto>> ConflictsOfAsync(Guid expertId, CancellationToken ct) =>
        (await db.ExpertStandingConflicts.AsNoTracking().Where(c => c.ExpertId == expertId).ToListAsync(ct))
            .OrderByDescending(c => c.DeclaredAt).Select(ToDto).ToList();

    private static ExpertRequest RequestOf(Expert e) => new()
    {
        Name = e.Name,
        Title = e.Title,
        AffiliationCreditCode = e.AffiliationCreditCode,
        AffiliationName = e.AffiliationName,
        AffiliatedSince = e.AffiliatedSince,
        Domains = e.Domains,
        KeyAreas = e.KeyAreas,
        Expertise = e.Expertise,
        Phone = e.Phone,
        Email = e.Email,
        IsActive = e.IsActive,
        PastAffiliations = e.PastAffiliations.Select(a => new AffiliationRequest(a.CreditCode, a.OrganizationName, a.StartedOn, a.EndedOn)).ToList(),
    };

    private static StandingConflictDto ToDto(ExpertStandingConflict c) => new(c.Id, c.CreditCode, c.OrganizationName, c.Reason, c.ByAdmin, c.DeclaredAt);

    private static AffiliationChangeDto ToDto(ExpertAffiliationChange c, Expert e) => new(
        c.Id, c.ExpertId, e.Name, e.AffiliationCreditCode, e.AffiliationName, c.CreditCode, c.OrganizationName, c.AffiliatedSince,
        Past(c.Past), c.Note, c.Status.ToString(), c.RequestedAt, c.DecidedAt, c.DecisionReason, c.Version);

    private static List<AffiliationDto> Past(IEnumerable<AffiliationPeriod> past) =>
        past.OrderByDescending(a => a.EndedOn).Select(a => new AffiliationDto(a.CreditCode, a.OrganizationName, a.StartedOn, a.EndedOn)).ToList();

    private async Task<bool> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException ex) when (ex.IsLostRace())
        {
            return false;
        }
    }
}
