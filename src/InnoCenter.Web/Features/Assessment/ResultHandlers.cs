using InnoCenter.Domain.Assessment;
using InnoCenter.Domain.Common;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Assessment;

/// <summary>The Admin's scoring of a cycle (set-based, by <see cref="CycleScorer"/>) and what the results say.</summary>
public sealed class ResultHandlers(AppDbContext db, AssessmentAccess access, CycleScorer scorer, CyclePublisher publisher)
{
    /// <summary>The decisions recorded when the cycle was published, for the Admin.</summary>
    public async Task<Result<IReadOnlyList<DecisionDto>>> DecisionsAsync(Guid cycleId, CancellationToken ct)
    {
        if (!access.IsAdmin)
        {
            return Failure.NotFound("assessment.cycle_not_found");
        }

        var cycle = await db.AssessmentCycles.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cycleId, ct);
        if (cycle is null)
        {
            return Failure.NotFound("assessment.cycle_not_found");
        }

        var rows = await (from d in db.AssessmentDecisions.AsNoTracking()
                          join c in db.Centers on d.CenterId equals c.Id
                          where d.CycleId == cycleId
                          select new { Decision = d, c.Name }).ToListAsync(ct);
        var en = LocalizationSetup.IsEnglish;
        return rows.OrderBy(r => r.Name, StringComparer.Ordinal).Select(r => publisher.ToDto(r.Decision, r.Name, cycle.Rules, en)).ToList();
    }

    public async Task<Result<ScoreRunDto>> ScoreAsync(Guid cycleId, CancellationToken ct)
    {
        if (!access.IsAdmin)
        {
            return Failure.Forbidden();
        }

        var run = await scorer.ScoreAsync(cycleId, ct);
        if (!run.IsSuccess)
        {
            return run.Failure!;
        }

        var rules = (await db.AssessmentCycles.AsNoTracking().FirstAsync(c => c.Id == cycleId, ct)).Rules;
        var results = run.Value.Results;
        var en = LocalizationSetup.IsEnglish;
        return new ScoreRunDto(
            cycleId, results.Count, results.Count(r => r.IsComplete), results.Count(r => !r.IsComplete),
            rules.GradeBands.Select(b => new GradeCount(b.Code, b.Label(en), results.Count(r => r.Grade == b.Code))).ToList(),
            results.Count(r => r.Unfiled));
    }
}
