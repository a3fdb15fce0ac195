using InnoCenter.Domain.Common;
using InnoCenter.Domain.Policy;
using InnoCenter.Domain.Reviews;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Notifications;
using InnoCenter.Web.Infrastructure.Policy;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Reviews;

/// <summary>
/// A panel's seats by hand (专家组): an Admin puts an expert into a vacancy or in place of a member, and names the
/// leader. Seats are taken under <see cref="PanelHandlers"/>' draw lock, with its candidates and refill rules.
/// </summary>
public sealed class PanelSeatHandlers(
    AppDbContext db, CurrentUser user, PolicyProvider policy, TimeProvider clock, ConflictService conflicts, PanelHandlers panels)
{
    private ReviewRules Rules => policy.Current.Review;

    /// <summary>
    /// Puts an expert on the panel by hand — into a vacancy, or in place of a member who declined or is removed with a
    /// reason. An expert in conflict, inactive or at the load cap is refused, and a full panel must still meet every quota.
    /// </summary>
    public async Task<Result<PanelDto>> AssignAsync(Guid subjectId, AssignRequest request, ReasonRequest? reason, CancellationToken ct)
    {
        if (!user.IsAdmin)
        {
            return Failure.Forbidden();
        }

        if (request.ExpertId is not { } expertId)
        {
            return Failure.Validation(new Error("validation.required", "expertId"));
        }

        await PanelHandlers.DrawLock.WaitAsync(ct);
        try
        {
            await using var tx = await panels.BeginSerialisedAsync(ct);
            ReviewPanel? panel;
            ReviewSubject? subject;
            PanelMember? replaced = null;
            if (request.ReplacesMemberId is { } replacesId)
            {
                var seat = await panels.SeatToRefillAsync(subjectId, replacesId, reason?.Reason, ct);
                if (seat.Failure is not null)
                {
                    return seat.Failure;
                }

                (panel, subject, replaced) = (seat.Panel, seat.Subject, seat.Member);
            }
            else
            {
                (panel, subject) = await panels.PanelWithSubjectAsync(subjectId, ct);
                if (panel is null)
                {
                    return Failure.NotFound(subject is null ? "reviews.subject_not_found" : "reviews.panel_missing");
                }

                if (panel.Vacancies <= 0)
                {
                    return Failure.Conflict("reviews.assign.no_vacancy");
                }
            }

            var candidates = await panels.CandidatesAsync(subject!, ct);
            var candidate = candidates.FirstOrDefault(c => c.ExpertId == expertId);
            if (candidate is null)
            {
                return Failure.Validation(new Error("experts.not_found", "expertId"));
            }

            if (panel!.Members.Any(m => m.ExpertId == expertId))
            {
                return Failure.Conflict("reviews.assign.already_on_panel");
            }

            if (candidate.InConflict)
            {
                return Failure.Conflict("reviews.assign.conflict", "expertId");
            }

            if (!candidate.IsActive)
            {
                return Failure.Conflict("reviews.assign.inactive", "expertId");
            }

            if (candidate.LoadThisYear >= Rules.Load.MaxPanelsPerYear)
            {
                return Failure.Conflict("reviews.assign.load_cap", "expertId", Rules.Load.MaxPanelsPerYear);
            }

            var after = panel.ActiveMembers.Where(m => m.Id != replaced?.Id).Select(m => m.ExpertId).Append(expertId)
                .Select(id => candidates.First(c => c.ExpertId == id))
                .Select(c => new PoolEntry(c.ExpertId, c.Domains.ToList(), false)).ToList();
            if (after.Count == panel.Size && PanelDrawing.ShortQuota(after, panel.Quotas) is { } shortQuota)
            {
                return Failure.Conflict("reviews.assign.quota", "expertId", panels.QuotaLabel(shortQuota));
            }

            if (replaced is { IsActive: true })
            {
                replaced.Remove(reason!.Reason!);
            }

            db.Add(panel.AddMember(expertId, PanelMemberSource.Manual, null, replaced?.Id, clock.GetUtcNow()));
            await panels.InviteAsync([expertId], subject!, ct);
            if (await db.SaveVersionedAsync(ct) is { } lost)
            {
                return lost;
            }

            await tx.CommitAsync(ct);
        }
        finally
        {
            PanelHandlers.DrawLock.Release();
        }

        return (await panels.PanelAsync(subjectId, ct))!;
    }

    public async Task<Result<PanelDto>> SetLeaderAsync(Guid subjectId, LeaderRequest request, CancellationToken ct)
    {
        if (!user.IsAdmin)
        {
            return Failure.Forbidden();
        }

        var (panel, subject) = await panels.PanelWithSubjectAsync(subjectId, ct);
        if (panel is null)
        {
            return Failure.NotFound(subject is null ? "reviews.subject_not_found" : "reviews.panel_missing");
        }

        var member = panel.Members.FirstOrDefault(m => m.Id == request.MemberId);
        if (member is null)
        {
            return Failure.Validation(new Error("reviews.member_not_found", "memberId"));
        }

        if (!member.IsActive)
        {
            return Failure.IllegalTransition("reviews.leader.inactive");
        }

        if (await conflicts.InConflictAsync(subjectId, member.ExpertId, ct))
        {
            return Failure.Conflict("reviews.assign.conflict", "memberId");
        }

        panel.SetLeader(member.Id);
        if (await db.SaveVersionedAsync(ct) is { } lost)
        {
            return lost;
        }

        return (await panels.PanelAsync(subjectId, ct))!;
    }
}
