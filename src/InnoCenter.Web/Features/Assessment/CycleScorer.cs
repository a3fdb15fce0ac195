using System.Text.Json;
using InnoCenter.Domain.Assessment;
using InnoCenter.Domain.Common;
using InnoCenter.Domain.Policy;
using InnoCenter.Domain.Reviews;
using InnoCenter.Web.Data;
using InnoCenter.Web.Features.Centers;
using InnoCenter.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;
using InnoCenter.Web.Infrastructure.Localization;

namespace InnoCenter.Web.Features.Assessment;

/// <summary>What scoring a cycle did: how many results, how many complete, and the grades.</summary>
public sealed record ScoreRun(Guid CycleId, IReadOnlyList<AssessmentResult> Results);

/// <summary>
/// Scores a whole cycle set-based: the reports' values, the panels of their reviews, the panels' seats and every score
/// item are each read in one query whatever the number of centers; the domain calculator scores every center in memory
/// with the rules frozen into the cycle; the results replace the previous ones in one transaction.
/// <para>
/// The figures scored are those of the accepted reports — the ledger roll-up as it stood when the center submitted,
/// with its confirmed corrections — so a ledger edited after acceptance cannot move a result behind the Admin's back.
/// </para>
/// A qualitative indicator is graded only once every seat of the report's panel has accepted and scored; until then it is
/// missing and the result is incomplete (it can be looked at, not published).
/// <para>
/// A report still unfiled when the cycle is scored (a draft, or returned and not filed again) takes the grade the cycle's
/// rules give for that (<c>consequences.unfiledGrade</c>, 未按期报送) at 0 points; a report filed and awaiting the Admin's
/// check always holds the scoring, since its content may yet count.
/// </para>
/// <para>
/// Only an Admin scores, and the scorer asks for itself rather than trusting its caller to have asked.
/// </para>
/// </summary>
public sealed class CycleScorer(AppDbContext db, CurrentUser user, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<Result<ScoreRun>> ScoreAsync(Guid cycleId, CancellationToken ct)
    {
        if (!user.IsAdmin)
        {
            return Failure.Forbidden();
        }

        var cycle = await db.AssessmentCycles.FirstOrDefaultAsync(c => c.Id == cycleId, ct);
        if (cycle is null)
        {
            return Failure.NotFound("assessment.cycle_not_found");
        }

        var now = clock.GetUtcNow();
        var marked = cycle.MarkScored(clock.TodayInBeijing(), user.Id, now);
        if (!marked.IsSuccess)
        {
            return marked.Failure!;
        }

        var reports = await (from r in db.AnnualReports.AsNoTracking()
                             join c in db.Centers on r.CenterId equals c.Id
                             where r.CycleId == cycleId
                             select new { r.Id, r.CenterId, r.Status, c.Name }).ToListAsync(ct);
        var rules = cycle.Rules;
        // The rule the cycle was opened under decides what an unfiled report gets; without one, every report must be accepted.
        var unfiledGrade = rules.Consequences.UnfiledGrade is { } code ? rules.FindGrade(code) : null;
        var unfiled = reports.Where(r => unfiledGrade is not null && r.Status is ReportStatus.Draft or ReportStatus.Returned).ToList();
        var pending = reports.Where(r => r.Status != ReportStatus.Accepted).Except(unfiled).OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
        if (pending.Count > 0)
        {
            return Failure.IllegalTransition(
                "assessment.reports_not_accepted", pending.Count, CyclePublisher.Names(pending.Select(p => p.Name).ToList()));
        }

        // Values are decimals, which SQLite keeps as text: read them as they are and add nothing up in SQL.
        var values = await (from v in db.AnnualReportValues.AsNoTracking()
                            join r in db.AnnualReports on v.ReportId equals r.Id
                            where r.CycleId == cycleId && v.Value != null
                            select new { v.ReportId, v.Code, v.Kind, v.Value }).ToListAsync(ct);

        var panels = await (from s in db.ReviewSubjects.AsNoTracking()
                            join r in db.AnnualReports on s.ReferenceId equals r.Id
                            join p in db.ReviewPanels on s.Id equals p.SubjectId
                            where s.Kind == ReviewSubjectKind.AnnualReport && r.CycleId == cycleId
                            select new { ReportId = r.Id, PanelId = p.Id, p.Size, p.FormJson, p.AggregationJson }).ToListAsync(ct);
        var seats = await (from m in db.PanelMembers.AsNoTracking()
                           join p in db.ReviewPanels on m.PanelId equals p.Id
                           join s in db.ReviewSubjects on p.SubjectId equals s.Id
                           join r in db.AnnualReports on s.ReferenceId equals r.Id
                           where s.Kind == ReviewSubjectKind.AnnualReport && r.CycleId == cycleId
                                 && (m.Status == PanelMemberStatus.Invited || m.Status == PanelMemberStatus.Accepted)
                           select new { m.PanelId, m.Id, m.Status }).ToListAsync(ct);
        var items = await (from sheet in db.ScoreSheets.AsNoTracking()
                           from i in sheet.Items
                           join p in db.ReviewPanels on sheet.PanelId equals p.Id
                           join s in db.ReviewSubjects on p.SubjectId equals s.Id
                           join r in db.AnnualReports on s.ReferenceId equals r.Id
                           where s.Kind == ReviewSubjectKind.AnnualReport && r.CycleId == cycleId
                           select new { sheet.PanelId, SheetId = sheet.Id, sheet.PanelMemberId, i.CriterionCode, i.Points }).ToListAsync(ct);

        var qualitative = rules.IndicatorSystem.Indicators.Where(i => i.Kind == IndicatorKind.Qualitative).ToList();
        var seatsByPanel = seats.ToLookup(s => s.PanelId);
        var itemsByPanel = items.ToLookup(i => i.PanelId);
        var grades = new Dictionary<Guid, IReadOnlyDictionary<string, string>>();
        foreach (var panel in panels)
        {
            var active = seatsByPanel[panel.PanelId].ToList();
            var sheets = itemsByPanel[panel.PanelId]
                .GroupBy(i => (i.SheetId, i.PanelMemberId))
                .Where(g => active.Any(a => a.Id == g.Key.PanelMemberId))
                .Select(g => new SheetPoints(g.Key.SheetId, g.ToDictionary(i => i.CriterionCode, i => i.Points)))
                .ToList();
            var finished = active.Count == panel.Size && active.All(a => a.Status == PanelMemberStatus.Accepted) && sheets.Count == panel.Size;
            if (!finished)
            {
                continue;
            }

            var form = JsonSerializer.Deserialize<ScoringForm>(panel.FormJson, Json) ?? new ScoringForm();
            var aggregation = JsonSerializer.Deserialize<AggregationRules>(panel.AggregationJson, Json) ?? new AggregationRules();
            var aggregate = ScoreAggregation.Aggregate(sheets, form, aggregation);
            var result = new PanelResult(
                form.Criteria.Select(c => new PanelCriterion(c.Code, c.MaxPoints, aggregate.Criteria.FirstOrDefault(a => a.Code == c.Code)?.Value)).ToList(),
                aggregate.Total,
                form.MaxTotal);
            grades[panel.ReportId] = PanelGrading.GradesFor(qualitative, result);
        }

        var valuesByReport = values.ToLookup(v => v.ReportId);
        var inputs = reports.Except(unfiled).Select(r => new CenterInputs(r.CenterId)
        {
            Figures = valuesByReport[r.Id].Where(v => v.Kind == ReportValueKind.Figure).ToDictionary(v => v.Code, v => v.Value!.Value, StringComparer.Ordinal),
            ManualValues = valuesByReport[r.Id].Where(v => v.Kind == ReportValueKind.Manual).ToDictionary(v => v.Code, v => v.Value!.Value, StringComparer.Ordinal),
            ExpertGrades = grades.GetValueOrDefault(r.Id) ?? new Dictionary<string, string>(),
        }).ToList();
        var scores = new AssessmentCalculator(rules).ScoreAll(inputs);
        var reportOf = reports.ToDictionary(r => r.CenterId, r => r.Id);
        var results = scores.Select(s => AssessmentResult.From(cycle.Id, reportOf[s.CenterId], cycle.Year, s, now))
            .Concat(unfiled.Select(r => AssessmentResult.ForUnfiled(cycle.Id, r.Id, cycle.Year, r.CenterId, unfiledGrade!, now)))
            .ToList();

        // The previous results go through the context, not a bulk delete, so that the audit log records their removal.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.AssessmentResults.RemoveRange(await db.AssessmentResults.Where(r => r.CycleId == cycleId).ToListAsync(ct));
        db.AssessmentResults.AddRange(results);
        // The overview's statistics and order change only here: kept with the results, in the same transaction.
        var nameOf = reports.ToDictionary(r => r.CenterId, r => r.Name);
        var figures = CycleFigures.Compute(CycleStatisticsStore.DimensionCodes(rules), results.Select(r => new RankedResult(
            r.ReportId, nameOf[r.CenterId], r.Total, r.Grade, r.IsComplete, r.Unfiled, r.Detail.Dimensions)).ToList());
        await CycleStatisticsStore.KeepAsync(db, cycle.Id, figures, now, ct);
        // Another Admin scored or published the cycle meanwhile; theirs stands.
        if (await db.SaveVersionedAsync(ct) is { } lost)
        {
            return lost;
        }

        await tx.CommitAsync(ct);
        return new ScoreRun(cycle.Id, results);
    }
}
