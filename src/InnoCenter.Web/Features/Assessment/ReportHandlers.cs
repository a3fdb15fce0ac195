using InnoCenter.Domain.Assessment;
using InnoCenter.Domain.Common;
using InnoCenter.Domain.Policy;
using InnoCenter.Domain.Reviews;
using InnoCenter.Web.Data;
using InnoCenter.Web.Features.Centers;
using InnoCenter.Web.Features.Ledger;
using InnoCenter.Web.Features.Reviews;
using InnoCenter.Web.Infrastructure.Files;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Assessment;

/// <summary>
/// The annual report (年度运行发展报告): the center's staff read it, attach the operation report, correct a ledger figure
/// (only with a reason and evidence; the ledger's value is kept beside it), enter manual values, refresh the figures from
/// the ledger and submit; the Admin accepts it (which opens its expert review) or returns it with a reason.
/// </summary>
public sealed partial class ReportHandlers(
    AppDbContext db, AssessmentAccess access, Attachments attachments, ReportFigures rollup, Notifier notifier,
    ReviewSubjectHandlers reviews, Bilingual bilingual, Text text, TimeProvider clock, ReportPrefiller prefiller)
{
    public const string OwnerType = "AnnualReport";
    public const string OperationReportSlot = "operation-report";

    public static string EvidenceSlot(string code) => "evidence:" + code;

    public async Task<Result<ReportDto>> GetAsync(Guid id, CancellationToken ct)
    {
        var report = await db.AnnualReports.AsNoTracking().Include(r => r.Values).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null || !await access.CanReadReportAsync(report.Id, report.CenterId, ct))
        {
            return Failure.NotFound("assessment.report_not_found");
        }

        var cycle = await db.AssessmentCycles.AsNoTracking().FirstAsync(c => c.Id == report.CycleId, ct);
        var center = await db.Centers.AsNoTracking().Where(c => c.Id == report.CenterId).Select(c => c.Name).FirstAsync(ct);
        var files = (await attachments.ListAsync(OwnerType, id, currentOnly: false, ct)).ToDictionary(f => f.Id);
        var operation = files.Values.Where(f => f.Slot == OperationReportSlot && f.IsCurrent).FirstOrDefault();
        var shape = new ReportShape(cycle.Rules);
        var en = LocalizationSetup.IsEnglish;
        var canEdit = report.IsEditable && cycle.AcceptsFiling && await access.CanFileAsync(report.CenterId, ct);
        var today = clock.TodayInBeijing();

        AttachmentDto? FileOf(Guid? fileId) => fileId is { } f ? files.GetValueOrDefault(f) : null;

        var figures = report.Values.Where(v => v.Kind == ReportValueKind.Figure)
            .OrderBy(v => IndexOf(shape.FigureKeys, v.Code))
            .Select(v => new FigureDto(
                v.Code, text[$"ledger.rollup.{v.Code}"], text[$"assessment.unit.{v.Code}"], v.LedgerValue, v.Value, v.IsCorrected,
                v.Reason, FileOf(v.EvidenceFileId), shape.UsersOf(v.Code).Select(i => i.Label(en)).ToList(), rollup.ModuleKeys.Contains(v.Code)))
            .ToList();
        var filled = await prefiller.FilledCodesAsync(cycle, report, ct);
        var manual = shape.Manual
            .Select(i => (Indicator: i, Value: report.Find(i.Code)))
            .Select(x => new ManualValueDto(
                x.Indicator.Code, x.Indicator.Label(en), x.Indicator.Unit?.For(en) ?? string.Empty, x.Value?.Value, x.Indicator.EvidenceRequired,
                FileOf(x.Value?.EvidenceFileId), DimensionLabel(shape.Rules, x.Indicator.Dimension, en), filled.Contains(x.Indicator.Code)))
            .ToList();

        var result = await db.AssessmentResults.AsNoTracking().Where(r => r.ReportId == id)
            .Select(r => new { r.PublishedAt, r.DetailJson }).FirstOrDefaultAsync(ct);
        var resultVisible = result is not null && await access.CanReadResultAsync(report.CenterId, result.PublishedAt is not null, ct);
        var grades = resultVisible
            ? System.Text.Json.JsonSerializer.Deserialize<ResultDetail>(result!.DetailJson, AssessmentCycle.Json)!.Lines
                .Where(l => l.Grade is not null).ToDictionary(l => l.Indicator, l => l.Grade!)
            : [];
        var qualitative = shape.Qualitative.Select(i =>
        {
            var grade = grades.GetValueOrDefault(i.Code);
            var label = grade is null ? null : (i.Rule as ExpertGradeRule)?.Find(grade)?.Label(en);
            return new QualitativeDto(i.Code, i.Label(en), DimensionLabel(shape.Rules, i.Dimension, en), grade, label);
        }).ToList();

        ReviewStatus? review = null;
        Guid? subjectId = null;
        if (access.IsAdmin)
        {
            review = await reviews.GetStatusAsync(ReviewSubjectKind.AnnualReport, id, ct);
            subjectId = review.SubjectId;
        }

        return new ReportDto(
            report.Id, report.CycleId, report.Year, report.CenterId, center, report.Status.ToString(), text[$"assessment.report_status.{report.Status}"],
            report.IsRecheck, cycle.Deadline, report.IsEditable && cycle.DeadlinePassed(today), report.SubmittedAt, report.SubmittedLate,
            report.ReturnReason, report.LedgerReadAt, operation, figures, manual, qualitative, canEdit,
            access.IsAdmin && report.Status == ReportStatus.Submitted && cycle.AcceptsFiling, subjectId, review, resultVisible,
            cycle.PolicyCode, cycle.PolicyVersion, report.Version);
    }

    /// <summary>
    /// Changes one value. A figure different from the ledger needs a reason and evidence (uploaded with it, or already
    /// attached to that figure); an empty figure goes back to the ledger's value. A manual value is entered as typed;
    /// "N/A", a word or another unit is refused by name.
    /// </summary>
    public async Task<Result<ReportDto>> SetValueAsync(Guid id, string code, ValueRequest request, IFormFile? evidence, CancellationToken ct)
    {
        var (report, cycle, failure) = await LoadForFilingAsync(id, request.Version, ct);
        if (failure is not null)
        {
            return failure;
        }

        var value = report!.Find(code);
        if (value is null)
        {
            return Failure.Validation(new Error("assessment.value_unknown", "code", code));
        }

        var shape = new ReportShape(cycle!.Rules);
        var en = LocalizationSetup.IsEnglish;
        Result<decimal?> parsed;
        if (value.Kind == ReportValueKind.Figure)
        {
            parsed = ReportValueParser.Parse(request.Value, ReportShape.ShapeOfFigure(code), bilingual.Both($"assessment.unit.{code}"), "value");
        }
        else if (await prefiller.FillsAsync(cycle, report, code, ct))
        {
            return Failure.Validation(new Error("assessment.value_prefilled", "value", shape.Find(code)!.Label(en)));
        }
        else
        {
            var indicator = shape.Find(code)!;
            parsed = ReportValueParser.Parse(request.Value, ReportShape.ShapeOf(indicator), ReportShape.UnitsOf(indicator, en), "value");
        }

        if (!parsed.IsSuccess)
        {
            return parsed.Failure!;
        }

        var by = access.UserId;
        var now = clock.GetUtcNow();
        if (value.Kind == ReportValueKind.Figure)
        {
            var target = parsed.Value ?? value.LedgerValue ?? 0m;
            var changes = target != value.LedgerValue;

            // Check the reason before storing a file, so that a refused change leaves no orphan upload behind.
            if (changes && string.IsNullOrWhiteSpace(request.Reason))
            {
                var missing = new List<Error> { new("assessment.change_reason_required", "reason", value.LedgerValue ?? 0m) };
                if (evidence is null && value.EvidenceFileId is null)
                {
                    missing.Add(new Error("assessment.change_evidence_required", "evidence"));
                }

                return Failure.Validation(missing);
            }

            var fileId = changes ? await StageEvidenceAsync(id, code, evidence, ct) : Result<Guid?>.Ok(null);
            if (!fileId.IsSuccess)
            {
                return fileId.Failure!;
            }

            var corrected = report.CorrectFigure(code, target, request.Reason, fileId.Value, by, now);
            if (!corrected.IsSuccess)
            {
                return corrected.Failure!;
            }
        }
        else
        {
            var fileId = await StageEvidenceAsync(id, code, evidence, ct);
            if (!fileId.IsSuccess)
            {
                return fileId.Failure!;
            }

            var entered = report.EnterManual(code, parsed.Value, fileId.Value, by, now);
            if (!entered.IsSuccess)
            {
                return entered.Failure!;
            }
        }

        return await SaveThenGetAsync(report, ct);
    }

    /// <summary>Attaches the operation report document (运行发展报告); a new upload becomes its next version.</summary>
    public async Task<Result<ReportDto>> UploadOperationReportAsync(Guid id, IFormFile? file, int? version, CancellationToken ct)
    {
        var (report, _, failure) = await LoadForFilingAsync(id, version, ct);
        if (failure is not null)
        {
            return failure;
        }

        var staged = await attachments.StageAsync(OwnerType, id, OperationReportSlot, file, ct);
        if (!staged.IsSuccess)
        {
            return staged.Failure!;
        }

        report!.Touch(clock.GetUtcNow());
        return await SaveThenGetAsync(report, ct);
    }

    /// <summary>Reads the year's ledger figures again (uncorrected figures follow the ledger; corrections stay).</summary>
    public async Task<Result<ReportDto>> RefreshAsync(Guid id, int? version, CancellationToken ct)
    {
        var (report, cycle, failure) = await LoadForFilingAsync(id, version, ct);
        if (failure is not null)
        {
            return failure;
        }

        var refreshed = report!.RefreshLedger(await rollup.ForCenterYearAsync(report.CenterId, report.Year, ct), clock.GetUtcNow());
        await prefiller.ApplyAsync(cycle!, [report], ct);
        return refreshed.IsSuccess ? await SaveThenGetAsync(report, ct) : refreshed.Failure!;
    }

    /// <summary>
    /// Submits the report with the ledger figures as they stand now; every missing item is named. A report submitted after
    /// the deadline is accepted for checking but marked late.
    /// </summary>
    public async Task<Result<ReportDto>> SubmitAsync(Guid id, int? version, CancellationToken ct)
    {
        var (report, cycle, failure) = await LoadForFilingAsync(id, version, ct);
        if (failure is not null)
        {
            return failure;
        }

        var now = clock.GetUtcNow();
        report!.RefreshLedger(await rollup.ForCenterYearAsync(report.CenterId, report.Year, ct), now);
        await prefiller.ApplyAsync(cycle!, [report], ct);
        var hasDocument = await db.StoredFiles.AnyAsync(f => f.OwnerType == OwnerType && f.OwnerId == id && f.Slot == OperationReportSlot && f.IsCurrent, ct);
        var shape = new ReportShape(cycle!.Rules);
        var submitted = report.Submit(new SubmissionRequirements(hasDocument, shape.EvidenceRequired), clock.TodayInBeijing(), cycle.Deadline, access.UserId, now);
        if (!submitted.IsSuccess)
        {
            // The domain names a value by its code; the person filing knows it by its label.
            var en = LocalizationSetup.IsEnglish;
            return submitted.Failure! with
            {
                Errors = submitted.Failure!.Errors
                    .Select(e => e.Args is [string code] && shape.Find(code) is { } i ? e with { Args = [i.Label(en)] } : e)
                    .ToList(),
            };
        }

        var center = await db.Centers.AsNoTracking().Where(c => c.Id == report.CenterId).Select(c => c.Name).FirstAsync(ct);
        await notifier.NotifyAsync(await Recipients.AdminsAsync(db, ct), "assessment.notify.submitted", AssessmentLinks.Report(id), ct, center, report.Year);
        return await SaveThenGetAsync(report, ct);
    }

    private async Task<Result<Guid?>> StageEvidenceAsync(Guid reportId, string code, IFormFile? evidence, CancellationToken ct)
    {
        if (evidence is null)
        {
            return (Guid?)null;
        }

        var staged = await attachments.StageAsync(OwnerType, reportId, EvidenceSlot(code), evidence, ct, "evidence");
        return staged.IsSuccess ? staged.Value.Id : staged.Failure!;
    }

    private async Task<(AnnualReport? Report, AssessmentCycle? Cycle, Failure? Failure)> LoadForFilingAsync(Guid id, int? version, CancellationToken ct)
    {
        var report = await db.AnnualReports.Include(r => r.Values).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null || !await access.CanReadReportAsync(report.Id, report.CenterId, ct))
        {
            return (null, null, Failure.NotFound("assessment.report_not_found"));
        }

        if (!await access.CanFileAsync(report.CenterId, ct))
        {
            return (null, null, Failure.Forbidden("assessment.only_center_files"));
        }

        var cycle = await db.AssessmentCycles.AsNoTracking().FirstAsync(c => c.Id == report.CycleId, ct);
        if (!cycle.AcceptsFiling)
        {
            return (null, null, Failure.IllegalTransition("assessment.cycle_closed", cycle.Year));
        }

        if (!report.IsEditable)
        {
            return (null, null, Failure.IllegalTransition("assessment.report_not_editable", text[$"assessment.report_status.{report.Status}"]));
        }

        if (version is { } v && v != report.Version)
        {
            return (null, null, Failure.Conflict(VersionedSave.ConcurrencyCode));
        }

        return (report, cycle, null);
    }

    private async Task<Result<ReportDto>> SaveThenGetAsync(AnnualReport report, CancellationToken ct)
    {
        if (await db.SaveVersionedAsync(ct) is { } lost)
        {
            return lost;
        }

        return await GetAsync(report.Id, ct);
    }

    private static int IndexOf(IReadOnlyList<string> keys, string key)
    {
        for (var i = 0; i < keys.Count; i++)
        {
            if (keys[i] == key)
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    public static string DimensionLabel(AssessmentRules rules, string code, bool english) =>
        rules.IndicatorSystem.Dimensions.FirstOrDefault(d => d.Code == code)?.Label(english) ?? code;
}
