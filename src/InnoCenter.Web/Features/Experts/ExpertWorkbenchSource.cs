using InnoCenter.Domain.Reviews;
using InnoCenter.Web.Data;
using InnoCenter.Web.Features.Workbench;
using InnoCenter.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Experts;

/// <summary>
/// What waits in the expert module: for an expert, panel invitations to answer and scores due; for an Admin, employer
/// changes to confirm and account invitations that expired unused. Each is one count query.
/// </summary>
public sealed class ExpertWorkbenchSource(AppDbContext db, TimeProvider clock) : IWorkbenchSource
{
    public const string Module = "experts.work.module";

    public async Task<IReadOnlyList<WorkItem>> ItemsForAsync(CurrentUser user, CancellationToken ct)
    {
        var items = new List<WorkItem>();
        if (user.Id is { } uid && user.IsInRole(Roles.Expert))
        {
            var seats = from m in db.PanelMembers
                        join e in db.Experts on m.ExpertId equals e.Id
                        where e.UserId == uid
                        select m;
            var toAnswer = await seats.CountAsync(m => m.Status == PanelMemberStatus.Invited, ct);
            var toScore = await seats.CountAsync(m => m.Status == PanelMemberStatus.Accepted && !db.ScoreSheets.Any(s => s.PanelMemberId == m.Id), ct);
            Add(items, "experts.work.seats_to_answer", toAnswer, "/Reviews/My");
            Add(items, "experts.work.scores_due", toScore, "/Reviews/My");
        }

        if (user.IsAdmin)
        {
            var now = clock.GetUtcNow();
            var changes = await db.ExpertAffiliationChanges.CountAsync(c => c.Status == AffiliationChangeStatus.Pending, ct);
            var expired = await db.ExpertInvitations.CountAsync(i => i.Status == ExpertInvitationStatus.Pending && i.ExpiresAt <= now, ct);
            Add(items, "experts.work.changes_to_confirm", changes, ExpertProfileHandlers.ChangesLink + "?status=Pending");
            Add(items, "experts.work.invitations_expired", expired, "/Experts?invitation=Expired");
        }

        return items;
    }

    private static void Add(List<WorkItem> items, string key, int count, string link)
    {
        if (count > 0)
        {
            items.Add(new WorkItem(Module, key, count, link));
        }
    }
}
