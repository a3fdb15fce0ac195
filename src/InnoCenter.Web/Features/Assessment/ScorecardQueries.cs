using InnoCenter.Web.Infrastructure.Policy;
using InnoCenter.Domain.Assessment;
using InnoCenter.Domain.Common;
using InnoCenter.Domain.Policy;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Files;
using InnoCenter.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Assessment;

/// <summary>Where a value came from: a ledger figure (with the ledger's value and any correction) or a value the center entered.</summary>
public sealed record SourceLineDto(string Code, string Label, decimal? LedgerValue, decimal? Value, bool Corrected, string? Reason, AttachmentDto? Evidence);

public sealed record ScoreLineDto(
    string Code, string Label, string Kind, string Unit, decimal? Value, decimal? Numerator, decimal? Denominator, string? Grade, string? GradeLabel,
    decimal MaxPoints, decimal Points, string Status, string StatusLabel, IReadOnlyList<SourceLineDto> Sources);

public sealed record DimensionLineDto(string Code, string Label, decimal MaxPoints, decimal Points, IReadOnlyList<ScoreLineDto> Lines);

public sealed record ScorecardDto(
    Guid ReportId, Guid CycleId, int Year, Guid CenterId, string CenterName, string PolicyCode, int PolicyVersion, bool Published,
    DateTimeOffset ScoredAt, DateTimeOffset? PublishedAt, decimal Total, string Grade, string GradeLabel, bool Complete,
    IReadOnlyList<DimensionLineDto> Dimensions, DecisionDto? Decision, bool Unfiled = false);

public sealed record PublicResultDto(string CenterName, decimal Total, string GradeLabel);

public sealed record PublicRevocationDto(string CenterName, string Explanation);

/// <summary>A line of the list of published results notices.</summary>
public sealed record AssessmentNoticeRow(Guid CycleId, int Year, string Title, DateTimeOffset PublishedAt);

/// <summary>考核结果公告: what the public reads once a cycle is published.</summary>
public sealed record AssessmentNoticeDto(
    Guid CycleId, int Year, string Title, string Issuer, DateTimeOffset PublishedAt, bool ResultsPublic,
    IReadOnlyList<PublicResultDto> Results, IReadOnlyList<PublicRevocationDto> Revocations);

/// <summary>
/// The scorecard of a center (indicator, value, points, and the figures and evidence behind each value) and the public
/// notices of published cycles. The Admin reads a scorecard once scored; the center's own staff once published.
/// </summary>
public sealed class ScorecardQueries(
    AppDbContext db, AssessmentAccess access, Attachments attachments, PolicyVersions packs, CyclePublisher publisher, Text text)
{
    public async Task<Result<ScorecardDto>> GetAsync(Guid reportId, CancellationToken ct)
    {
        var result = await db.AssessmentResults.AsNoTracking().FirstOrDefaultAsync(r => r.ReportId == reportId, ct);
        if (result is null || !await access.CanReadResultAsync(result.CenterId, result.IsPublished, ct))
        {
            return Failure.NotFound("assessment.result_not_found");
        }

        var cycle = await db.AssessmentCycles.AsNoTracking().FirstAsync(c => c.Id == result.CycleId, ct);
        var report = await db.AnnualReports.AsNoTracking().Include(r => r.Values).FirstAsync(r => r.Id == reportId, ct);
        var center = await db.Centers.AsNoTracking().Where(c => c.Id == result.CenterId).Select(c => c.Name).FirstAsync(ct);
        var decision = result.IsPublished
            ? await db.AssessmentDecisions.AsNoTracking().FirstOrDefaultAsync(d => d.CycleId == cycle.Id && d.CenterId == result.CenterId, ct)
            : null;
        var files = (await attachments.ListAsync(ReportHandlers.OwnerType, reportId, currentOnly: false, ct)).ToDictionary(f => f.Id);
        var rules = cycle.Rules;
        var en = LocalizationSetup.IsEnglish;
        var lines = result.Detail.Lines.ToDictionary(l => l.Indicator);
        var dimensions = result.Detail.Dimensions.Select(d => new DimensionLineDto(
            d.Dimension, ReportHandlers.DimensionLabel(rules, d.Dimension, en), d.MaxPoints, d.Points,
            rules.IndicatorSystem.Indicators.Where(i => i.Dimension == d.Dimension && lines.ContainsKey(i.Code))
                .Select(i => Line(i, lines[i.Code], report, files, en)).ToList())).ToList();
        return new ScorecardDto(
            reportId, cycle.Id, cycle.Year, result.CenterId, center, cycle.PolicyCode, cycle.PolicyVersion, result.IsPublished, result.ScoredAt,
            result.PublishedAt, result.Total, result.Grade, rules.FindGrade(result.Grade)?.Label(en) ?? result.Grade, result.IsComplete, dimensions,
            decision is null ? null : publisher.ToDto(decision, center, rules, en), result.Unfiled);
    }

    private ScoreLineDto Line(Indicator indicator, ResultLine line, AnnualReport report, Dictionary<Guid, AttachmentDto> files, bool en)
    {
        var sources = indicator.Source is ManualSource
            ? indicator.Kind == IndicatorKind.Quantitative && report.Find(indicator.Code) is { } m
                ? [new SourceLineDto(m.Code, indicator.Label(en), null, m.Value, false, null, m.EvidenceFileId is { } e ? files.GetValueOrDefault(e) : null)]
                : []
            : indicator.Source.Keys.Select(k => report.Find(k)).Where(v => v is not null).Select(v => new SourceLineDto(
                v!.Code, text[$"ledger.rollup.{v.Code}"], v.LedgerValue, v.Value, v.IsCorrected, v.Reason,
                v.IsCorrected && v.EvidenceFileId is { } e ? files.GetValueOrDefault(e) : null)).ToList();
        var gradeLabel = line.Grade is null ? null : (indicator.Rule as ExpertGradeRule)?.Find(line.Grade)?.Label(en) ?? line.Grade;
        return new ScoreLineDto(
            indicator.Code, indicator.Label(en), indicator.Kind.ToString(), indicator.Unit?.For(en) ?? string.Empty, line.Value, line.Numerator,
            line.Denominator, line.Grade, gradeLabel, line.MaxPoints, line.Points, line.Status.ToString(), text[$"assessment.line_status.{line.Status}"], sources);
    }

    /// <summary>
    /// The published cycles that have a public notice (results the pack publishes, or a loss of title), newest first —
    /// the headings only, in two queries, for the public list.
    /// </summary>
    public async Task<IReadOnlyList<AssessmentNoticeRow>> NoticeListAsync(CancellationToken ct)
    {
        var cycles = await db.AssessmentCycles.AsNoTracking().Where(c => c.Status == CycleStatus.Published).OrderByDescending(c => c.Year)
            .Select(c => new { c.Id, c.Year, c.PolicyCode, c.PolicyVersion, c.PublishedAt }).ToListAsync(ct);
        var ids = cycles.Select(c => c.Id).ToList();
        var revoking = await db.AssessmentDecisions.AsNoTracking()
            .Where(d => ids.Contains(d.CycleId) && d.PublicNotice && (d.Kind == ConsequenceKind.Revoke || d.Kind == ConsequenceKind.RecheckFailedRemove))
            .Select(d => d.CycleId).Distinct().ToListAsync(ct);
        var en = LocalizationSetup.IsEnglish;
        var rows = new List<AssessmentNoticeRow>();
        foreach (var c in cycles)
        {
            // The cycle froze its pack version's rules, so the (cached) pack says whether its results are public.
            var pack = await packs.FindAsync(c.PolicyCode, c.PolicyVersion, ct);
            if (pack?.Assessment.NoticeOfResults == true || revoking.Contains(c.Id))
            {
                rows.Add(new AssessmentNoticeRow(c.Id, c.Year, text["assessment.notice.title", c.Year, pack?.Applications.ProgrammeName.For(en) ?? string.Empty], c.PublishedAt!.Value));
            }
        }

        return rows;
    }

    /// <summary>Published cycles with something public: the results where the pack publishes them, and any loss of title.</summary>
    public async Task<IReadOnlyList<AssessmentNoticeDto>> NoticesAsync(Guid? cycleId, CancellationToken ct)
    {
        var cycles = await db.AssessmentCycles.AsNoTracking()
            .Where(c => c.Status == CycleStatus.Published && (cycleId == null || c.Id == cycleId))
            .OrderByDescending(c => c.Year).ToListAsync(ct);
        var ids = cycles.Select(c => c.Id).ToList();
        var results = await (from r in db.AssessmentResults.AsNoTracking()
                             join c in db.Centers on r.CenterId equals c.Id
                             where ids.Contains(r.CycleId)
                             select new { r.CycleId, c.Name, r.Total, r.Grade }).ToListAsync(ct);
        var decisions = await (from d in db.AssessmentDecisions.AsNoTracking()
                               join c in db.Centers on d.CenterId equals c.Id
                               where ids.Contains(d.CycleId) && d.PublicNotice
                               select new { Decision = d, c.Name }).ToListAsync(ct);
        var en = LocalizationSetup.IsEnglish;
        var notices = new List<AssessmentNoticeDto>();
        foreach (var cycle in cycles)
        {
            var rules = cycle.Rules;
            var revocations = decisions.Where(d => d.Decision.CycleId == cycle.Id && d.Decision.RemovesTitle)
                .OrderBy(d => d.Name, StringComparer.Ordinal)
                .Select(d => new PublicRevocationDto(d.Name, publisher.Explain(d.Decision, rules, en ? "en-US" : "zh-CN"))).ToList();
            if (!rules.NoticeOfResults && revocations.Count == 0)
            {
                continue;
            }

            var pack = await packs.FindAsync(cycle.PolicyCode, cycle.PolicyVersion, ct);
            var programme = pack?.Applications.ProgrammeName.For(en) ?? string.Empty;
            notices.Add(new AssessmentNoticeDto(
                cycle.Id, cycle.Year, text["assessment.notice.title", cycle.Year, programme], pack?.Applications.IssuingBody.For(en) ?? string.Empty,
                cycle.PublishedAt!.Value, rules.NoticeOfResults,
                rules.NoticeOfResults
                    ? results.Where(r => r.CycleId == cycle.Id).OrderByDescending(r => r.Total).ThenBy(r => r.Name, StringComparer.Ordinal)
                        .Select(r => new PublicResultDto(r.Name, r.Total, rules.FindGrade(r.Grade)?.Label(en) ?? r.Grade)).ToList()
                    : [],
                revocations));
        }

        return notices;
    }
}
