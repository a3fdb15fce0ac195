using InnoCenter.Domain.Reviews;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Policy;
using Microsoft.EntityFrameworkCore;
using InnoCenter.Web.Infrastructure.Localization;

namespace InnoCenter.Web.Features.Reviews;

/// <summary>
/// Applies the domain's conflict rule to a subject: it reads only the experts whose affiliations (current or past)
/// name a party, or who declared a conflict (with the subject or with one of its parties), and lets <see cref="ConflictRules"/> decide. Everyone else is not in conflict.
/// </summary>
public sealed class ConflictService(AppDbContext db, PolicyProvider policy, TimeProvider clock)
{
    public async Task<IReadOnlyDictionary<Guid, ConflictVerdict>> JudgeAsync(Guid subjectId, IReadOnlyCollection<Guid>? onlyExperts, CancellationToken ct)
    {
        var parties = await db.ReviewSubjects.AsNoTracking().Where(s => s.Id == subjectId)
            .SelectMany(s => s.Parties.Select(p => p.CreditCode)).ToListAsync(ct);
        var declaredHere = await db.ConflictDeclarations.AsNoTracking().Where(d => d.SubjectId == subjectId).Select(d => d.ExpertId).ToListAsync(ct);

        // A conflict an expert declared with an organisation counts against every subject it is a party of.
        var declaredStanding = await db.ExpertStandingConflicts.AsNoTracking().Where(c => parties.Contains(c.CreditCode))
            .Select(c => c.ExpertId).ToListAsync(ct);
        var declared = declaredHere.Concat(declaredStanding).Distinct().ToList();
        var dismissals = await db.ConflictDismissals.AsNoTracking().Where(d => d.SubjectId == subjectId)
            .Select(d => new { d.ExpertId, d.CreditCode }).ToListAsync(ct);

        // The linked experts first, each way through its own index (current employer, past employers), then those
        // experts alone: one OR over the three ways read every expert of the pool with a look into its history.
        var linked = await db.Experts.AsNoTracking().Where(e => parties.Contains(e.AffiliationCreditCode)).Select(e => e.Id)
            .Union(db.Set<ExpertAffiliation>().AsNoTracking().Where(a => parties.Contains(a.CreditCode)).Select(a => a.ExpertId))
            .ToListAsync(ct);
        var candidates = linked.Concat(declared).Distinct().ToList();
        var query = db.Experts.AsNoTracking().Include(e => e.PastAffiliations).Where(e => candidates.Contains(e.Id));
        if (onlyExperts is not null)
        {
            var ids = onlyExperts.ToList();
            query = query.Where(e => ids.Contains(e.Id));
        }

        var experts = await query.ToListAsync(ct);
        var today = clock.TodayInBeijing();
        var years = policy.Current.Review.Conflict.LookbackYears;
        return experts.ToDictionary(
            e => e.Id,
            e => ConflictRules.Judge(
                e.Affiliations(), parties, today, years, declared.Contains(e.Id),
                dismissals.Where(d => d.ExpertId == e.Id).Select(d => d.CreditCode).ToList()));
    }

    /// <summary>
    /// The subjects, among <paramref name="subjectIds"/>, that one expert is in conflict with — judged by the same rule
    /// as <see cref="JudgeAsync"/>, in five queries whatever the number of subjects (an expert's assignment list).
    /// </summary>
    public async Task<IReadOnlySet<Guid>> SubjectsInConflictAsync(Guid expertId, IReadOnlyCollection<Guid> subjectIds, CancellationToken ct)
    {
        var ids = subjectIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return new HashSet<Guid>();
        }

        var expert = await db.Experts.AsNoTracking().Include(e => e.PastAffiliations).FirstOrDefaultAsync(e => e.Id == expertId, ct);
        if (expert is null)
        {
            return new HashSet<Guid>();
        }

        var parties = (await db.Set<ReviewSubjectParty>().AsNoTracking().Where(p => ids.Contains(p.SubjectId))
                .Select(p => new { p.SubjectId, p.CreditCode }).ToListAsync(ct))
            .ToLookup(p => p.SubjectId, p => p.CreditCode);
        var declaredHere = (await db.ConflictDeclarations.AsNoTracking().Where(d => d.ExpertId == expertId && ids.Contains(d.SubjectId))
            .Select(d => d.SubjectId).ToListAsync(ct)).ToHashSet();
        var standing = (await db.ExpertStandingConflicts.AsNoTracking().Where(c => c.ExpertId == expertId)
            .Select(c => c.CreditCode).ToListAsync(ct)).ToHashSet();
        var dismissals = (await db.ConflictDismissals.AsNoTracking().Where(d => d.ExpertId == expertId && ids.Contains(d.SubjectId))
            .Select(d => new { d.SubjectId, d.CreditCode }).ToListAsync(ct)).ToLookup(d => d.SubjectId, d => d.CreditCode);

        var today = clock.TodayInBeijing();
        var years = policy.Current.Review.Conflict.LookbackYears;
        var affiliations = expert.Affiliations();
        return ids.Where(id =>
        {
            var codes = parties[id].ToList();
            var declared = declaredHere.Contains(id) || codes.Any(standing.Contains);
            return ConflictRules.Judge(affiliations, codes, today, years, declared, dismissals[id].ToList()).InConflict;
        }).ToHashSet();
    }

    public async Task<bool> InConflictAsync(Guid subjectId, Guid expertId, CancellationToken ct) =>
        (await JudgeAsync(subjectId, [expertId], ct)).TryGetValue(expertId, out var v) && v.InConflict;
}
