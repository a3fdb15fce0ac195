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

/// <summary>Each expert's seats on panels (专家组) and their answer to an invitation: accept, or decline with a reason.</summary>
public sealed class PanelInvitationHandlers(
    AppDbContext db, CurrentUser user, PolicyProvider policy, Text text, TimeProvider clock, ConflictService conflicts,
    ReviewSubjectHandlers subjects, Notifier notifier)
{
    /// <summary>The signed-in expert's seats, newest first; an expert sees only their own.</summary>
    public async Task<IReadOnlyList<AssignmentDto>> MyAssignmentsAsync(CancellationToken ct)
    {
        if (user.Id is not { } uid)
        {
            return [];
        }

        var rows = await (from m in db.PanelMembers.AsNoTracking()
                          join e in db.Experts on m.ExpertId equals e.Id
                          join p in db.ReviewPanels on m.PanelId equals p.Id
                          join s in db.ReviewSubjects on p.SubjectId equals s.Id
                          where e.UserId == uid
                          orderby m.InvitedAt descending
                          select new
                          {
                              Member = m, SubjectId = s.Id, s.Title, s.Kind, s.Year, s.KeyArea,
                              Submitted = db.ScoreSheets.Any(x => x.PanelMemberId == m.Id),
                          }).ToListAsync(ct);
        var en = LocalizationSetup.IsEnglish;
        var result = new List<AssignmentDto>();
        var conflicted = new HashSet<Guid>();
        foreach (var expert in rows.GroupBy(r => r.Member.ExpertId))
        {
            conflicted.UnionWith(await conflicts.SubjectsInConflictAsync(expert.Key, expert.Select(r => r.SubjectId).ToList(), ct));
        }

        foreach (var r in rows)
        {
            var inConflict = conflicted.Contains(r.SubjectId);
            result.Add(new AssignmentDto(
                r.Member.Id, r.SubjectId, r.Title, r.Kind.ToString(), text[ReviewEnumText.KindKey(r.Kind)], r.Year,
                r.KeyArea is null ? null : policy.Current.KeyAreas.LabelOf(r.KeyArea, en), r.Member.Status.ToString(),
                r.Member.IsLeader, inConflict, r.Submitted, r.Member.InvitedAt));
        }

        return result;
    }

    public async Task<Result<AssignmentDto>> AcceptAsync(Guid memberId, CancellationToken ct)
    {
        var (member, subjectId, failure) = await OwnSeatAsync(memberId, ct);
        if (failure is not null)
        {
            return failure;
        }

        if (member!.Status != PanelMemberStatus.Invited)
        {
            return Failure.IllegalTransition("reviews.member.not_invited");
        }

        if (await conflicts.InConflictAsync(subjectId, member.ExpertId, ct))
        {
            return Failure.Conflict("reviews.conflict.in_conflict");
        }

        member.Accept(clock.GetUtcNow());
        if (await db.SaveVersionedAsync(ct) is { } lost)
        {
            return lost;
        }

        return (await MyAssignmentsAsync(ct)).First(a => a.MemberId == memberId);
    }

    public async Task<Result<AssignmentDto>> DeclineAsync(Guid memberId, ReasonRequest request, CancellationToken ct)
    {
        var (member, subjectId, failure) = await OwnSeatAsync(memberId, ct);
        if (failure is not null)
        {
            return failure;
        }

        if (ReviewSubjectHandlers.Reason(request.Reason) is { } invalid)
        {
            return invalid;
        }

        if (member!.Status != PanelMemberStatus.Invited)
        {
            return Failure.IllegalTransition("reviews.member.not_invited");
        }

        member.Decline(request.Reason!, clock.GetUtcNow());
        var title = await db.ReviewSubjects.Where(s => s.Id == subjectId).Select(s => s.Title).FirstAsync(ct);
        await notifier.NotifyAsync(await subjects.AdminIdsAsync(ct), "reviews.notify.declined", ReviewLinks.Subject(subjectId), ct, title);
        if (await db.SaveVersionedAsync(ct) is { } lost)
        {
            return lost;
        }

        return (await MyAssignmentsAsync(ct)).First(a => a.MemberId == memberId);
    }

    private async Task<(PanelMember? Member, Guid SubjectId, Failure? Failure)> OwnSeatAsync(Guid memberId, CancellationToken ct)
    {
        var row = user.Id is { } uid
            ? await (from m in db.PanelMembers
                     join e in db.Experts on m.ExpertId equals e.Id
                     join p in db.ReviewPanels on m.PanelId equals p.Id
                     where m.Id == memberId && e.UserId == uid
                     select new { Member = m, p.SubjectId }).FirstOrDefaultAsync(ct)
            : null;
        return row is null ? (null, Guid.Empty, Failure.NotFound("reviews.member_not_found")) : (row.Member, row.SubjectId, null);
    }
}
