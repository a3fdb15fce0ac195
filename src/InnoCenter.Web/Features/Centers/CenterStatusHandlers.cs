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

/// <summary>A center's status: moved by an Admin's decision (文号) or by a policy rule, and its history.</summary>
public sealed class CenterStatusHandlers(
    AppDbContext db, CurrentUser user, CenterAccess access, CenterHandlers centers, Text text, Notifier notifier, TimeProvider clock)
{
    /// <summary>An Admin records a decision (文号) that moves the center's status.</summary>
    public async Task<Result<CenterDto>> ChangeStatusAsync(Guid id, StatusChangeRequest r, CancellationToken ct)
    {
        if (!user.IsAdmin)
        {
            return Failure.Forbidden();
        }

        var center = await db.Centers.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (center is null)
        {
            return Failure.NotFound("centers.not_found");
        }

        var errors = new List<Error>();
        if (!Enum.TryParse<CenterStatus>(r.To, true, out var to) || !Enum.IsDefined(to))
        {
            errors.Add(new Error("centers.status_unknown", "to", r.To ?? string.Empty));
        }

        if (r.EffectiveOn is null)
        {
            errors.Add(new Error("validation.required", "effectiveOn"));
        }

        if (r.Version is null)
        {
            errors.Add(new Error("validation.required", "version"));
        }

        if (errors.Count > 0)
        {
            return Failure.Validation(errors);
        }

        if (center.StaleAgainst(r.Version) is { } stale)
        {
            return stale;
        }

        var from = center.Status;
        var changed = center.ChangeStatus(to, StatusBasis.Decision, r.Reference, r.Reason, r.EffectiveOn!.Value, access.Today, user.Id, clock.GetUtcNow());
        if (!changed.IsSuccess)
        {
            return changed.Failure!;
        }

        db.CenterStatusChanges.Add(changed.Value);
        await NotifyCenterUsersAsync(center, "centers.status_changed_notice", ct, center.Name, centers.StatusLabel(from), centers.StatusLabel(to));
        if (await db.SaveVersionedAsync(ct) is { } lost)
        {
            return lost;
        }

        return await centers.GetAsync(id, ct);
    }

    /// <summary>
    /// Moves centers' statuses because a policy rule says so (e.g. two failing years revoke the title), reading all of
    /// them at once; each change is recorded or refused on its own. Adds the changes to the context without saving: the
    /// caller (the assessment) saves them with the results that triggered them. Only an Admin's action applies a rule.
    /// </summary>
    public async Task<IReadOnlyList<(Guid CenterId, Result<CenterStatusChange> Result)>> ChangeStatusesByRuleAsync(
        IReadOnlyList<RuleStatusChange> changes, CancellationToken ct)
    {
        if (!user.IsAdmin)
        {
            return changes.Select(c => (c.CenterId, (Result<CenterStatusChange>)Failure.Forbidden())).ToList();
        }

        var ids = changes.Select(c => c.CenterId).Distinct().ToList();
        var loaded = await db.Centers.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var now = clock.GetUtcNow();
        var results = new List<(Guid, Result<CenterStatusChange>)>();
        foreach (var change in changes)
        {
            if (!loaded.TryGetValue(change.CenterId, out var center))
            {
                results.Add((change.CenterId, Failure.NotFound("centers.not_found")));
                continue;
            }

            var changed = center.ChangeStatus(change.To, StatusBasis.PolicyRule, change.RuleCode, change.Reason, change.EffectiveOn, access.Today, user.Id, now);
            if (changed.IsSuccess)
            {
                db.CenterStatusChanges.Add(changed.Value);
            }

            results.Add((change.CenterId, changed));
        }

        return results;
    }

    public async Task<Result<IReadOnlyList<StatusChangeDto>>> StatusHistoryAsync(Guid id, CancellationToken ct)
    {
        if (!await access.CanReadAsync(id, ct))
        {
            return Failure.NotFound("centers.not_found");
        }

        var changes = await db.CenterStatusChanges.AsNoTracking().Where(s => s.CenterId == id).ToListAsync(ct);
        return changes.OrderByDescending(c => c.RecordedAt).Select(c => new StatusChangeDto(
            c.Id, c.From.ToString(), centers.StatusLabel(c.From), c.To.ToString(), centers.StatusLabel(c.To), c.Basis.ToString(),
            text[$"centers.basis.{c.Basis}"], c.Reference, c.Reason, c.EffectiveOn, c.RecordedAt)).ToList();
    }


    private async Task NotifyCenterUsersAsync(Center center, string titleKey, CancellationToken ct, params object[] args)
    {
        var orgIds = new[] { center.LeadOrganizationId, center.LegalEntityOrganizationId ?? center.LeadOrganizationId };
        var users = await (
            from u in db.Users
            join ur in db.UserRoles on u.Id equals ur.UserId
            join r in db.Roles on ur.RoleId equals r.Id
            where r.Name == Roles.CenterUser && u.OrganizationId != null && orgIds.Contains(u.OrganizationId.Value)
            select u.Id).ToListAsync(ct);
        await notifier.NotifyAsync(users, titleKey, $"/Centers/Details/{center.Id}", ct, args);
    }
}
