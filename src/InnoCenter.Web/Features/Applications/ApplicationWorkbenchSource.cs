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
/// still lack a required material of the pack each began under. Every number is one COUNT query (the materials one per pack version among the open drafts).
/// </summary>
public sealed class ApplicationWorkbenchSource(AppDbContext db, PolicyProvider policy, PolicyVersions versions, ApplicationCaseRules caseRules, TimeProvider clock) : IWorkbenchSource
{
    public const string Module = "workbench.module.applications";

    private static readonly ApplicationStatus[] Open =
    [
        ApplicationStatus.Submitted, ApplicationStatus.FormalReview, ApplicationStatus.ReturnedForRevision, ApplicationStatus.ExpertReview,
        ApplicationStatus.SiteInspection, ApplicationStatus.Deliberation, ApplicationStatus.PublicNotice,
    ];

    public async Task<IReadOnlyList<WorkItem>> ItemsForAsync(CurrentUser user, CancellationToken ct)
    {
        var items = new List<WorkItem>();
        if (user.IsAdmin)
        {
            // Overdue by the stage days of the pack version each application began under.
            var rules = await caseRules.LoadAsync(ct);
            var now = clock.GetUtcNow();
            items.Add(await StageAsync(db.Applications, ApplicationStatus.Submitted, "workbench.applications.toCheck", rules, now, ct));
            items.Add(await StageAsync(db.Applications, ApplicationStatus.FormalReview, "workbench.applications.inFormalCheck", rules, now, ct));
            items.Add(await StageAsync(db.Applications, ApplicationStatus.Deliberation, "workbench.applications.toDecide", rules, now, ct));
            var overdue = await db.Applications.AsNoTracking().Where(a => Open.Contains(a.Status)).Where(rules.Overdue(now)).CountAsync(ct);
            items.Add(new WorkItem(Module, "workbench.applications.overdueStages", overdue, "/Applications?overdue=true", overdue));
            var objections = await db.Objections.AsNoTracking().CountAsync(o => o.Status == ObjectionStatus.Pending, ct);
            items.Add(new WorkItem(Module, "workbench.applications.objections", objections, "/Applications?status=PublicNotice"));
        }
        else if (user.IsInRole(Roles.CenterUser) && user.OrganizationId is { } org)
        {
            var own = db.Applications.AsNoTracking().Where(a => a.LeadOrganizationId == org);
            items.Add(await StageAsync(own, ApplicationStatus.ReturnedForRevision, "workbench.applications.returned", await caseRules.LoadAsync(ct), clock.GetUtcNow(), ct));
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

    private static async Task<WorkItem> StageAsync(IQueryable<Application> scope, ApplicationStatus status, string key,
        CaseRuleSet rules, DateTimeOffset now, CancellationToken ct)
    {
        var inStage = scope.AsNoTracking().Where(a => a.Status == status);
        var count = await inStage.CountAsync(ct);
        var overdue = count == 0 ? 0 : await inStage.Where(rules.Overdue(now, status)).CountAsync(ct);
        return new WorkItem(Module, key, count, $"/Applications?status={status}", overdue);
    }
}
