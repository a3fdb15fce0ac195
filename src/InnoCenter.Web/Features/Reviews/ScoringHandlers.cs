using InnoCenter.Domain.Common;
using InnoCenter.Domain.Reviews;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Reviews;

/// <summary>
/// Scoring (评分) and the panel opinion (专家组意见). An expert scores once, on the panel's form; they see the others'
/// sheets only after submitting their own, and never who gave which. Admins see the whole matrix with names.
/// </summary>
public sealed class ScoringHandlers(AppDbContext db, CurrentUser user, Text text, TimeProvider clock, ConflictService conflicts, ReviewSubjectHandlers subjects)
{
    public static async Task<List<SheetPoints>> SheetPointsAsync(AppDbContext db, Guid panelId, CancellationToken ct)
    {
        // Points are decimals, which SQLite keeps as text: they are summed here, never in SQL.
        var items = await (from s in db.ScoreSheets.AsNoTracking()
                           from i in s.Items
                           where s.PanelId == panelId
                           select new { s.Id, i.CriterionCode, i.Points }).ToListAsync(ct);
        return items.GroupBy(i => i.Id)
            .Select(g => new SheetPoints(g.Key, g.ToDictionary(i => i.CriterionCode, i => i.Points)))
            .OrderBy(s => s.SheetId)
            .ToList();
    }

    public async Task<Result<ScoresDto>> SubmitAsync(Guid subjectId, ScoreRequest request, CancellationToken ct)
    {
        var (panel, member, failure) = await SeatAsync(subjectId, ct);
        if (failure is not null)
        {
            return failure;
        }

        if (member!.Status != PanelMemberStatus.Accepted)
        {
            return Failure.IllegalTransition("reviews.score.accept_first");
        }

        if (await db.ScoreSheets.AnyAsync(s => s.PanelMemberId == member.Id, ct))
        {
            return Failure.Conflict("reviews.score.duplicate");
        }

        var sheet = ScoreSheet.Submit(member, panel!.Form, request.Points, request.Comment, request.Recommendation, clock.GetUtcNow());
        if (!sheet.IsSuccess)
        {
            return sheet.Failure!;
        }

        db.ScoreSheets.Add(sheet.Value);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            var sheetId = sheet.Value.Id;
            if (await db.ScoreSheets.AsNoTracking().AnyAsync(s => s.PanelMemberId == member.Id && s.Id != sheetId, ct))
            {
                // The same expert submitted twice at once; the unique index kept the first.
                return Failure.Conflict("reviews.score.duplicate");
            }

            throw;
        }

        return await ScoresAsync(subjectId, ct);
    }

    /// <summary>
    /// Admins: every sheet with the expert's name and outlier flags. An expert on the panel: every sheet anonymously,
    /// once they submitted their own (before that, 403). Anyone else: not found.
    /// </summary>
    public async Task<Result<ScoresDto>> ScoresAsync(Guid subjectId, CancellationToken ct)
    {
        ReviewPanel? panel;
        PanelMember? mine = null;
        if (user.IsAdmin)
        {
            panel = await db.ReviewPanels.AsNoTracking().FirstOrDefaultAsync(p => p.SubjectId == subjectId, ct);
            if (panel is null)
            {
                return Failure.NotFound("reviews.panel_missing");
            }
        }
        else
        {
            var seat = await SeatAsync(subjectId, ct);
            if (seat.Failure is not null)
            {
                return seat.Failure;
            }

            (panel, mine) = (seat.Panel, seat.Member);
            if (!await db.ScoreSheets.AnyAsync(s => s.PanelMemberId == mine!.Id, ct))
            {
                return Failure.Forbidden("reviews.scores.submit_first");
            }
        }

        var form = panel!.Form;
        var sheets = await db.ScoreSheets.AsNoTracking().Include(s => s.Items).Where(s => s.PanelId == panel.Id).ToListAsync(ct);
        var points = sheets.Select(s => new SheetPoints(s.Id, s.Items.ToDictionary(i => i.CriterionCode, i => i.Points))).ToList();
        var aggregate = ScoreAggregation.Aggregate(points, form, panel.Aggregation);
        var names = user.IsAdmin
            ? await db.Experts.AsNoTracking().Where(e => sheets.Select(s => s.ExpertId).Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct)
            : [];
        var en = LocalizationSetup.IsEnglish;

        // Experts read the sheets ordered by total, labelled by rank: neither the order of submission nor a name tells who gave which.
        var ordered = user.IsAdmin
            ? sheets.OrderBy(s => names.GetValueOrDefault(s.ExpertId)).ThenBy(s => s.Id).ToList()
            : sheets.OrderByDescending(s => s.Total).ThenBy(s => s.Id).ToList();
        var rows = ordered.Select((s, i) => new ScoreRowDto(
                user.IsAdmin ? names.GetValueOrDefault(s.ExpertId, "?") : text["reviews.anonymous_expert", i + 1],
                user.IsAdmin ? s.ExpertId : null,
                s.Items.ToDictionary(x => x.CriterionCode, x => x.Points),
                s.Total,
                s.Recommendation.ToString(),
                text[$"reviews.recommendation.{s.Recommendation}"],
                s.Comment,
                user.IsAdmin ? aggregate.Outliers.Contains(s.Id) : null,
                mine is not null && s.PanelMemberId == mine.Id,
                s.SubmittedAt))
            .ToList();
        return new ScoresDto(
            form.Criteria.Select(c => new CriterionDto(c.Code, c.Label(en), c.MaxPoints)).ToList(),
            form.MaxTotal,
            rows,
            new AggregateDto(aggregate.Criteria.ToDictionary(c => c.Code, c => c.Value), aggregate.Total, aggregate.Trimmed, aggregate.Count,
                aggregate.MedianTotal, aggregate.OutlierThreshold),
            panel.Size,
            panel.Opinion,
            panel.OpinionRecommendation?.ToString());
    }

    /// <summary>
    /// The leader writes (or revises) the panel opinion once every seat is filled by an expert who accepted and submitted
    /// a score sheet.
    /// </summary>
    public async Task<Result<ScoresDto>> WriteOpinionAsync(Guid subjectId, OpinionRequest request, CancellationToken ct)
    {
        var (panel, member, failure) = await SeatAsync(subjectId, ct, tracked: true);
        if (failure is not null)
        {
            return failure;
        }

        if (!member!.IsLeader || member.Status != PanelMemberStatus.Accepted)
        {
            return Failure.Forbidden("reviews.opinion.leader_only");
        }

        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(request.Text))
        {
            errors.Add(new Error("validation.required", "text"));
        }
        else if (request.Text.Trim().Length > FieldLengths.LongText)
        {
            errors.Add(new Error("validation.too_long", "text", FieldLengths.LongText));
        }

        Recommendation recommendation = default;
        if (string.IsNullOrWhiteSpace(request.Recommendation))
        {
            errors.Add(new Error("validation.required", "recommendation"));
        }
        else if (!Enum.TryParse(request.Recommendation, true, out recommendation) || !Enum.IsDefined(recommendation))
        {
            errors.Add(new Error("reviews.recommendation_unknown", "recommendation", request.Recommendation));
        }

        if (errors.Count > 0)
        {
            return Failure.Validation(errors);
        }

        var active = panel!.ActiveMembers.ToList();
        var submitted = await db.ScoreSheets.Where(s => s.PanelId == panel.Id).Select(s => s.PanelMemberId).ToListAsync(ct);
        if (active.Count < panel.Size || active.Any(m => m.Status != PanelMemberStatus.Accepted || !submitted.Contains(m.Id)))
        {
            return Failure.IllegalTransition("reviews.opinion.not_all_scored", submitted.Count(id => active.Any(m => m.Id == id)), panel.Size);
        }

        panel.WriteOpinion(member, request.Text!, recommendation, clock.GetUtcNow());
        if (await db.SaveVersionedAsync(ct) is { } lost)
        {
            return lost;
        }

        return await ScoresAsync(subjectId, ct);
    }

    /// <summary>The criteria of the panel's form, for the scoring page.</summary>
    public async Task<IReadOnlyList<CriterionDto>> CriteriaAsync(Guid subjectId, CancellationToken ct)
    {
        if (!user.IsAdmin && (user.Id is not { } uid || !await subjects.CanExpertOpenSubjectAsync(uid, subjectId, ct)))
        {
            return [];
        }

        var panel = await db.ReviewPanels.AsNoTracking().FirstOrDefaultAsync(p => p.SubjectId == subjectId, ct);
        var en = LocalizationSetup.IsEnglish;
        return panel is null ? [] : panel.Form.Criteria.Select(c => new CriterionDto(c.Code, c.Label(en), c.MaxPoints)).ToList();
    }

    /// <summary>The signed-in expert's active seat on the subject's panel; not found when there is none or the expert is in conflict.</summary>
    private async Task<(ReviewPanel? Panel, PanelMember? Member, Failure? Failure)> SeatAsync(Guid subjectId, CancellationToken ct, bool tracked = false)
    {
        if (user.Id is not { } uid || await subjects.ActiveSeatAsync(uid, subjectId, ct) is not { } seat)
        {
            return (null, null, Failure.NotFound("reviews.subject_not_found"));
        }

        if (await conflicts.InConflictAsync(subjectId, seat.ExpertId, ct))
        {
            return (null, null, Failure.NotFound("reviews.subject_not_found"));
        }

        var panels = tracked ? db.ReviewPanels : db.ReviewPanels.AsNoTracking();
        var panel = await panels.Include(p => p.Members).FirstAsync(p => p.Id == seat.PanelId, ct);
        return (panel, panel.Members.First(m => m.Id == seat.Id), null);
    }
}
