using InnoCenter.Web.Infrastructure.Policy;
using System.Globalization;
using System.Runtime.CompilerServices;
using InnoCenter.Domain.Assessment;
using InnoCenter.Domain.Common;
using InnoCenter.Domain.Documents;
using InnoCenter.Domain.Policy;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Documents;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Assessment;

/// <summary>
/// The result notice of a center (考核结果通知, .docx in the official layout, with the scorecard as a table) and the cycle
/// overview: score and grade distribution, per dimension, with an Excel export that carries, for every indicator of every
/// center, the value and — for a ratio — its numerator and denominator.
/// </summary>
public sealed class AssessmentDocuments(
    AppDbContext db, AssessmentAccess access, ScorecardQueries scorecards, PolicyVersions packs, CyclePublisher publisher, Bilingual bilingual, Text text,
    Infrastructure.Documents.DocumentNumbers numbers, Infrastructure.Policy.PolicyProvider policy)
{
    public async Task<Result<(byte[] Content, string FileName)>> ScorecardDocxAsync(Guid reportId, CancellationToken ct)
    {
        var found = await scorecards.GetAsync(reportId, ct);
        if (!found.IsSuccess)
        {
            return found.Failure!;
        }

        // An official document is written in Chinese whatever the reader's language.
        var card = found.Value;
        var pack = await packs.FindAsync(card.PolicyCode, card.PolicyVersion, ct);
        var rules = (await db.AssessmentCycles.AsNoTracking().FirstAsync(c => c.Id == card.CycleId, ct)).Rules;
        var issuer = pack?.Applications.IssuingBody.Zh ?? string.Empty;
        var programme = pack?.Applications.ProgrammeName.Zh ?? string.Empty;
        var grade = rules.FindGrade(card.Grade)?.Zh ?? card.Grade;
        var indicators = rules.IndicatorSystem.Indicators.ToDictionary(i => i.Code);
        var rows = card.Dimensions.SelectMany(d => d.Lines.Select(l => (IReadOnlyList<string>)
        [
            ReportHandlers.DimensionLabel(rules, d.Code, false),
            indicators.TryGetValue(l.Code, out var i) ? i.Zh : l.Code,
            ValueText(l, indicators.GetValueOrDefault(l.Code)),
            Num(l.Points) + " / " + Num(l.MaxPoints),
        ])).ToList();
        rows.Add([bilingual.Zh("assessment.total"), string.Empty, string.Empty, Num(card.Total) + " / 100"]);
        var body = new List<string>
        {
            bilingual.Zh("assessment.doc.body", card.Year, programme, Num(card.Total), grade),
        };
        if (card.Decision is not null
            && await db.AssessmentDecisions.AsNoTracking().FirstOrDefaultAsync(d => d.CycleId == card.CycleId && d.CenterId == card.CenterId, ct) is { } decision)
        {
            body.Add(bilingual.Zh("assessment.doc.consequence", publisher.Explain(decision, rules, "zh-CN")));
        }

        if (!card.Published)
        {
            body.Insert(0, bilingual.Zh("assessment.doc.draft"));
        }

        // A result notice takes its number when it is first produced after publication; a draft has none and no seal.
        var date = (card.PublishedAt ?? card.ScoredAt).BeijingDate();
        var pattern = pack?.Applications.DocumentNumberFormats.GetValueOrDefault(DocumentKinds.AssessmentResult)
            ?? policy.Current.Applications.DocumentNumberFormats.GetValueOrDefault(DocumentKinds.AssessmentResult);
        var number = card.Published ? await numbers.GetOrIssueAsync(DocumentKinds.AssessmentResult, reportId, pattern, date.Year, ct) : null;
        var doc = new OfficialDocument(
            issuer,
            number,
            bilingual.Zh("assessment.doc.title", card.CenterName, card.Year),
            card.CenterName,
            body,
            date)
        {
            Tables =
            [
                new DocumentTable(
                    bilingual.Zh("assessment.doc.table", card.Year),
                    [bilingual.Zh("assessment.dimension"), bilingual.Zh("assessment.indicator"), bilingual.Zh("assessment.value"), bilingual.Zh("assessment.points")],
                    rows),
            ],
            Draft = !card.Published,
        };
        return (doc.ToDocx(), $"考核结果-{card.CenterName}-{card.Year}.docx");
    }

    public async Task<bool> CycleExistsAsync(Guid cycleId, CancellationToken ct) =>
        access.IsAdmin && await db.AssessmentCycles.AnyAsync(c => c.Id == cycleId, ct);

    /// <summary>
    /// The overview of a cycle: its statistics from the row kept when it was scored (<see cref="CycleStatisticsStore"/>),
    /// and one page of its results in the order kept with them (total, highest first, then the center's name).
    /// </summary>
    public async Task<Result<OverviewDto>> OverviewAsync(Guid cycleId, int? page, int? pageSize, CancellationToken ct)
    {
        if (!access.IsAdmin)
        {
            return Failure.NotFound("assessment.cycle_not_found");
        }

        // The cycle's columns that the overview shows, not its exclusions (tens of kilobytes at national scale).
        var cycle = await db.AssessmentCycles.AsNoTracking().Where(c => c.Id == cycleId)
            .Select(c => new { c.Id, c.Year, c.Status, c.PolicyCode, c.PolicyVersion, c.RulesJson }).FirstOrDefaultAsync(ct);
        if (cycle is null)
        {
            return Failure.NotFound("assessment.cycle_not_found");
        }

        var rules = AssessmentCycle.ReadRules(cycle.RulesJson);
        var figures = await CycleStatisticsStore.FiguresAsync(db, cycle.Id, rules, ct);
        var (p, size) = Paging.Normalize(page, pageSize);
        var ids = figures.Ranking.Skip((p - 1) * size).Take(size).ToList();
        var rows = (await (from r in db.AssessmentResults.AsNoTracking()
                           join c in db.Centers on r.CenterId equals c.Id
                           where r.CycleId == cycleId && ids.Contains(r.ReportId)
                           select new { r.ReportId, r.CenterId, r.Total, r.Grade, r.IsComplete, r.Unfiled, r.DetailJson, c.Name }).ToListAsync(ct))
            .ToDictionary(r => r.ReportId);
        var centerIds = rows.Values.Select(r => r.CenterId).ToList();
        var decisions = await db.AssessmentDecisions.AsNoTracking().Where(d => d.CycleId == cycleId && centerIds.Contains(d.CenterId)).ToDictionaryAsync(d => d.CenterId, ct);
        var en = LocalizationSetup.IsEnglish;
        var dimensions = rules.IndicatorSystem.Dimensions.Select(d =>
        {
            var kept = figures.Dimensions.FirstOrDefault(x => x.Code == d.Code);
            return new DimensionStat(d.Code, d.Label(en), d.Points, kept?.Mean, kept?.Min, kept?.Max);
        }).ToList();
        var grades = rules.GradeBands.Select(b =>
        {
            var count = figures.GradeCounts.GetValueOrDefault(b.Code);
            return new GradeShare(b.Code, b.Label(en), b.Min, count, figures.Results == 0 ? 0m : Math.Round(100m * count / figures.Results, 1, MidpointRounding.AwayFromZero));
        }).ToList();
        // A result removed since the figures were kept (the cycle scored again by another node meanwhile) is skipped.
        var centers = ids.Where(rows.ContainsKey).Select(id => rows[id]).Select(r => new OverviewRow(
            r.ReportId, r.Name, r.Total, r.Grade, rules.FindGrade(r.Grade)?.Label(en) ?? r.Grade, r.IsComplete,
            DimensionsOf(r.DetailJson).ToDictionary(d => d.Dimension, d => d.Points),
            decisions.TryGetValue(r.CenterId, out var decision) ? text[$"assessment.consequence.{decision.Kind}"] : null, r.Unfiled)).ToList();
        return new OverviewDto(
            cycle.Id, cycle.Year, cycle.Status.ToString(), text[$"assessment.cycle_status.{cycle.Status}"], cycle.PolicyCode, cycle.PolicyVersion,
            figures.Results, figures.Complete, figures.Mean, figures.Min, figures.Max,
            grades, dimensions, new PagedResult<OverviewRow>(centers, p, size, figures.Ranking.Count));
    }

    /// <summary>
    /// The dimensions of a stored breakdown, read up to the end of its <c>dimensions</c> array: they are written first
    /// (<see cref="ResultDetail"/>), so the indicator lines — nine tenths of the text — are never parsed.
    /// </summary>
    internal static IReadOnlyList<ResultDimension> DimensionsOf(string detailJson)
    {
        var reader = new System.Text.Json.Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(detailJson));
        if (reader.Read() && reader.TokenType == System.Text.Json.JsonTokenType.StartObject && reader.Read()
            && reader.TokenType == System.Text.Json.JsonTokenType.PropertyName && reader.ValueTextEquals("dimensions"u8) && reader.Read())
        {
            return System.Text.Json.JsonSerializer.Deserialize<List<ResultDimension>>(ref reader, AssessmentCycle.Json) ?? [];
        }

        return System.Text.Json.JsonSerializer.Deserialize<DimensionsOnly>(detailJson, AssessmentCycle.Json)?.Dimensions ?? [];
    }

    /// <summary>
    /// One row per indicator of every center, streamed from the results: value, numerator and denominator (with the
    /// names of the figures they are), expert grade, points and full marks, and the center's total and grade.
    /// </summary>
    public async IAsyncEnumerable<ExportLine> ExportLinesAsync(Guid cycleId, [EnumeratorCancellation] CancellationToken ct)
    {
        var cycle = await db.AssessmentCycles.AsNoTracking().FirstAsync(c => c.Id == cycleId, ct);
        var rules = cycle.Rules;
        var en = LocalizationSetup.IsEnglish;
        var indicators = rules.IndicatorSystem.Indicators.ToDictionary(i => i.Code);
        var rows = (from r in db.AssessmentResults.AsNoTracking()
                    join c in db.Centers on r.CenterId equals c.Id
                    join o in db.Organizations on c.LeadOrganizationId equals o.Id
                    where r.CycleId == cycleId
                    orderby c.Name
                    select new { r.DetailJson, r.Total, r.Grade, c.Name, o.CreditCode }).AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(ct))
        {
            var detail = System.Text.Json.JsonSerializer.Deserialize<ResultDetail>(row.DetailJson, AssessmentCycle.Json)!;
            var gradeLabel = rules.FindGrade(row.Grade)?.Label(en) ?? row.Grade;
            foreach (var line in detail.Lines)
            {
                var indicator = indicators.GetValueOrDefault(line.Indicator);
                var ratio = indicator?.Source as RatioSource;
                yield return new ExportLine(
                    row.Name, row.CreditCode, cycle.Year, row.Total, gradeLabel,
                    ReportHandlers.DimensionLabel(rules, line.Dimension, en), indicator?.Label(en) ?? line.Indicator,
                    indicator is null ? string.Empty : text[$"assessment.kind.{indicator.Kind}"], indicator?.Unit?.For(en) ?? string.Empty,
                    line.Value, ratio is null ? null : text[$"ledger.rollup.{ratio.Numerator}"], line.Numerator,
                    ratio is null ? null : text[$"ledger.rollup.{ratio.Denominator}"], line.Denominator,
                    line.Grade is null ? null : (indicator?.Rule as ExpertGradeRule)?.Find(line.Grade)?.Label(en) ?? line.Grade,
                    line.Points, line.MaxPoints, text[$"assessment.line_status.{line.Status}"]);
            }
        }
    }

    /// <summary>The export's header row, the same keys as <see cref="ToExportRow"/>, so an empty export still has it.</summary>
    public IReadOnlyList<Infrastructure.Web.SheetColumn> ExportColumns() =>
        new[] { "assessment.center", "assessment.export.credit_code", "assessment.year", "assessment.total", "assessment.grade", "assessment.dimension", "assessment.indicator", "assessment.export.kind", "assessment.export.unit", "assessment.value", "assessment.export.numerator_of", "assessment.export.numerator", "assessment.export.denominator_of", "assessment.export.denominator", "assessment.export.expert_grade", "assessment.points", "assessment.max_points", "assessment.export.status" }.Select(k => new Infrastructure.Web.SheetColumn(text[k])).ToList();

    public IDictionary<string, object?> ToExportRow(ExportLine l) => new Dictionary<string, object?>
    {
        [text["assessment.center"]] = l.Center,
        [text["assessment.export.credit_code"]] = l.CreditCode,
        [text["assessment.year"]] = l.Year,
        [text["assessment.total"]] = l.Total,
        [text["assessment.grade"]] = l.Grade,
        [text["assessment.dimension"]] = l.Dimension,
        [text["assessment.indicator"]] = l.Indicator,
        [text["assessment.export.kind"]] = l.Kind,
        [text["assessment.export.unit"]] = l.Unit,
        [text["assessment.value"]] = l.Value,
        [text["assessment.export.numerator_of"]] = l.NumeratorOf,
        [text["assessment.export.numerator"]] = l.Numerator,
        [text["assessment.export.denominator_of"]] = l.DenominatorOf,
        [text["assessment.export.denominator"]] = l.Denominator,
        [text["assessment.export.expert_grade"]] = l.ExpertGrade,
        [text["assessment.points"]] = l.Points,
        [text["assessment.max_points"]] = l.MaxPoints,
        [text["assessment.export.status"]] = l.Status,
    };

    private static string ValueText(ScoreLineDto l, Indicator? indicator)
    {
        if (l.GradeLabel is not null)
        {
            return (indicator?.Rule as ExpertGradeRule)?.Find(l.Grade)?.Zh ?? l.GradeLabel;
        }

        if (l.Value is null)
        {
            return "—";
        }

        var unit = indicator?.Unit?.Zh ?? string.Empty;
        return l.Numerator is { } n && l.Denominator is { } d
            ? $"{Num(l.Value.Value)}{unit}（{Num(n)}/{Num(d)}）"
            : Num(l.Value.Value) + unit;
    }

    private static string Num(decimal v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}

/// <summary>The dimensions of a stored breakdown; the lines are skipped when read.</summary>
internal sealed record DimensionsOnly(IReadOnlyList<ResultDimension> Dimensions);

public sealed record GradeShare(string Code, string Label, decimal Min, int Count, decimal Percent);

public sealed record DimensionStat(string Code, string Label, decimal MaxPoints, decimal? Mean, decimal? Min, decimal? Max);

public sealed record OverviewRow(
    Guid ReportId, string CenterName, decimal Total, string Grade, string GradeLabel, bool Complete, IReadOnlyDictionary<string, decimal> DimensionPoints,
    string? ConsequenceLabel, bool Unfiled = false);

public sealed record OverviewDto(
    Guid CycleId, int Year, string Status, string StatusLabel, string PolicyCode, int PolicyVersion, int Scored, int Complete,
    decimal? Mean, decimal? Min, decimal? Max, IReadOnlyList<GradeShare> Grades, IReadOnlyList<DimensionStat> Dimensions, PagedResult<OverviewRow> Centers);

public sealed record ExportLine(
    string Center, string CreditCode, int Year, decimal Total, string Grade, string Dimension, string Indicator, string Kind, string Unit,
    decimal? Value, string? NumeratorOf, decimal? Numerator, string? DenominatorOf, decimal? Denominator, string? ExpertGrade,
    decimal Points, decimal MaxPoints, string Status);
