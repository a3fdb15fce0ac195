using InnoCenter.Domain.Assessment;
using InnoCenter.Domain.Centers;
using InnoCenter.Domain.Common;
using InnoCenter.Domain.Policy;
using InnoCenter.Domain.Reviews;
using InnoCenter.Web.Data;
using InnoCenter.Web.Features.Centers;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Assessment;

/// <summary>
/// Publishes a scored cycle: every result must be complete (and, where the pack re-checks on site, every re-check must
/// have its site inspection recorded). Each center's consequence is decided by the domain's consequence engine from the
/// rules frozen into the cycle and the center's published history (read for all centers at once), recorded as a
/// decision, and applied to the center's status through the Centers module; the centers' staff are told. All of it is
/// saved in one transaction, or nothing is.
/// </summary>
public sealed class CyclePublisher(
    AppDbContext db, AssessmentAccess access, CenterStatusHandlers centers, CycleHandlers cycles, Notifier notifier, Bilingual bilingual,
    Text text, TimeProvider clock)
{
    public async Task<Result<PublishDto>> PublishAsync(Guid cycleId, int? version, CancellationToken ct)
    {
        if (!access.IsAdmin)
        {
            return Failure.Forbidden();
        }

        var cycle = await db.AssessmentCycles.FirstOrDefaultAsync(c => c.Id == cycleId, ct);
        if (cycle is null)
        {
            return Failure.NotFound("assessment.cycle_not_found");
        }

        if (version is { } v && v != cycle.Version)
        {
            return Failure.Conflict(VersionedSave.ConcurrencyCode);
        }

        var now = clock.GetUtcNow();
        var published = cycle.Publish(access.UserId, now);
        if (!published.IsSuccess)
        {
            return published.Failure!;
        }

        var results = await db.AssessmentResults.Where(r => r.CycleId == cycleId).ToListAsync(ct);
        var centerIds = results.Select(r => r.CenterId).ToList();
        var info = await db.Centers.AsNoTracking().Where(c => centerIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Name, c.Status, c.LeadOrganizationId, c.LegalEntityOrganizationId }).ToDictionaryAsync(c => c.Id, ct);
        var incomplete = results.Where(r => !r.IsComplete).Select(r => info[r.CenterId].Name).Order(StringComparer.Ordinal).ToList();
        if (incomplete.Count > 0)
        {
            return Failure.IllegalTransition("assessment.results_incomplete", incomplete.Count, Names(incomplete));
        }

        var rules = cycle.Rules;
        if (rules.Consequences.OnFailure is RectificationThenRecheck { RecheckOnSite: true })
        {
            var uninspected = await (from r in db.AnnualReports.AsNoTracking()
                                     join c in db.Centers on r.CenterId equals c.Id
                                     where r.CycleId == cycleId && r.IsRecheck
                                           && !db.ReviewSubjects.Any(s => s.Kind == ReviewSubjectKind.AnnualReport && s.ReferenceId == r.Id
                                                                          && db.SiteInspections.Any(i => i.SubjectId == s.Id))
                                     select c.Name).ToListAsync(ct);
            if (uninspected.Count > 0)
            {
                return Failure.IllegalTransition("assessment.recheck_inspection_missing", Names(uninspected.Order(StringComparer.Ordinal).ToList()));
            }
        }

        // Every published result of these centers in other cycles, for the consecutive-failure chain and the guard against deciding a year twice.
        var history = (await (from r in db.AssessmentResults.AsNoTracking()
                              join mine in db.AssessmentResults on r.CenterId equals mine.CenterId
                              where mine.CycleId == cycleId && r.CycleId != cycleId && r.PublishedAt != null
                              select new { r.CenterId, r.Year, r.Grade }).ToListAsync(ct))
            .ToLookup(r => r.CenterId, r => new PublishedResult(r.Year, r.Grade));
        var rechecks = await cycles.RecheckYearsAsync(ct);

        var today = clock.TodayInBeijing();
        var decisions = new List<AssessmentDecision>();
        var errors = new List<Error>();
        var statusChanges = new List<RuleStatusChange>();
        foreach (var result in results.OrderBy(r => info[r.CenterId].Name, StringComparer.Ordinal))
        {
            var center = info[result.CenterId];
            var past = new CenterHistory(history[result.CenterId].OrderBy(h => h.Year).ToList(), CycleHandlers.StandingOf(center.Status), rechecks.GetValueOrDefault(result.CenterId));
            var decided = ConsequenceEngine.Decide(rules, past, cycle.Year, result.Grade);
            if (!decided.IsSuccess)
            {
                if (decided.Failure!.Errors.Any(e => e.Code == "assessment.center_revoked"))
                {
                    // Revoked by a decision after the cycle opened: the result stands; there is no title left to act on.
                    continue;
                }

                errors.AddRange(decided.Failure.Errors.Select(e => new Error("assessment.consequence_refused", null, center.Name, text.Of(e))));
                continue;
            }

            var consequence = decided.Value;
            var decision = AssessmentDecision.Record(cycle, result.CenterId, result.Grade, consequence, access.UserId, now);
            decisions.Add(decision);
            if (StatusAfter(consequence.Kind) is { } to && to != center.Status)
            {
                statusChanges.Add(new RuleStatusChange(
                    result.CenterId, to, $"{cycle.PolicyCode}/v{cycle.PolicyVersion}/{cycle.Year}/{consequence.Kind}",
                    Explain(decision, rules, "zh-CN"), today));
            }
        }

        foreach (var (centerId, changed) in await centers.ChangeStatusesByRuleAsync(statusChanges, ct))
        {
            if (!changed.IsSuccess)
            {
                errors.AddRange(changed.Failure!.Errors.Select(e => new Error("assessment.consequence_refused", null, info[centerId].Name, text.Of(e))));
            }
        }

        if (errors.Count > 0)
        {
            return new Failure(FailureKind.IllegalTransition, errors);
        }

        foreach (var result in results)
        {
            result.Publish(now);
        }

        db.AssessmentDecisions.AddRange(decisions);
        var staff = await CycleHandlers.StaffOfAsync(db, info.Values.Select(c => (c.LeadOrganizationId, c.LegalEntityOrganizationId)), ct);
        var byCenter = decisions.ToDictionary(d => d.CenterId);
        await notifier.NotifyEachAsync(
            "assessment.notify.published",
            results.Select(r => (
                    (IReadOnlyCollection<Guid>)CycleHandlers.StaffFor(staff, info[r.CenterId].LeadOrganizationId, info[r.CenterId].LegalEntityOrganizationId),
                    (string?)AssessmentLinks.Scorecard(r.ReportId),
                    new object[] { cycle.Year, rules.FindGrade(r.Grade)?.Zh ?? r.Grade, byCenter.TryGetValue(r.CenterId, out var d) ? Explain(d, rules, "zh-CN") : string.Empty }))
                .ToList(),
            ct);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await db.SaveVersionedAsync(ct) is { } lost)
        {
            return lost;
        }

        await tx.CommitAsync(ct);
        var en = LocalizationSetup.IsEnglish;
        return new PublishDto(cycleId, results.Count, decisions.Select(d => ToDto(d, info[d.CenterId].Name, rules, en)).ToList());
    }

    /// <summary>The center status a consequence leads to; none when it leaves the status alone.</summary>
    public static CenterStatus? StatusAfter(ConsequenceKind kind) => kind switch
    {
        ConsequenceKind.Revoke or ConsequenceKind.RecheckFailedRemove => CenterStatus.Revoked,
        ConsequenceKind.StartRectification => CenterStatus.UnderRectification,
        ConsequenceKind.RecheckPassed => CenterStatus.Active,
        _ => null,
    };

    public DecisionDto ToDto(AssessmentDecision d, string centerName, AssessmentRules rules, bool english) => new(
        d.Id, d.CenterId, centerName, d.Year, d.Grade, rules.FindGrade(d.Grade)?.Label(english) ?? d.Grade, d.Kind.ToString(),
        text[$"assessment.consequence.{d.Kind}"], d.StandingAfter.ToString(), d.ContinuedSupport, d.PublicNotice, d.RecheckYear,
        d.ConsecutiveFailures, d.DecidedAt, Explain(d, rules, english ? "en-US" : "zh-CN"));

    /// <summary>The decision in a sentence, in the given language: what the result leads to, and why.</summary>
    public string Explain(AssessmentDecision d, AssessmentRules rules, string culture)
    {
        var english = culture.StartsWith("en", StringComparison.Ordinal);
        var grade = rules.FindGrade(d.Grade)?.Label(english) ?? d.Grade;
        var support = bilingual.In(culture, d.ContinuedSupport ? "assessment.support.yes" : "assessment.support.no");
        return d.Kind switch
        {
            ConsequenceKind.None when d.ConsecutiveFailures > 0 => bilingual.In(culture, "assessment.explain.failing", grade, d.ConsecutiveFailures, support),
            ConsequenceKind.Revoke => bilingual.In(culture, "assessment.explain.Revoke", d.ConsecutiveFailures),
            ConsequenceKind.StartRectification => bilingual.In(culture, "assessment.explain.StartRectification", grade, d.RecheckYear ?? 0),
            _ => bilingual.In(culture, $"assessment.explain.{d.Kind}", grade, support),
        };
    }

    /// <summary>The first few names for a message; the message lists them in the reader's language (see <c>Text.Of</c>).</summary>
    internal static string[] Names(IReadOnlyList<string> names) => [.. names.Take(5), .. names.Count > 5 ? new[] { "…" } : []];
}
