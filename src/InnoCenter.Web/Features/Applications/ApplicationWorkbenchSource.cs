using InnoCenter.Domain.Applications;
using InnoCenter.Web.Data;
using InnoCenter.Web.Features.Workbench;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Policy;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Applications;

/// <summary>
/// The applications' part of the workbench. The officer: applications to check, to decide, overdue in any stage,
/// objections to resolve. The applicant (CenterUser): applications returned for revision, and unsubmitted ones that
/// still lack a required material of the pack each began under. The officer's numbers are three grouped reads; the applicant's one COUNT each (the materials one per pack version among the open drafts).
/// </summary>
public sealed class ApplicationWorkbenchSource(AppDbContext db, PolicyProvider policy, PolicyVersions versions, TimeProvider clock) : IWorkbenchSource
{
    public const string Module = "workbench.module.applications";

    private static readonly ApplicationStatus[] Open =
    [
        ApplicationStatus.Submitted, ApplicationStatus.FormalReview, ApplicationStatus.ReturnedForRevision, ApplicationStatus.ExpertReview,
        ApplicationStatus.SiteInspection, ApplicationStatus.Deliberation, ApplicationStatus.PublicNotice,
    ];

    private static readonly ApplicationStatus[] Counted = [ApplicationStatus.Submitted, ApplicationStatus.FormalReview, ApplicationStatus.Deliberation];

    public async Task<IReadOnlyList<WorkItem>> ItemsForAsync(CurrentUser user, CancellationToken ct)
    {
        var items = new List<WorkItem>();
        if (user.IsAdmin)
        {
            // Two grouped reads: the applications in each stage, and the overdue among them by their kept stage clocks
            // (each by the stage days of the pack version it began under).
            var now = clock.GetUtcNow();
            var inStage = await db.Applications.AsNoTracking().Where(a => Counted.Contains(a.Status))
                .GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
            var late = await ApplicationStageClocks.OverdueByStageAsync(db, Open, now, ct);
            items.Add(Stage(ApplicationStatus.Submitted, "workbench.applications.toCheck", inStage, late));
            items.Add(Stage(ApplicationStatus.FormalReview, "workbench.applications.inFormalCheck", inStage, late));
            items.Add(Stage(ApplicationStatus.Deliberation, "workbench.applications.toDecide", inStage, late));
            var overdue = late.Values.Sum();
            items.Add(new WorkItem(Module, "workbench.applications.overdueStages", overdue, "/Applications?overdue=true", overdue));
            var objections = await db.Objections.AsNoTracking().CountAsync(o => o.Status == ObjectionStatus.Pending, ct);
            items.Add(new WorkItem(Module, "workbench.applications.objections", objections, "/Applications?status=PublicNotice"));
        }
        else if (user.IsInRole(Roles.CenterUser) && user.OrganizationId is { } org)
        {
            var own = db.Applications.AsNoTracking().Where(a => a.LeadOrganizationId == org);
            var now = clock.GetUtcNow();
            var returned = own.Where(a => a.Status == ApplicationStatus.ReturnedForRevision);
            var returnedCount = await returned.CountAsync(ct);
            var returnedLate = returnedCount == 0 ? 0 : await returned.Where(ApplicationStageClocks.Overdue(db, now)).CountAsync(ct);
            items.Add(new WorkItem(Module, "workbench.applications.returned", returnedCount, $"/Applications?status={ApplicationStatus.ReturnedForRevision}", returnedLate));
            // Each application lacks what the pack it began under requires; the open ones name a handful of versions.
            var open = own.Where(a => a.Status == ApplicationStatus.Draft || a.Status == ApplicationStatus.ReturnedForRevision);
            var begunUnder = await open.Select(a => new { a.PolicyCode, a.PolicyVersion }).Distinct().ToListAsync(ct);
            var lacking = 0;
            foreach (var v in begunUnder)
            {
                var required = (await versions.ForCaseAsync(v.PolicyCode, v.PolicyVersion, ct)).RequiredMaterials
                    .Where(m => m.Required).Select(m => m.Code).ToList();
                if (required.Count == 0)
                {
                    continue;
                }

                // An unsubmitted application lacks a material when fewer of the required slots hold a current file than there are.
                lacking += await open
                    .Where(a => a.PolicyCode == v.PolicyCode && a.PolicyVersion == v.PolicyVersion)
                    .CountAsync(a => db.StoredFiles
                        .Where(f => f.OwnerType == ApplicationHandlers.OwnerType && f.OwnerId == a.Id && f.IsCurrent && required.Contains(f.Slot))
                        .Select(f => f.Slot).Distinct().Count() < required.Count, ct);
            }

            if (lacking > 0 || policy.Current.RequiredMaterials.Any(m => m.Required))
            {
                items.Add(new WorkItem(Module, "workbench.applications.materialsMissing", lacking, "/Applications"));
            }
        }

        return items;
    }

    private static WorkItem Stage(ApplicationStatus status, string key, Dictionary<ApplicationStatus, int> inStage, Dictionary<ApplicationStatus, int> late) =>
        new(Module, key, inStage.GetValueOrDefault(status), $"/Applications?status={status}", late.GetValueOrDefault(status));
}
