using InnoCenter.Domain.Assessment;
using InnoCenter.Domain.Common;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Assessment;

/// <summary>The Admin's scoring of a cycle (set-based, by <see cref="CycleScorer"/>) and what the results say.</summary>
public sealed class ResultHandlers(AppDbContext db, AssessmentAccess access, CycleScorer scorer)
{
    public async Task<Result<ScoreRunDto>> ScoreAsync(Guid cycleId, CancellationToken ct)
    {
        if (!access.IsAdmin)
        {
            return Failure.Forbidden();
        }

        var run = await scorer.ScoreAsync(cycleId, access.UserId, ct);
        if (!run.IsSuccess)
        {
            return run.Failure!;
        }

        var rules = (await db.AssessmentCycles.AsNoTracking().FirstAsync(c => c.Id == cycleId, ct)).Rules;
        var results = run.Value.Results;
        var en = LocalizationSetup.IsEnglish;
        return new ScoreRunDto(
            cycleId, results.Count, results.Count(r => r.IsComplete), results.Count(r => !r.IsComplete),
            rules.GradeBands.Select(b => new GradeCount(b.Code, b.Label(en), results.Count(r => r.Grade == b.Code))).ToList());
    }
}
