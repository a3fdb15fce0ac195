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

/// <summary>A center's membership over time: every period, the composition on each day it changed, and changes.</summary>
public sealed class MembershipHandlers(
    AppDbContext db, CenterAccess access, CenterHandlers centers, OrganizationLookup orgs, PolicyProvider policy, TimeProvider clock)
{
    /// <summary>Every membership period of the center, history included.</summary>
    public async Task<Result<IReadOnlyList<CenterMemberDto>>> MembersAsync(Guid id, CancellationToken ct)
    {
        if (!await access.CanReadAsync(id, ct))
        {
            return Failure.NotFound("centers.not_found");
        }

        var periods = await db.CenterMemberships.AsNoTracking().Where(m => m.CenterId == id).ToListAsync(ct);
        await orgs.PreloadIdsAsync(periods.Select(p => p.OrganizationId), ct);
        return periods.OrderBy(p => p.JoinedOn).ThenByDescending(p => p.IsLead).ThenBy(p => orgs.NameOf(p.OrganizationId))
            .Select(centers.ToMemberDto).ToList();
    }

    /// <summary>Counts by kind and by region on every day the membership changed, with the equity total there.</summary>
    public async Task<Result<IReadOnlyList<CompositionPointDto>>> CompositionAsync(Guid id, CancellationToken ct)
    {
        if (!await access.CanReadAsync(id, ct))
        {
            return Failure.NotFound("centers.not_found");
        }

        var periods = await db.CenterMemberships.AsNoTracking().Where(m => m.CenterId == id).ToListAsync(ct);
        var days = periods.Select(p => p.JoinedOn).Concat(periods.Where(p => p.LeftOn is not null).Select(p => p.LeftOn!.Value))
            .Distinct().Order();
        // The pack's regions, plus any a period carries that a later pack no longer lists, so no member drops out of the counts.
        var regions = policy.Current.Regions.Select(r => r.Code).Union(periods.Select(p => p.Region), StringComparer.Ordinal).ToList();
        return days.Select(day =>
        {
            var on = periods.Where(p => p.IsMemberOn(day)).ToList();
            return new CompositionPointDto(
                day,
                on.Count,
                Enum.GetValues<MemberKind>().ToDictionary(k => k.ToString(), k => on.Count(p => p.Kind == k)),
                regions.ToDictionary(r => r, r => on.Count(p => p.Region == r)),
                on.Sum(p => p.EquitySharePercent ?? 0m));
        }).ToList();
    }

    public async Task<Result<IReadOnlyList<CenterMemberDto>>> ChangeMembershipAsync(Guid id, MembershipChangeRequest r, CancellationToken ct)
    {
        if (!await access.CanReadAsync(id, ct))
        {
            return Failure.NotFound("centers.not_found");
        }

        if (!await access.CanEditAsync(id, ct))
        {
            return Failure.Forbidden("centers.edit_forbidden");
        }

        var center = await db.Centers.Include(c => c.Memberships).FirstAsync(c => c.Id == id, ct);
        var errors = new List<Error>();
        if (r.EffectiveOn is null)
        {
            errors.Add(new Error("validation.required", "effectiveOn"));
        }

        var requested = (r.Steps ?? []).Where(s => !string.IsNullOrWhiteSpace(s.Action) || !string.IsNullOrWhiteSpace(s.CreditCode)).ToList();
        if (requested.Count == 0)
        {
            errors.Add(new Error("centers.change_empty", "steps"));
        }

        await orgs.PreloadCodesAsync(requested.Select(s => s.CreditCode), ct);
        var steps = new List<MembershipStep>();
        for (var i = 0; i < requested.Count; i++)
        {
            var s = requested[i];
            var org = await orgs.ByCodeAsync(s.CreditCode, ct);
            if (org is null)
            {
                errors.Add(new Error("ledger.organization_unknown", "steps", s.CreditCode ?? string.Empty));
                continue;
            }

            switch (s.Action?.Trim().ToLowerInvariant())
            {
                case "join":
                    var kind = ParseKind(s.Kind, org.Type);
                    if (kind is null)
                    {
                        errors.Add(new Error("centers.member_kind_required", "steps", org.Name));
                        continue;
                    }

                    steps.Add(new JoinStep(org.Id, kind.Value, org.Region, s.EquitySharePercent));
                    break;
                case "leave":
                    steps.Add(new LeaveStep(org.Id));
                    break;
                case "share":
                    steps.Add(new ShareStep(org.Id, s.EquitySharePercent));
                    break;
                default:
                    errors.Add(new Error("centers.step_action_unknown", "steps", s.Action ?? string.Empty));
                    break;
            }
        }

        if (errors.Count > 0)
        {
            return Failure.Validation(errors);
        }

        var changed = center.ChangeMembership(r.EffectiveOn!.Value, steps, access.Today, clock.GetUtcNow());
        if (!changed.IsSuccess)
        {
            return NameOrganizations(changed.Failure!);
        }

        if (await db.SaveVersionedAsync(ct) is { } lost)
        {
            return lost;
        }

        return await MembersAsync(id, ct);
    }


    private static MemberKind? ParseKind(string? kind, OrganizationType type)
    {
        if (!string.IsNullOrWhiteSpace(kind))
        {
            return Enum.TryParse<MemberKind>(kind, true, out var k) && Enum.IsDefined(k) ? k : null;
        }

        // The organisation's own type is the natural default where it is one of the member kinds.
        return Enum.TryParse<MemberKind>(type.ToString(), out var fromType) ? fromType : null;
    }

    /// <summary>Domain errors name organisations by id; people know them by name.</summary>
    private Failure NameOrganizations(Failure failure) => failure with
    {
        Errors = failure.Errors.Select(e => e with { Args = e.Args.Select(a => a is Guid g ? orgs.NameOf(g) : a).ToArray() }).ToList(),
    };
}
