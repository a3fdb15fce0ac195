using InnoCenter.Web.Data;
using InnoCenter.Domain.Assessment;
using InnoCenter.Domain.Common;
using InnoCenter.Domain.Reviews;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Assessment;

/// <summary>The Admin's decision on a submitted annual report: accept it (which opens its expert review) or return it with a reason.</summary>
public sealed partial class ReportHandlers
{
    /// <summary>受理: the report is final; its expert review subject is registered so that a panel can be drawn for it.</summary>
    public async Task<Result<ReportDto>> AcceptAsync(Guid id, ReportDecisionRequest request, CancellationToken ct)
    {
        var (report, cycle, failure) = await LoadForDecisionAsync(id, request.Version, ct);
        if (failure is not null)
        {
            return failure;
        }

        var accepted = report!.Accept(access.UserId, clock.GetUtcNow());
        if (!accepted.IsSuccess)
        {
            return accepted.Failure!;
        }

        var center = await db.Centers.AsNoTracking().FirstAsync(c => c.Id == report.CenterId, ct);
        var parties = await PartiesAsync(center.Id, center.LegalEntityCreditCode, report.Year, ct);
        await reviews.EnsureSubjectAsync(
            ReviewSubjectKind.AnnualReport, report.Id, bilingual.Zh("assessment.review_title", center.Name, report.Year), center.KeyArea, cycle!.Year, parties, ct);
        await NotifyCenterAsync(center.LeadOrganizationId, center.LegalEntityOrganizationId, "assessment.notify.accepted", id, ct, report.Year);
        return await SaveThenGetAsync(report, ct);
    }

    public async Task<Result<ReportDto>> ReturnAsync(Guid id, ReportDecisionRequest request, CancellationToken ct)
    {
        var (report, _, failure) = await LoadForDecisionAsync(id, request.Version, ct);
        if (failure is not null)
        {
            return failure;
        }

        var returned = report!.Return(request.Reason, access.UserId, clock.GetUtcNow());
        if (!returned.IsSuccess)
        {
            return returned.Failure!;
        }

        var center = await db.Centers.AsNoTracking().FirstAsync(c => c.Id == report.CenterId, ct);
        await NotifyCenterAsync(center.LeadOrganizationId, center.LegalEntityOrganizationId, "assessment.notify.returned", id, ct, report.Year, report.ReturnReason!);
        return await SaveThenGetAsync(report, ct);
    }

    private async Task NotifyCenterAsync(Guid lead, Guid? legalEntity, string key, Guid reportId, CancellationToken ct, params object[] args)
    {
        var staff = await CycleHandlers.StaffOfAsync(db, [(lead, legalEntity)], ct);
        await notifier.NotifyAsync(CycleHandlers.StaffFor(staff, lead, legalEntity), key, AssessmentLinks.Report(reportId), ct, args);
    }

    /// <summary>The credit codes of the lead, the legal entity and every organisation that was a member during the year: experts tied to any of them are in conflict.</summary>
    private async Task<List<string>> PartiesAsync(Guid centerId, string? legalEntityCode, int year, CancellationToken ct)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var codes = await (from m in db.CenterMemberships.AsNoTracking()
                           join o in db.Organizations on m.OrganizationId equals o.Id
                           where m.CenterId == centerId && m.JoinedOn <= last && (m.LeftOn == null || m.LeftOn >= first)
                           select o.CreditCode).Distinct().ToListAsync(ct);
        var lead = await (from c in db.Centers join o in db.Organizations on c.LeadOrganizationId equals o.Id where c.Id == centerId select o.CreditCode).FirstAsync(ct);
        codes.Add(lead);
        if (legalEntityCode is not null)
        {
            codes.Add(legalEntityCode);
        }

        return codes.Distinct().ToList();
    }

    private async Task<(AnnualReport? Report, AssessmentCycle? Cycle, Failure? Failure)> LoadForDecisionAsync(Guid id, int? version, CancellationToken ct)
    {
        if (!access.IsAdmin)
        {
            var visible = await access.CanReadReportByIdAsync(id, ct);
            return (null, null, visible ? Failure.Forbidden() : Failure.NotFound("assessment.report_not_found"));
        }

        var report = await db.AnnualReports.Include(r => r.Values).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
        {
            return (null, null, Failure.NotFound("assessment.report_not_found"));
        }

        var cycle = await db.AssessmentCycles.AsNoTracking().FirstAsync(c => c.Id == report.CycleId, ct);
        if (!cycle.AcceptsFiling)
        {
            return (null, null, Failure.IllegalTransition("assessment.cycle_closed", cycle.Year));
        }

        if (version is { } v && v != report.Version)
        {
            return (null, null, Failure.Conflict(VersionedSave.ConcurrencyCode));
        }

        return (report, cycle, null);
    }
}
