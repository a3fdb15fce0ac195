using InnoCenter.Domain.Common;
using InnoCenter.Domain.Plans;
using InnoCenter.Web.Data;
using InnoCenter.Web.Features.Centers;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;
using InnoCenter.Web.Infrastructure.Localization;

namespace InnoCenter.Web.Features.Plans;

/// <summary>
/// Revising a center's plan (建设方案调整): the center's staff propose new targets with a reason and the year they count
/// from; an Admin approves or rejects with a reason. The Admins are told of a proposal (workbench and mail), the
/// proposer of the decision. History is kept: nothing is overwritten.
/// </summary>
public sealed class PlanRevisionHandlers(AppDbContext db, CurrentUser user, CenterAccess access, Notifier notifier, PlanQueries queries, TimeProvider clock)
{
    public async Task<Result<PlanDto>> ProposeAsync(Guid centerId, ProposeRevisionRequest request, CancellationToken ct)
    {
        var center = await db.Centers.AsNoTracking().Where(c => c.Id == centerId).Select(c => new { c.Id, c.Name, c.ApprovedOn }).FirstOrDefaultAsync(ct);
        if (center is null || !await queries.CanSeeAsync(centerId, ct))
        {
            return Failure.NotFound("plans.center_not_found");
        }

        if (!await access.CanEditAsync(centerId, ct))
        {
            return Failure.Forbidden("plans.only_center_proposes");
        }

        if (await db.PlanRevisions.AnyAsync(r => r.CenterId == centerId && r.Status == PlanRevisionStatus.Proposed, ct))
        {
            return Failure.Conflict("plans.proposal_open");
        }

        var number = (await db.PlanRevisions.Where(r => r.CenterId == centerId).MaxAsync(r => (int?)r.Number, ct) ?? 0) + 1;
        var now = clock.GetUtcNow();
        var proposed = PlanRevision.Propose(
            centerId, number, center.ApprovedOn.Year, request.EffectiveFromYear ?? clock.TodayInBeijing().Year, request.Reason,
            request.Indicators.Select(i => new PlanIndicatorInput(i.Name, i.Unit, i.Figure, i.Year1, i.Year2, i.Year3)).ToList(), user.Id, now);
        if (!proposed.IsSuccess)
        {
            return proposed.Failure!;
        }

        db.PlanRevisions.Add(proposed.Value);
        await notifier.NotifyAsync(await Recipients.AdminsAsync(db, ct), "plans.notify.proposed", PlanLinks.Center(centerId), ct, center.Name, number);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            // Another proposal took the number at the same moment.
            return Failure.Conflict("plans.proposal_open");
        }

        return await queries.GetPlanAsync(centerId, ct);
    }

    public Task<Result<PlanDto>> ApproveAsync(Guid revisionId, RevisionDecisionRequest request, CancellationToken ct) =>
        DecideAsync(revisionId, request, approve: true, ct);

    public Task<Result<PlanDto>> RejectAsync(Guid revisionId, RevisionDecisionRequest request, CancellationToken ct) =>
        DecideAsync(revisionId, request, approve: false, ct);

    private async Task<Result<PlanDto>> DecideAsync(Guid revisionId, RevisionDecisionRequest request, bool approve, CancellationToken ct)
    {
        if (!user.IsAdmin)
        {
            var centerId = await db.PlanRevisions.Where(r => r.Id == revisionId).Select(r => (Guid?)r.CenterId).FirstOrDefaultAsync(ct);
            return centerId is { } c && await queries.CanSeeAsync(c, ct) ? Failure.Forbidden("plans.only_admin_decides") : Failure.NotFound("plans.revision_not_found");
        }

        var revision = await db.PlanRevisions.FirstOrDefaultAsync(r => r.Id == revisionId, ct);
        if (revision is null)
        {
            return Failure.NotFound("plans.revision_not_found");
        }

        if (request.Version is { } v && v != revision.Version)
        {
            return Failure.Conflict(VersionedSave.ConcurrencyCode);
        }

        var decided = approve ? revision.Approve(request.Reason, user.Id, clock.GetUtcNow()) : revision.Reject(request.Reason, user.Id, clock.GetUtcNow());
        if (!decided.IsSuccess)
        {
            return decided.Failure!;
        }

        var name = await db.Centers.Where(c => c.Id == revision.CenterId).Select(c => c.Name).FirstAsync(ct);
        if (revision.ProposedBy is { } proposer)
        {
            await notifier.NotifyAsync(
                [proposer], approve ? "plans.notify.approved" : "plans.notify.rejected", PlanLinks.Center(revision.CenterId), ct,
                name, revision.Number, revision.DecisionNote ?? string.Empty);
        }

        if (await db.SaveVersionedAsync(ct) is { } lost)
        {
            return lost;
        }

        return await queries.GetPlanAsync(revision.CenterId, ct);
    }
}
