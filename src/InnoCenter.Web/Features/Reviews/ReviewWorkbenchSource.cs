using InnoCenter.Domain.Applications;
using InnoCenter.Domain.Assessment;
using InnoCenter.Domain.Reviews;
using InnoCenter.Web.Data;
using InnoCenter.Web.Features.Workbench;
using InnoCenter.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Reviews;

/// <summary>
/// The reviews' part of the officer's workbench: panels to draw — subjects under review (an application in expert
/// review, an accepted annual report of a cycle not yet published) with no panel, or a panel short of members after a
/// decline or a removal. One COUNT query.
/// </summary>
public sealed class ReviewWorkbenchSource(AppDbContext db) : IWorkbenchSource
{
    public const string Module = "workbench.module.reviews";

    public async Task<IReadOnlyList<WorkItem>> ItemsForAsync(CurrentUser user, CancellationToken ct)
    {
        if (!user.IsAdmin)
        {
            return [];
        }

        var toDraw = await db.ReviewSubjects.AsNoTracking()
            .Where(s =>
                (s.Kind == ReviewSubjectKind.Application
                 && db.Applications.Any(a => a.Id == s.ReferenceId && a.Status == ApplicationStatus.ExpertReview))
                || (s.Kind == ReviewSubjectKind.AnnualReport
                    && db.AnnualReports.Any(r => r.Id == s.ReferenceId && r.Status == ReportStatus.Accepted
                                                 && db.AssessmentCycles.Any(c => c.Id == r.CycleId && c.Status != CycleStatus.Published))))
            .CountAsync(s => !db.ReviewPanels.Any(p => p.SubjectId == s.Id)
                             || db.ReviewPanels.Any(p => p.SubjectId == s.Id
                                                         && db.PanelMembers.Count(m => m.PanelId == p.Id
                                                                                       && (m.Status == PanelMemberStatus.Invited || m.Status == PanelMemberStatus.Accepted)) < p.Size), ct);
        return [new WorkItem(Module, "workbench.reviews.panelsToDraw", toDraw, "/Reviews")];
    }
}
