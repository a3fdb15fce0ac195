using System.Security.Cryptography;
using InnoCenter.Domain.Common;
using InnoCenter.Domain.Policy;
using InnoCenter.Domain.Reviews;
using InnoCenter.Web.Data;
using InnoCenter.Web.Features.Experts;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Notifications;
using InnoCenter.Web.Infrastructure.Policy;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Reviews;

/// <summary>
/// Panels (专家组): the seeded draw, its verification and the replacement of a member who declined or had to leave.
/// Assignment by hand and the leader are <see cref="PanelSeatHandlers"/>; each expert's answer to an invitation is
/// <see cref="PanelInvitationHandlers"/>. Both use the helpers here, under the same draw lock.
/// </summary>
public sealed class PanelHandlers(
    AppDbContext db, CurrentUser user, PolicyProvider policy, Text text, TimeProvider clock, ConflictService conflicts,
    Notifier notifier)
{
    private const long DrawLockKey = 0x1_D2A0_9A7E;

    // Loads are counted and seats taken in one step, so two draws at once cannot push an expert past the cap.
    internal static readonly SemaphoreSlim DrawLock = new(1, 1);

    private ReviewRules Rules => policy.Current.Review;

    public async Task<Result<PanelDto>> DrawAsync(Guid subjectId, DrawRequest request, CancellationToken ct)
    {
        if (!user.IsAdmin)
        {
            return Failure.Forbidden();
        }

        var subject = await db.ReviewSubjects.AsNoTracking().FirstOrDefaultAsync(s => s.Id == subjectId, ct);
        if (subject is null)
        {
            return Failure.NotFound("reviews.subject_not_found");
        }

        if (RulesProblem() is { } broken)
        {
            return broken;
        }

        var form = Rules.FormFor(subject.Kind.ToString());
        if (form is null)
        {
            return Failure.Conflict("reviews.policy.form_missing", null, text[ReviewEnumText.KindKey(subject.Kind)]);
        }

        var size = request.Size ?? Rules.Panel.DefaultSize;
        var sizeErrors = PanelDrawing.CheckSize(size, Rules.Panel);
        if (sizeErrors.Count > 0)
        {
            return Failure.Validation(sizeErrors);
        }

        await DrawLock.WaitAsync(ct);
        try
        {
            await using var tx = await BeginSerialisedAsync(ct);

            if (await db.ReviewPanels.AnyAsync(p => p.SubjectId == subjectId, ct))
            {
                return Failure.Conflict("reviews.panel_exists");
            }

            var candidates = await CandidatesAsync(subject, ct);
            var (snapshot, excluded) = PanelDrawing.Prepare(candidates, size, Rules.Panel.Quotas, Rules.Load.MaxPanelsPerYear, subject.KeyArea, [], []);
            var seed = NewSeed();
            var outcome = PanelDrawing.Run(snapshot, seed);
            if (!outcome.Succeeded)
            {
                return Refusal(outcome.Refusal!);
            }

            var now = clock.GetUtcNow();
            var (pool, terms) = DrawTerms.Split(candidates, snapshot, subject.KeyArea);
            var poolId = await PoolVersions.IdForAsync(db, pool, now, ct);
            var panel = ReviewPanel.Create(subjectId, size, Rules.Panel.Quotas, form, Rules.Aggregation, user.Id, now);
            var draw = panel.RecordDraw(PanelDrawRecord.Create(panel.Id, PanelDrawKind.Initial, seed, snapshot, poolId, terms, excluded, outcome.Drawn, null, user.Id, now));
            foreach (var expertId in outcome.Drawn)
            {
                panel.AddMember(expertId, PanelMemberSource.Drawn, draw.Id, null, now);
            }

            db.ReviewPanels.Add(panel);
            await InviteAsync(outcome.Drawn, subject, ct);
            try
            {
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
            }
            catch (DbUpdateException ex) when (ex.IsLostRace())
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                if (await db.ReviewPanels.AsNoTracking().AnyAsync(p => p.SubjectId == subjectId && p.Id != panel.Id, ct))
                {
                    // Another Admin drew a panel for the subject at the same moment; theirs stands.
                    return Failure.Conflict("reviews.panel_exists");
                }

                throw;
            }
        }
        finally
        {
            DrawLock.Release();
        }

        return (await PanelAsync(subjectId, ct))!;
    }

    /// <summary>Re-runs a recorded draw from its seed and snapshot and says whether it gives the same experts in the same order.</summary>
    public async Task<Result<VerificationDto>> VerifyAsync(Guid subjectId, Guid drawId, CancellationToken ct)
    {
        if (!user.IsAdmin)
        {
            return Failure.Forbidden();
        }

        var draw = await (from d in db.Set<PanelDrawRecord>().AsNoTracking()
                          join p in db.ReviewPanels on d.PanelId equals p.Id
                          where d.Id == drawId && p.SubjectId == subjectId
                          select d).FirstOrDefaultAsync(ct);
        if (draw is null)
        {
            return Failure.NotFound("reviews.draw_not_found");
        }

        var pool = await db.ExpertPoolSnapshots.AsNoTracking().FirstAsync(s => s.Id == draw.PoolSnapshotId, ct);
        var result = draw.Verify(pool);
        var ids = draw.DrawnIds.Concat(result.Rerun).Distinct().ToList();
        var names = await db.Experts.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
        return new VerificationDto(
            result.Matches, result.SnapshotIntact, draw.Seed, draw.EligibleCount,
            draw.DrawnIds.Select(id => names.GetValueOrDefault(id, id.ToString())).ToList(),
            result.Rerun.Select(id => names.GetValueOrDefault(id, id.ToString())).ToList());
    }

    /// <summary>
    /// Refills the seat of a member who declined, or removes (with a reason) a member who has not scored and draws
    /// another: the newcomer is drawn with a new recorded seed so that every quota stays met.
    /// </summary>
    public async Task<Result<PanelDto>> ReplaceAsync(Guid subjectId, Guid memberId, ReasonRequest request, CancellationToken ct)
    {
        if (!user.IsAdmin)
        {
            return Failure.Forbidden();
        }

        await DrawLock.WaitAsync(ct);
        try
        {
            await using var tx = await BeginSerialisedAsync(ct);

            var (panel, subject, member, failure) = await SeatToRefillAsync(subjectId, memberId, request.Reason, ct);
            if (failure is not null)
            {
                return failure;
            }

            var candidates = await CandidatesAsync(subject!, ct);
            var keptIds = panel!.ActiveMembers.Where(m => m.Id != member!.Id).Select(m => m.ExpertId).ToList();
            var kept = keptIds.Select(id => candidates.First(c => c.ExpertId == id)).Select(c => new PoolEntry(c.ExpertId, c.Domains.Order(StringComparer.Ordinal).ToList(), false)).ToList();
            var everOnPanel = panel.Members.Select(m => m.ExpertId).ToList();
            var (snapshot, excluded) = PanelDrawing.Prepare(
                candidates, panel.Size, panel.Quotas, Rules.Load.MaxPanelsPerYear, subject!.KeyArea, kept, everOnPanel);
            var seed = NewSeed();
            var outcome = PanelDrawing.Run(snapshot, seed);
            if (!outcome.Succeeded)
            {
                return Refusal(outcome.Refusal!);
            }

            // Saved before the seat changes, so the savepoint of a lost race on the pool version holds nothing else.
            var now = clock.GetUtcNow();
            var (pool, terms) = DrawTerms.Split(candidates, snapshot, subject.KeyArea);
            var poolId = await PoolVersions.IdForAsync(db, pool, now, ct);
            if (member!.IsActive)
            {
                member.Remove(request.Reason!);
            }

            var draw = panel.RecordDraw(PanelDrawRecord.Create(panel.Id, PanelDrawKind.Replacement, seed, snapshot, poolId, terms, excluded, outcome.Drawn, member.Id, user.Id, now));
            db.Add(draw);
            foreach (var expertId in outcome.Drawn)
            {
                db.Add(panel.AddMember(expertId, PanelMemberSource.Replacement, draw.Id, member.Id, now));
            }

            await InviteAsync(outcome.Drawn, subject, ct);
            if (await db.SaveVersionedAsync(ct) is { } lost)
            {
                return lost;
            }

            await tx.CommitAsync(ct);
        }
        finally
        {
            DrawLock.Release();
        }

        return (await PanelAsync(subjectId, ct))!;
    }

    /// <summary>The panel with names, statuses, draws and quotas, for Admins; null when no panel was drawn.</summary>
    public async Task<PanelDto?> PanelAsync(Guid subjectId, CancellationToken ct)
    {
        var panel = await db.ReviewPanels.AsNoTracking().Include(p => p.Members)
            .FirstOrDefaultAsync(p => p.SubjectId == subjectId, ct);
        if (panel is null)
        {
            return null;
        }

        // The draws without their pool versions: a pool version holds the whole pool (≈ 0.5 MB at 5,000 experts) and is
        // read only to verify a draw.
        var panelDraws = await db.Set<PanelDrawRecord>().AsNoTracking().Where(d => d.PanelId == panel.Id)
            .Select(d => new
            {
                d.Id, d.Kind, d.Seed, d.Algorithm, d.SnapshotSha256, d.EligibleCount, d.ExcludedOnPanel, d.ExcludedInactive,
                d.ExcludedConflicted, d.ExcludedAtLoadCap, d.Drawn, d.DrawnAt,
            })
            .ToListAsync(ct);
        var drawnIds = panelDraws.ToDictionary(
            d => d.Id, d => PanelDrawRecord.ParseDrawn(d.Drawn));
        var expertIds = panel.Members.Select(m => m.ExpertId).Concat(drawnIds.Values.SelectMany(ids => ids)).Distinct().ToList();
        var experts = await db.Experts.AsNoTracking().Where(e => expertIds.Contains(e.Id))
            .Select(e => new { e.Id, e.Name, e.AffiliationName, e.Domains }).ToDictionaryAsync(e => e.Id, ct);
        var memberIds = panel.Members.Select(m => m.Id).ToList();
        var submitted = await db.ScoreSheets.AsNoTracking().Where(s => memberIds.Contains(s.PanelMemberId)).Select(s => s.PanelMemberId).ToListAsync(ct);
        var verdicts = await conflicts.JudgeAsync(subjectId, expertIds, ct);
        var en = LocalizationSetup.IsEnglish;
        var members = panel.Members
            .OrderBy(m => m.IsActive ? 0 : 1).ThenByDescending(m => m.IsLeader).ThenBy(m => m.InvitedAt).ThenBy(m => m.Id)
            .Select(m => new PanelMemberDto(
                m.Id, m.ExpertId, experts[m.ExpertId].Name, experts[m.ExpertId].AffiliationName,
                experts[m.ExpertId].Domains.Select(d => policy.Current.ExpertDomains.LabelOf(d, en)).ToList(),
                m.Status.ToString(), m.Source.ToString(), m.IsLeader && m.IsActive,
                verdicts.TryGetValue(m.ExpertId, out var v) && v.InConflict, submitted.Contains(m.Id), m.DeclineReason, m.RemovedReason,
                m.ReplacesMemberId, panel.Members.Any(x => x.ReplacesMemberId == m.Id)))
            .ToList();
        var draws = panelDraws.OrderBy(d => d.DrawnAt).ThenBy(d => d.Id)
            .Select(d => new DrawDto(
                d.Id, d.Kind.ToString(), d.Seed, d.Algorithm, d.SnapshotSha256, d.EligibleCount, d.ExcludedOnPanel, d.ExcludedInactive,
                d.ExcludedConflicted, d.ExcludedAtLoadCap, drawnIds[d.Id].Select(id => experts.TryGetValue(id, out var e) ? e.Name : id.ToString()).ToList(),
                d.DrawnAt))
            .ToList();
        return new PanelDto(
            panel.Id, panel.Size, panel.Vacancies, panel.Quotas.Select(q => new QuotaDto(q.Domains, QuotaLabel(q), q.Min)).ToList(),
            members, draws, panel.Opinion, panel.OpinionRecommendation?.ToString(), panel.OpinionAt, panel.Version);
    }

    /// <summary>"技术" or "经济 / 法律": a quota in the user's language.</summary>
    public string QuotaLabel(DomainQuota quota) =>
        string.Join(text["reviews.quota_or"], quota.Domains.Select(d => policy.Current.ExpertDomains.LabelOf(d, LocalizationSetup.IsEnglish)));

    private Failure? RulesProblem()
    {
        var problems = Rules.Problems(policy.Current.ExpertDomains);
        return problems.Count == 0 ? null : new Failure(FailureKind.Conflict, problems);
    }

    private Failure Refusal(DrawRefusal refusal) => refusal.Code switch
    {
        PanelDrawing.QuotaShort => Failure.Conflict(PanelDrawing.QuotaShort, "size", QuotaLabel(refusal.ShortQuota!), refusal.Available, refusal.Needed),
        PanelDrawing.PoolTooSmall => Failure.Conflict(PanelDrawing.PoolTooSmall, "size", refusal.Available, refusal.Needed),
        _ => Failure.Conflict(refusal.Code),
    };

    /// <summary>Every expert of the pool as the draw sees them for this subject: domains, key areas, active, conflict, load this year.</summary>
    internal async Task<List<DrawCandidate>> CandidatesAsync(ReviewSubject subject, CancellationToken ct)
    {
        var today = clock.TodayInBeijing();
        var experts = await db.Experts.AsNoTracking()
            .Select(e => new { e.Id, e.Domains, e.KeyAreas, IsActive = e.IsActive && (e.UnavailableUntil == null || e.UnavailableUntil < today) })
            .ToListAsync(ct);
        var verdicts = await conflicts.JudgeAsync(subject.Id, null, ct);
        var loads = await (from m in db.PanelMembers
                           join p in db.ReviewPanels on m.PanelId equals p.Id
                           join s in db.ReviewSubjects on p.SubjectId equals s.Id
                           where s.Year == subject.Year && (m.Status == PanelMemberStatus.Invited || m.Status == PanelMemberStatus.Accepted)
                           group m by m.ExpertId into g
                           select new { ExpertId = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.ExpertId, x => x.Count, ct);
        return experts.Select(e => new DrawCandidate(
            e.Id, e.Domains, e.KeyAreas, e.IsActive, verdicts.TryGetValue(e.Id, out var v) && v.InConflict, loads.GetValueOrDefault(e.Id))).ToList();
    }

    internal async Task<(ReviewPanel? Panel, ReviewSubject? Subject)> PanelWithSubjectAsync(Guid subjectId, CancellationToken ct)
    {
        var subject = await db.ReviewSubjects.AsNoTracking().FirstOrDefaultAsync(s => s.Id == subjectId, ct);
        var panel = subject is null ? null : await db.ReviewPanels.Include(p => p.Members).Include(p => p.Draws).FirstOrDefaultAsync(p => p.SubjectId == subjectId, ct);
        return (panel, subject);
    }

    /// <summary>A seat that may be refilled: declined (and not refilled yet), or active without a score sheet, removed with a reason.</summary>
    internal async Task<(ReviewPanel? Panel, ReviewSubject? Subject, PanelMember? Member, Failure? Failure)> SeatToRefillAsync(
        Guid subjectId, Guid memberId, string? reason, CancellationToken ct)
    {
        var (panel, subject) = await PanelWithSubjectAsync(subjectId, ct);
        if (panel is null)
        {
            return (null, null, null, Failure.NotFound(subject is null ? "reviews.subject_not_found" : "reviews.panel_missing"));
        }

        var member = panel.Members.FirstOrDefault(m => m.Id == memberId);
        if (member is null)
        {
            return (null, null, null, Failure.NotFound("reviews.member_not_found"));
        }

        if (panel.Members.Any(m => m.ReplacesMemberId == member.Id))
        {
            return (null, null, null, Failure.Conflict("reviews.replace.already_replaced"));
        }

        if (member.Status is PanelMemberStatus.Removed)
        {
            return (null, null, null, Failure.IllegalTransition("reviews.replace.not_replaceable"));
        }

        if (member.IsActive)
        {
            if (ReviewReason.Check(reason) is { } invalid)
            {
                return (null, null, null, invalid);
            }

            if (await db.ScoreSheets.AnyAsync(s => s.PanelMemberId == member.Id, ct))
            {
                return (null, null, null, Failure.IllegalTransition("reviews.replace.already_scored"));
            }
        }

        return (panel, subject, member, null);
    }

    internal async Task InviteAsync(IEnumerable<Guid> expertIds, ReviewSubject subject, CancellationToken ct)
    {
        var ids = expertIds.ToList();
        var users = await db.Experts.Where(e => ids.Contains(e.Id) && e.UserId != null).Select(e => e.UserId!.Value).ToListAsync(ct);
        await notifier.NotifyAsync(users, "reviews.notify.invited", ReviewLinks.Subject(subject.Id), ct, subject.Title);
    }

    /// <summary>
    /// A transaction in which loads are counted and seats taken: the in-process lock serialises one node, the
    /// PostgreSQL advisory lock every node.
    /// </summary>
    internal async Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction> BeginSerialisedAsync(CancellationToken ct)
    {
        var tx = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({DrawLockKey})", ct);
        }

        return tx;
    }

    /// <summary>A seed from the operating system's cryptographic generator, so nobody can choose the panel by choosing the seed.</summary>
    private static ulong NewSeed() => BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8));
}
