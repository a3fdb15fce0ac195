using InnoCenter.Domain.Applications;
using InnoCenter.Domain.Common;
using InnoCenter.Domain.Policy;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Files;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Policy;
using InnoCenter.Web.Infrastructure.Search;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Applications;

/// <summary>
/// Reads of applications. Admins see all; an applicant sees its own organisation's; an expert only what it is on the
/// panel of and not in conflict with; anyone else nothing.
/// </summary>
public sealed class ApplicationQueries(
    AppDbContext db,
    CurrentUser user,
    PolicyVersions versions,
    ApplicationCaseRules caseRules,
    Attachments attachments,
    ApplicationEligibility eligibilityRules,
    ApplicationAccess access,
    Text text,
    TimeProvider clock)
{
    private static readonly ApplicationStatus[] Board =
    [
        ApplicationStatus.Submitted, ApplicationStatus.FormalReview, ApplicationStatus.ReturnedForRevision, ApplicationStatus.ExpertReview,
        ApplicationStatus.SiteInspection, ApplicationStatus.Deliberation, ApplicationStatus.PublicNotice, ApplicationStatus.Approved,
        ApplicationStatus.Rejected, ApplicationStatus.Withdrawn, ApplicationStatus.Draft,
    ];

    public async Task<PipelineDto> PipelineAsync(ApplicationFilter filter, CancellationToken ct)
    {
        var scoped = Scoped();
        var counts = await scoped.GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var columns = Board
            .Where(s => user.IsAdmin ? s != ApplicationStatus.Draft : true)
            .Select(s => new PipelineColumn(s.ToString(), ApplicationLabels.Status(text, s), counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0))
            .ToList();
        return new PipelineDto(columns, await ListAsync(filter, ct));
    }

    public async Task<PagedResult<ApplicationSummaryDto>> ListAsync(ApplicationFilter f, CancellationToken ct)
    {
        var (page, size) = Paging.Normalize(f.Page, f.PageSize);
        var search = await SearchedAsync(f, ct);
        var rules = await caseRules.LoadAsync(ct);
        // Always narrowed: even an Admin's pipeline leaves out the drafts the index holds.
        var (total, capped) = await TextSearch.CountAsync(search, s => Filtered(f, s), narrowed: true, indexDecides: true, ct);
        var q = Filtered(f, search?.ForFirst((long)page * size));
        // The page's ids first, then the rule over those rows alone. Projected in the same statement as the LIMIT, the
        // rule's EXISTS on the members was costed by PostgreSQL against every row the filter could return and became a
        // hashed subplan reading all members per request (national: 50,128 members, 7.7 of 9.1 ms; 0.4 ms page first).
        var pageIds = q.OrderByDescending(a => a.StatusChangedAt).ThenBy(a => a.Id).Skip((page - 1) * size).Take(size).Select(a => a.Id);
        var onPage = db.Applications.AsNoTracking().Where(a => pageIds.Contains(a.Id));
        var rows = await Project(onPage.OrderByDescending(a => a.StatusChangedAt).ThenBy(a => a.Id), rules).ToListAsync(ct);
        return new PagedResult<ApplicationSummaryDto>(rows.Select(r => Summary(r, rules)).ToList(), page, size, total, capped);
    }

    public async IAsyncEnumerable<ApplicationSummaryDto> StreamAsync(ApplicationFilter f, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var rules = await caseRules.LoadAsync(ct);
        var q = Filtered(f, (await SearchedAsync(f, ct))?.HitsFirst());
        await foreach (var row in Project(q.OrderByDescending(a => a.StatusChangedAt).ThenBy(a => a.Id), rules).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return Summary(row, rules);
        }
    }

    /// <summary>The export's header row, the same keys as <see cref="ToExportRow"/>, so an empty export still has it.</summary>
    public IReadOnlyList<Infrastructure.Web.SheetColumn> ExportColumns() =>
        new[] { "applications.centerName", "applications.lead", "applications.keyArea", "applications.status", "applications.statusChangedAt", "applications.daysInStage", "applications.overdue", "applications.memberCount", "applications.crossRegion" }.Select(k => new Infrastructure.Web.SheetColumn(text[k])).ToList();

    public IDictionary<string, object?> ToExportRow(ApplicationSummaryDto a) => new Dictionary<string, object?>
    {
        [text["applications.centerName"]] = a.CenterName,
        [text["applications.lead"]] = a.LeadName,
        [text["applications.keyArea"]] = a.KeyAreaLabel,
        [text["applications.status"]] = a.StatusLabel,
        [text["applications.statusChangedAt"]] = a.StatusChangedAt.ToBeijing(),
        [text["applications.daysInStage"]] = Math.Round(a.DaysInStage, 1),
        [text["applications.overdue"]] = a.Overdue ? text["common.yes"] : text["common.no"],
        [text["applications.memberCount"]] = a.MemberCount,
        [text["applications.crossRegion"]] = a.CrossRegion ? text["common.yes"] : text["common.no"],
    };

    public async Task<Result<ApplicationDetailDto>> GetAsync(Guid id, CancellationToken ct)
    {
        if (!await CanReadAsync(id, ct))
        {
            return Failure.NotFound("applications.not_found");
        }

        var a = await db.Applications.AsNoTracking().AsSplitQuery()
            .Include(x => x.Members).Include(x => x.Indicators).Include(x => x.Events)
            .FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null)
        {
            return Failure.NotFound("applications.not_found");
        }

        var en = LocalizationSetup.IsEnglish;
        // The materials, labels and cross-region rule of the pack the application began under, as its eligibility.
        var pack = await versions.ForCaseAsync(a.PolicyCode, a.PolicyVersion, ct);
        var orgIds = a.Members.Select(m => m.OrganizationId).Append(a.LeadOrganizationId).Distinct().ToList();
        var orgs = await db.Organizations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var members = a.Members
            .OrderByDescending(m => m.IsLead).ThenBy(m => orgs[m.OrganizationId].Name)
            .Select(m => new ConsortiumMemberDto(
                m.OrganizationId, orgs[m.OrganizationId].CreditCode, orgs[m.OrganizationId].Name, m.Kind.ToString(),
                pack.OrganizationTypes.LabelOf(m.Kind.ToString(), en), m.Region, pack.Regions.LabelOf(m.Region, en),
                m.EquitySharePercent, m.IsLead))
            .ToList();
        var files = await attachments.ListAsync(ApplicationHandlers.OwnerType, a.Id, currentOnly: false, ct);
        var materials = pack.RequiredMaterials
            .Select(m => new MaterialDto(m.Code, m.Label(en), m.Required, files.Where(f => f.Slot == m.Code).ToList()))
            .ToList();
        var eligibility = await eligibilityRules.EvaluateAsync(a, ct);
        var objections = user.IsAdmin
            ? await db.Objections.AsNoTracking().Where(o => o.ApplicationId == a.Id).OrderBy(o => o.FiledAt)
                .Select(o => new ObjectionDto(o.Id, o.Name, o.Contact, o.Content, o.FiledAt, o.Status.ToString(), o.Resolution, o.ResolvedAt))
                .ToListAsync(ct)
            : [];
        var summary = Summary(new Row(a.Id, a.CenterName, a.LeadOrganizationId, orgs[a.LeadOrganizationId].Name, a.KeyArea, a.Status,
            a.StatusChangedAt, a.Members.Count, pack.RegionScope.IsCrossRegionConsortium(a.Members.Select(m => m.Region)), a.PolicyCode, a.PolicyVersion, a.Version), pack);
        return new ApplicationDetailDto(
            summary, a.IndustryDivision, a.PlanSummary, a.Goals, a.PolicyCode, a.PolicyVersion, a.CreatedAt, a.SubmittedAt,
            a.MeetingDate, a.DecisionNumber, a.DecisionReason, a.NoticeStartsOn, a.NoticeEndsOn, a.ApprovalNumber, a.PlaqueNumber, a.ApprovedOn,
            a.IsEditable && IsApplicant(a),
            members,
            a.Indicators.Select(i => new IndicatorDto(i.Name, i.Unit, i.Year1, i.Year2, i.Year3, i.Figure)).ToList(),
            materials,
            eligibility.Select(e => new EligibilityDto(e.Rule.Code, e.Rule.Name.For(en), e.Rule.Hard, e.Outcome.ToString(), text[e.MessageCode, e.Args])).ToList(),
            EligibilityEvaluator.Blocks(eligibility),
            Timeline(a),
            objections,
            AllowedActions(a),
            // Years of the window its pack had no holidays for: counted as weekdays (the pack said so), and shown.
            a.NoticeStartsOn is { } from && a.NoticeEndsOn is { } to ? pack.Applications.Calendar().UncoveredYears(from, to) : []);
    }

    /// <summary>The stages the application went through, each with the days it spent in the stage it left.</summary>
    private List<TimelineEntryDto> Timeline(Application a)
    {
        var entries = new List<TimelineEntryDto>();
        var enteredAt = a.CreatedAt;
        foreach (var e in a.Events.OrderBy(e => e.At))
        {
            entries.Add(new TimelineEntryDto(e.At, e.From.ToString(), e.To.ToString(), e.Action.ToString(), ApplicationLabels.Action(text, e.Action),
                e.Reason, e.ActorName, Math.Round((e.At - enteredAt).TotalDays, 1)));
            enteredAt = e.At;
        }

        return entries;
    }

    public Task<bool> CanReadAsync(Guid id, CancellationToken ct) => access.CanReadAsync(id, ct);

    private IReadOnlyList<string> AllowedActions(Application a)
    {
        var actor = user.IsAdmin ? ApplicationActor.Admin : IsApplicant(a) ? ApplicationActor.Applicant : (ApplicationActor?)null;
        return actor is null ? [] : ApplicationLifecycle.AllowedActions(a.Status, actor.Value).Select(ApplicationActionRoutes.SegmentOf).OfType<string>().ToList();
    }

    private bool IsApplicant(Application a) => user.IsInRole(Roles.CenterUser) && user.OrganizationId == a.LeadOrganizationId;

    private IQueryable<Application> Scoped()
    {
        var q = db.Applications.AsNoTracking();
        if (user.IsAdmin)
        {
            return q.Where(a => a.Status != ApplicationStatus.Draft);
        }

        if (user.IsInRole(Roles.CenterUser) && user.OrganizationId is { } org)
        {
            return q.Where(a => a.LeadOrganizationId == org);
        }

        return q.Where(a => false);
    }

    /// <summary>The index's search of the text; null for a one-character text and for a credit code (which also finds the lead).</summary>
    private async Task<TextSearch?> SearchedAsync(ApplicationFilter f, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(f.Search) || Domain.Organizations.Uscc.AsSearchedCode(f.Search) is not null
            ? null
            : await TextSearch.PrepareAsync(db, SearchKinds.Application, f.Search.Trim(), ct);

    private IQueryable<Application> Filtered(ApplicationFilter f, TextSearch? search)
    {
        var q = Scoped();
        if (Enum.TryParse<ApplicationStatus>(f.Status, true, out var status))
        {
            q = q.Where(a => a.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(f.KeyArea))
        {
            q = q.Where(a => a.KeyArea == f.KeyArea);
        }

        if (!string.IsNullOrWhiteSpace(f.Search))
        {
            var s = f.Search.Trim();
            if (Domain.Organizations.Uscc.AsSearchedCode(s) is { } code)
            {
                var hits = SearchIndex.Matching(db, SearchKinds.Application, s);
                var lead = db.Organizations.Where(o => o.CreditCode == code).Select(o => (Guid?)o.Id);
                if (hits is not null)
                {
                    q = q.Where(a => hits.Contains(a.Id) || lead.Contains(a.LeadOrganizationId));
                }

                q = q.Where(a => a.CenterName.Contains(s) || a.LeadName.Contains(s) || lead.Contains(a.LeadOrganizationId));
            }
            else
            {
                if (search is not null)
                {
                    q = search.Narrow(q, a => a.Id);
                }

                q = q.Where(a => a.CenterName.Contains(s) || a.LeadName.Contains(s));
            }
        }

        // Each application by the stage days of the pack version it began under.
        return f.Overdue == true ? q.Where(ApplicationStageClocks.Overdue(db, clock.GetUtcNow())) : q;
    }

    private sealed record Row(Guid Id, string CenterName, Guid LeadId, string LeadName, string KeyArea, ApplicationStatus Status,
        DateTimeOffset StatusChangedAt, int MemberCount, bool CrossRegion, string PolicyCode, int PolicyVersion, int Version);

    private static IQueryable<Row> Project(IQueryable<Application> q, CaseRuleSet rules) =>
        // Each application's own version's cross-region rule (RegionScope), in a form the database evaluates for the whole page.
        q.Select(Predicates.Inline<Application, bool, Row>((a, crossRegion) => new Row(
            a.Id, a.CenterName, a.LeadOrganizationId,
            a.LeadName,
            a.KeyArea, a.Status, a.StatusChangedAt, a.Members.Count,
            crossRegion,
            a.PolicyCode, a.PolicyVersion, a.Version), rules.CrossRegion()));

    private ApplicationSummaryDto Summary(Row r, CaseRuleSet rules) => Summary(r, rules.PackOf(r.PolicyCode, r.PolicyVersion));

    /// <summary>The row's stage days and labels from the pack version the application began under.</summary>
    private ApplicationSummaryDto Summary(Row r, PolicyPack pack)
    {
        var days = (clock.GetUtcNow() - r.StatusChangedAt).TotalDays;
        int? limit = pack.Applications.StageDays.TryGetValue(r.Status.ToString(), out var d) ? d : null;
        return new ApplicationSummaryDto(
            r.Id, r.CenterName, r.LeadId, r.LeadName, r.KeyArea, pack.KeyAreas.LabelOf(r.KeyArea, LocalizationSetup.IsEnglish),
            r.Status.ToString(), ApplicationLabels.Status(text, r.Status), r.StatusChangedAt, Math.Round(days, 1), limit,
            limit is { } l && days > l, r.MemberCount, r.CrossRegion, r.Version);
    }
}
