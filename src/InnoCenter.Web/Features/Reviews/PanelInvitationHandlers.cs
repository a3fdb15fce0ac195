using InnoCenter.Domain.Common;
using InnoCenter.Domain.Policy;
using InnoCenter.Domain.Reviews;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Notifications;
using InnoCenter.Web.Infrastructure.Policy;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Reviews;

/// <summary>Each expert's seats on panels (专家组) and their answer to an invitation: accept, or decline with a reason.</summary>
public sealed class PanelInvitationHandlers(
    AppDbContext db, CurrentUser user, PolicyProvider policy, Text text, TimeProvider clock, ConflictService conflicts,
    Notifier notifier)
{
    /// <summary>
    /// The signed-in expert's seats, newest first, a page at a time; an expert sees only their own. Conflicts are checked
    /// for the page's subjects only, in one batch.
    /// </summary>
    public async Task<PagedResult<AssignmentDto>> MyAssignmentsAsync(int? page, int? pageSize, CancellationToken ct)
    {
        var (p, size) = Paging.Normalize(page, pageSize);
        if (user.Id is not { } uid)
        {
            return new PagedResult<AssignmentDto>([], p, size, 0);
        }

        var mine = Mine(uid);
        var total = await mine.CountAsync(ct);
        var items = await AssignmentsAsync(mine.OrderByDescending(m => m.InvitedAt).ThenBy(m => m.Id).Skip((p - 1) * size).Take(size), ct);
        return new PagedResult<AssignmentDto>(items, p, size, total);
    }

    /// <summary>The signed-in expert's seat on one subject that is still open to them (invited or accepted), if any.</summary>
    public async Task<AssignmentDto?> MyOpenSeatOnAsync(Guid subjectId, CancellationToken ct) =>
        user.Id is { } uid
            ? (await AssignmentsAsync(Mine(uid)
                    .Where(m => m.Status == PanelMemberStatus.Invited || m.Status == PanelMemberStatus.Accepted)
                    .Where(m => db.ReviewPanels.Any(p => p.Id == m.PanelId && p.SubjectId == subjectId))
                    .OrderByDescending(m => m.InvitedAt).Take(1), ct))
                .FirstOrDefault()
            : null;

    private async Task<AssignmentDto> MyAssignmentAsync(Guid memberId, CancellationToken ct) =>
        (await AssignmentsAsync(Mine(user.Id!.Value).Where(m => m.Id == memberId), ct)).Single();

    /// <summary>The seats of the expert records linked to this sign-in.</summary>
    private IQueryable<PanelMember> Mine(Guid userId) =>
        db.PanelMembers.AsNoTracking().Where(m => db.Experts.Any(e => e.Id == m.ExpertId && e.UserId == userId));

    private async Task<IReadOnlyList<AssignmentDto>> AssignmentsAsync(IQueryable<PanelMember> seats, CancellationToken ct)
    {
        var rows = await (from m in seats
                          join p in db.ReviewPanels on m.PanelId equals p.Id
                          join s in db.ReviewSubjects on p.SubjectId equals s.Id
                          select new
                          {
                              Member = m, SubjectId = s.Id, s.Title, s.Kind, s.Year, s.KeyArea,
                              Submitted = db.ScoreSheets.Any(x => x.PanelMemberId == m.Id),
                          }).ToListAsync(ct);
        var en = LocalizationSetup.IsEnglish;
        var conflicted = new HashSet<Guid>();
        foreach (var expert in rows.GroupBy(r => r.Member.ExpertId))
        {
            conflicted.UnionWith(await conflicts.SubjectsInConflictAsync(expert.Key, expert.Select(r => r.SubjectId).ToList(), ct));
        }

        // Newest first again: the order of a paged subquery does not survive the join.
        return rows.OrderByDescending(r => r.Member.InvitedAt).Select(r => new AssignmentDto(
                r.Member.Id, r.SubjectId, r.Title, r.Kind.ToString(), text[ReviewEnumText.KindKey(r.Kind)], r.Year,
                r.KeyArea is null ? null : policy.Current.KeyAreas.LabelOf(r.KeyArea, en), r.Member.Status.ToString(),
                r.Member.IsLeader, conflicted.Contains(r.SubjectId), r.Submitted, r.Member.InvitedAt))
            .ToList();
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

        return await MyAssignmentAsync(memberId, ct);
    }

    public async Task<Result<AssignmentDto>> DeclineAsync(Guid memberId, ReasonRequest request, CancellationToken ct)
    {
        var (member, subjectId, failure) = await OwnSeatAsync(memberId, ct);
        if (failure is not null)
        {
            return failure;
        }

        if (ReviewReason.Check(request.Reason) is { } invalid)
        {
            return invalid;
        }

        if (member!.Status != PanelMemberStatus.Invited)
        {
            return Failure.IllegalTransition("reviews.member.not_invited");
        }

        member.Decline(request.Reason!, clock.GetUtcNow());
        var title = await db.ReviewSubjects.Where(s => s.Id == subjectId).Select(s => s.Title).FirstAsync(ct);
        await notifier.NotifyAsync(await Recipients.AdminsAsync(db, ct), "reviews.notify.declined", ReviewLinks.Subject(subjectId), ct, title);
        if (await db.SaveVersionedAsync(ct) is { } lost)
        {
            return lost;
        }

        return await MyAssignmentAsync(memberId, ct);
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
