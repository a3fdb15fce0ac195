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

        // Driven from the few cases under review, not from every subject ever reviewed (thousands at national scale,
        // almost all closed; an EXISTS per subject cost 23 ms): an IN over the status-indexed ids lets SQLite walk the
        // subjects' (kind, reference) index from those ids, where a join let it drive from the kind and cost the same.
        var inReview = db.Applications.Where(a => a.Status == ApplicationStatus.ExpertReview).Select(a => a.Id);
        var openCycles = db.AssessmentCycles.Where(c => c.Status != CycleStatus.Published).Select(c => c.Id);
        var accepted = db.AnnualReports.Where(r => r.Status == ReportStatus.Accepted && openCycles.Contains(r.CycleId)).Select(r => r.Id);
        var applications = db.ReviewSubjects.AsNoTracking()
            .Where(s => s.Kind == ReviewSubjectKind.Application && inReview.Contains(s.ReferenceId));
        var reports = db.ReviewSubjects.AsNoTracking()
            .Where(s => s.Kind == ReviewSubjectKind.AnnualReport && accepted.Contains(s.ReferenceId));
        var toDraw = await applications.Concat(reports)
            .CountAsync(s => !db.ReviewPanels.Any(p => p.SubjectId == s.Id)
                             || db.ReviewPanels.Any(p => p.SubjectId == s.Id
                                                         && db.PanelMembers.Count(m => m.PanelId == p.Id
                                                                                       && (m.Status == PanelMemberStatus.Invited || m.Status == PanelMemberStatus.Accepted)) < p.Size), ct);
        return [new WorkItem(Module, "workbench.reviews.panelsToDraw", toDraw, "/Reviews")];
    }
}
