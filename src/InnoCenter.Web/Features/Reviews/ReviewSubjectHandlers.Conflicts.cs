using InnoCenter.Domain.Common;
using InnoCenter.Domain.Organizations;
using InnoCenter.Domain.Reviews;
using InnoCenter.Web.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Reviews;

/// <summary>A subject's conflicts of interest: what the rule finds, what an expert or an Admin declares, what an Admin dismisses.</summary>
public sealed partial class ReviewSubjectHandlers
{
    /// <summary>Every expert the rule finds linked to a party, or who declared a conflict, with what was found and dismissed.</summary>
    public async Task<Result<IReadOnlyList<ConflictDto>>> ConflictsAsync(Guid subjectId, CancellationToken ct)
    {
        if (!user.IsAdmin)
        {
            return Failure.Forbidden();
        }

        if (!await db.ReviewSubjects.AnyAsync(s => s.Id == subjectId, ct))
        {
            return Failure.NotFound("reviews.subject_not_found");
        }

        var verdicts = await conflicts.JudgeAsync(subjectId, null, ct);
        var ids = verdicts.Keys.ToList();
        var experts = await db.Experts.AsNoTracking().Where(e => ids.Contains(e.Id))
            .Select(e => new { e.Id, e.Name, e.AffiliationName }).ToDictionaryAsync(e => e.Id, ct);
        var declarations = await db.ConflictDeclarations.AsNoTracking().Where(d => d.SubjectId == subjectId).ToDictionaryAsync(d => d.ExpertId, ct);
        var dismissals = await db.ConflictDismissals.AsNoTracking().Where(d => d.SubjectId == subjectId).ToListAsync(ct);
        return verdicts.Values
            .Where(v => v.Declared || v.Detected.Count > 0)
            .OrderByDescending(v => v.InConflict).ThenBy(v => experts[v.ExpertId].Name)
            .Select(v => new ConflictDto(
                v.ExpertId, experts[v.ExpertId].Name, experts[v.ExpertId].AffiliationName, v.InConflict, v.Declared,
                declarations.GetValueOrDefault(v.ExpertId)?.Reason, declarations.GetValueOrDefault(v.ExpertId)?.ByAdmin ?? false,
                v.Detected.Select(f => new ConflictFindingDto(
                    f.Kind.ToString(), f.CreditCode, f.OrganizationName, f.EndedOn, v.Dismissed.Contains(f),
                    dismissals.FirstOrDefault(d => d.ExpertId == v.ExpertId && d.CreditCode == f.CreditCode)?.Reason)).ToList()))
            .ToList();
    }

    /// <summary>An expert declares their own conflict with a subject they sit on; an Admin may declare one for any expert.</summary>
    public async Task<Result<bool>> DeclareAsync(Guid subjectId, DeclarationRequest r, CancellationToken ct)
    {
        Guid expertId;
        if (user.IsAdmin && r.ExpertId is { } chosen)
        {
            if (!await db.Experts.AnyAsync(e => e.Id == chosen, ct))
            {
                return Failure.Validation(new Error("experts.not_found", "expertId"));
            }

            expertId = chosen;
        }
        else
        {
            var own = user.Id is { } uid
                ? await (from m in db.PanelMembers
                         join p in db.ReviewPanels on m.PanelId equals p.Id
                         join e in db.Experts on m.ExpertId equals e.Id
                         where p.SubjectId == subjectId && e.UserId == uid
                         select (Guid?)e.Id).FirstOrDefaultAsync(ct)
                : null;
            if (own is null)
            {
                return user.IsAdmin ? Failure.Validation(new Error("validation.required", "expertId")) : Failure.NotFound("reviews.subject_not_found");
            }

            expertId = own.Value;
        }

        if (!await db.ReviewSubjects.AnyAsync(s => s.Id == subjectId, ct))
        {
            return Failure.NotFound("reviews.subject_not_found");
        }

        if (ReviewReason.Check(r.Reason) is { } invalid)
        {
            return invalid;
        }

        if (await db.ConflictDeclarations.AnyAsync(d => d.SubjectId == subjectId && d.ExpertId == expertId, ct))
        {
            return Failure.Conflict("reviews.conflict.already_declared");
        }

        db.ConflictDeclarations.Add(ConflictDeclaration.Create(subjectId, expertId, r.Reason!, user.IsAdmin, user.Id, clock.GetUtcNow()));
        if (!user.IsAdmin)
        {
            var title = await db.ReviewSubjects.Where(s => s.Id == subjectId).Select(s => s.Title).FirstAsync(ct);
            await notifier.NotifyAsync(await Recipients.AdminsAsync(db, ct), "reviews.notify.conflict_declared", ReviewLinks.Subject(subjectId), ct, title);
        }

        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>An Admin dismisses a detected conflict (a false positive) for one organisation, with a reason; the audit log keeps it.</summary>
    public async Task<Result<bool>> DismissAsync(Guid subjectId, DismissalRequest r, CancellationToken ct)
    {
        if (!user.IsAdmin)
        {
            return Failure.Forbidden();
        }

        if (r.ExpertId is not { } expertId || string.IsNullOrWhiteSpace(r.CreditCode))
        {
            return Failure.Validation(new Error("validation.required", r.ExpertId is null ? "expertId" : "creditCode"));
        }

        if (ReviewReason.Check(r.Reason) is { } invalid)
        {
            return invalid;
        }

        var code = Uscc.Normalize(r.CreditCode);
        var verdicts = await conflicts.JudgeAsync(subjectId, [expertId], ct);
        if (!verdicts.TryGetValue(expertId, out var verdict) || verdict.Detected.All(d => d.CreditCode != code))
        {
            return Failure.Validation(new Error("reviews.conflict.nothing_to_dismiss", "creditCode", code));
        }

        if (verdict.Dismissed.Any(d => d.CreditCode == code))
        {
            return Failure.Conflict("reviews.conflict.already_dismissed");
        }

        db.ConflictDismissals.Add(ConflictDismissal.Create(subjectId, expertId, code, r.Reason!, user.Id, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return true;
    }
}
