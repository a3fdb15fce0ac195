using InnoCenter.Domain.Assessment;
using InnoCenter.Domain.Centers;
using InnoCenter.Domain.Policy;
using InnoCenter.Web.Features.Assessment;
using InnoCenter.Web.Features.Ledger;
using InnoCenter.Web.Features.Ledger.Rollup;
using InnoCenter.Web.Infrastructure.Policy;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Bench.Generator.Steps;

/// <summary>
/// Assessment history: one cycle per year for the scale's assessment years, each on the generated pack. Every year but
/// the last is filed, accepted, scored (through the domain calculator, with expert grades drawn at random in place of
/// annual-report panels, which the experts step does not generate), published with the consequences the pack's rules
/// decide, and applied to the centers' status. The last year (ending the year before the history's end) is filed and
/// accepted with its deadline passed but left unscored: the harness times scoring it through the API (timed.d/70-…).
/// <para>
/// The centers are those the centers step founded. A report's quantitative figures are the ledger's roll-up for the
/// year (<see cref="LedgerRollup"/>, as the app fills them when it opens a cycle), so they come from the ledger step.
/// </para>
/// </summary>
public sealed class AssessmentStep : IGeneratorStep
{
    public int Order => 70;

    public string Name => "assessment cycles and results";

    public async Task RunAsync(GeneratorContext context, Random random, CancellationToken ct)
    {
        var years = context.Scale.AssessmentYears;
        if (years == 0)
        {
            return;
        }

        var db = context.Db;
        // In approval order: each center's strength and expert grades are drawn from the stream in this order, so a read
        // without ORDER BY (rows in the order of their random ids) gave every run another grade mix.
        var centers = await db.Centers.AsNoTracking().OrderBy(c => c.ApprovedOn).ThenBy(c => c.ApprovalNumber)
            .Select(c => new CenterRow(c.Id, c.ApprovedOn, c.Status)).ToListAsync(ct);
        if (centers.Count == 0)
        {
            Console.WriteLine("  no centers to assess");
            return;
        }

        var policy = new PolicyProvider();
        policy.Activate(context.Policy);
        // The roll-up is read from the rows the app's ledger writes keep; the generator writes the ledger without the
        // keepers, so build the rows from the records first (as the app's first start would), or every figure reads 0
        // and every center fails.
        await new LedgerRollupRebuild(db).RunIfPendingAsync(ct);
        var rollup = new LedgerRollup(db, policy);
        var rules = context.Policy.Assessment;
        var shape = new ReportShape(rules);
        var calculator = new AssessmentCalculator(rules);
        var status = centers.ToDictionary(c => c.Id, c => c.Status);
        var recheck = new Dictionary<Guid, int?>();
        var history = centers.ToDictionary(c => c.Id, _ => new List<PublishedResult>());
        var strength = centers.ToDictionary(c => c.Id, _ => 0.25 + random.NextDouble());
        var changes = new List<(Guid Center, CenterStatus To, DateOnly On, string Reference)>();
        var lastYear = context.Today.Year - 1;
        var by = context.AdminUserId == Guid.Empty ? (Guid?)null : context.AdminUserId;

        for (var year = lastYear - years + 1; year <= lastYear; year++)
        {
            var scored = year < lastYear;
            var startsOn = scored ? new DateOnly(year + 1, 3, 1) : context.Today.AddDays(-60);
            var deadline = scored ? new DateOnly(year + 1, 4, 30) : context.Today.AddDays(-1);
            var at = At(startsOn);
            var cycle = AssessmentCycle.Open(year, startsOn, deadline, context.Policy.Code, context.Policy.Version, rules, by, at).Value;
            var facts = centers.Select(c => new CenterFacts(c.Id, c.ApprovedOn, CycleHandlers.StandingOf(status[c.Id]), recheck.GetValueOrDefault(c.Id)));
            var outcomes = AssessmentEligibility.DecideAll(rules, facts, year, startsOn);
            cycle.RecordExclusions(outcomes.Where(o => !o.Outcome.FilesReport()).Select(o => new CycleExclusion(o.Center.CenterId, o.Outcome)));

            var ledger = await rollup.ForYearAsync(year, ct);
            var reports = new List<AnnualReport>();
            var inputs = new List<CenterInputs>();
            foreach (var (center, outcome) in outcomes.Where(o => o.Outcome.FilesReport()))
            {
                var s = strength[center.CenterId];
                var figures = shape.FigureKeys.ToDictionary(k => k, k => ledger.GetValueOrDefault(center.CenterId)?.GetValueOrDefault(k) ?? 0m);
                var report = AnnualReport.Create(cycle.Id, center.CenterId, year, outcome == InnoCenter.Domain.Assessment.EligibilityOutcome.Recheck, figures, shape.FigureKeys, shape.Manual.Select(i => i.Code), at);
                var manual = new Dictionary<string, decimal>();
                foreach (var indicator in shape.Manual)
                {
                    manual[indicator.Code] = Manual(indicator, s, random);
                    report.EnterManual(indicator.Code, manual[indicator.Code], null, null, at);
                }

                report.Submit(new SubmissionRequirements(true, new HashSet<string>()), deadline.AddDays(-random.Next(1, 40)), deadline, null, at.AddDays(30));
                report.Accept(by, at.AddDays(45));
                reports.Add(report);
                inputs.Add(new CenterInputs(center.CenterId)
                {
                    Figures = figures,
                    ManualValues = manual,
                    ExpertGrades = shape.Qualitative.ToDictionary(i => i.Code, i => Grade((ExpertGradeRule)i.Rule, s, random)),
                });
            }

            var results = new List<AssessmentResult>();
            var decisions = new List<AssessmentDecision>();
            if (scored)
            {
                var scoredAt = At(deadline.AddDays(20));
                var publishedAt = At(deadline.AddDays(35));
                cycle.MarkScored(deadline.AddDays(20), by, scoredAt);
                cycle.Publish(by, publishedAt);
                var reportOf = reports.ToDictionary(r => r.CenterId, r => r.Id);
                foreach (var score in calculator.ScoreAll(inputs))
                {
                    var result = AssessmentResult.From(cycle.Id, reportOf[score.CenterId], year, score, scoredAt);
                    result.Publish(publishedAt);
                    results.Add(result);
                    var past = new CenterHistory(history[score.CenterId].ToList(), CycleHandlers.StandingOf(status[score.CenterId]), recheck.GetValueOrDefault(score.CenterId));
                    var decided = ConsequenceEngine.Decide(rules, past, year, score.Grade.Code);
                    history[score.CenterId].Add(new PublishedResult(year, score.Grade.Code));
                    if (!decided.IsSuccess)
                    {
                        continue;
                    }

                    var decision = AssessmentDecision.Record(cycle, score.CenterId, score.Grade.Code, decided.Value, by, publishedAt);
                    decisions.Add(decision);
                    recheck[score.CenterId] = decided.Value.RecheckYear ?? recheck.GetValueOrDefault(score.CenterId);
                    if (CyclePublisher.StatusAfter(decided.Value.Kind) is { } to && to != status[score.CenterId])
                    {
                        status[score.CenterId] = to;
                        changes.Add((score.CenterId, to, deadline.AddDays(35), $"{cycle.PolicyCode}/v{cycle.PolicyVersion}/{year}/{decided.Value.Kind}"));
                    }
                }

                // The newest published year with results is the one the harness reads.
                if (results.Count > 0)
                {
                    context.Sample("ASSESSMENT_PUBLISHED_CYCLE_ID", cycle.Id);
                    context.Sample("ASSESSMENT_REPORT_ID", results.OrderByDescending(r => r.Total).First().ReportId);
                }
            }
            else
            {
                context.Sample("ASSESSMENT_CYCLE_ID", cycle.Id);
                context.Sample("ASSESSMENT_CYCLE_YEAR", year);
            }

            await context.InsertAsync($"cycle {year}", 1, [cycle], ct);
            await context.InsertAsync($"  annual reports {year}", reports.Count, reports, ct, batchSize: 500);
            await context.InsertAsync($"  results {year}", results.Count, results, ct, batchSize: 1_000);
            await context.InsertAsync($"  decisions {year}", decisions.Count, decisions, ct);
        }

        await ApplyStatusChangesAsync(context, changes, by, ct);
    }

    /// <summary>Status changes the published results decided, through the center's own transition rules, oldest first.</summary>
    private static async Task ApplyStatusChangesAsync(
        GeneratorContext context, List<(Guid Center, CenterStatus To, DateOnly On, string Reference)> changes, Guid? by, CancellationToken ct)
    {
        var db = context.Db;
        foreach (var chunk in changes.GroupBy(c => c.Center).Chunk(500))
        {
            var ids = chunk.Select(g => g.Key).ToList();
            var centers = await db.Centers.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
            foreach (var group in chunk)
            {
                foreach (var (center, to, on, reference) in group.OrderBy(c => c.On))
                {
                    var changed = centers[center].ChangeStatus(to, StatusBasis.PolicyRule, reference, "年度考核结果运用", on, context.Today, by, At(on));
                    if (changed.IsSuccess)
                    {
                        db.CenterStatusChanges.Add(changed.Value);
                    }
                }
            }

            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        Console.WriteLine($"  center status changes      {changes.Count,9:N0}");
    }

    private static decimal Manual(Indicator indicator, double strength, Random r) =>
        ReportShape.ShapeOf(indicator) == ValueShape.Percent
            ? Math.Min(100m, Math.Round((decimal)(strength * r.Next(5, 100)), 1))
            : Math.Round((decimal)(strength * r.Next(0, 2500)));

    private static string Grade(ExpertGradeRule rule, double strength, Random r)
    {
        var ordered = rule.Grades.OrderByDescending(g => g.Fraction).ToList();
        var index = Math.Clamp((int)((1.2 - strength) * ordered.Count + r.NextDouble() - 0.5), 0, ordered.Count - 1);
        return ordered[index].Code;
    }

    private static DateTimeOffset At(DateOnly day) => new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8)).ToUniversalTime();

    private sealed record CenterRow(Guid Id, DateOnly ApprovedOn, CenterStatus Status);
}
