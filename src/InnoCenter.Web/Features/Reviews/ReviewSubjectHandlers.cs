using InnoCenter.Domain.Common;
using InnoCenter.Domain.Organizations;
using InnoCenter.Domain.Policy;
using InnoCenter.Domain.Reviews;
using InnoCenter.Web.Data;
using InnoCenter.Web.Features.Experts;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Notifications;
using InnoCenter.Web.Infrastructure.Policy;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Reviews;

/// <summary>
/// Review subjects (评审对象) and their conflicts of interest. Other modules call <see cref="EnsureSubjectAsync"/>,
/// <see cref="GetStatusAsync"/> and <see cref="CanExpertOpenAsync"/>; the pages and the API call the rest.
/// </summary>
public sealed partial class ReviewSubjectHandlers(
    AppDbContext db, CurrentUser user, PolicyProvider policy, Text text, TimeProvider clock, ConflictService conflicts, Notifier notifier)
{
    /// <summary>
    /// Creates the subject of (kind, reference) or refreshes its title, key area, year and parties. Only changes the
    /// context: the caller saves it in its own transaction.
    /// </summary>
    public async Task<Guid> EnsureSubjectAsync(
        ReviewSubjectKind kind, Guid referenceId, string title, string? keyArea, int year, IReadOnlyCollection<string> partyCreditCodes, CancellationToken ct)
    {
        var codes = partyCreditCodes
            .Select(c => Uscc.TryParse(c, out var code, out var error)
                ? code.Value
                : throw new ArgumentException($"'{c}' is not a valid credit code ({error}).", nameof(partyCreditCodes)))
            .Distinct()
            .ToList();
        var subject = db.ReviewSubjects.Local.FirstOrDefault(s => s.Kind == kind && s.ReferenceId == referenceId)
                      ?? await db.ReviewSubjects.Include(s => s.Parties).FirstOrDefaultAsync(s => s.Kind == kind && s.ReferenceId == referenceId, ct);
        var now = clock.GetUtcNow();
        if (subject is null)
        {
            subject = ReviewSubject.Create(kind, referenceId, title, keyArea, year, codes, now);
            db.ReviewSubjects.Add(subject);
        }
        else
        {
            subject.Refresh(title, keyArea, year, codes, now);
        }

        return subject.Id;
    }

    public async Task<ReviewStatus> GetStatusAsync(ReviewSubjectKind kind, Guid referenceId, CancellationToken ct)
    {
        var id = await db.ReviewSubjects.Where(s => s.Kind == kind && s.ReferenceId == referenceId).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct);
        return id is { } subjectId ? await StatusOfAsync(subjectId, ct) : new ReviewStatus(null, false, 0, 0, false, null, null, false, null);
    }

    /// <summary>True only when the user is an expert on the subject's panel (not declined or removed) and not in conflict with it.</summary>
    public async Task<bool> CanExpertOpenAsync(Guid userId, ReviewSubjectKind kind, Guid referenceId, CancellationToken ct)
    {
        var id = await db.ReviewSubjects.Where(s => s.Kind == kind && s.ReferenceId == referenceId).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct);
        return id is { } subjectId && await CanExpertOpenSubjectAsync(userId, subjectId, ct);
    }

    /// <summary>
    /// The materials (the application or report, its files, the site-inspection record) are open only to an expert who
    /// accepted the seat: an invited expert sees what they need to judge a conflict (<see cref="CanExpertSeeSubjectAsync"/>).
    /// </summary>
    public async Task<bool> CanExpertOpenSubjectAsync(Guid userId, Guid subjectId, CancellationToken ct) =>
        await ActiveSeatAsync(userId, subjectId, ct) is { Status: PanelMemberStatus.Accepted } seat
        && !await conflicts.InConflictAsync(subjectId, seat.ExpertId, ct);

    /// <summary>An invited or accepted expert not in conflict sees the subject's title, key area and parties.</summary>
    public async Task<PanelMember?> SeatThatSeesAsync(Guid userId, Guid subjectId, CancellationToken ct) =>
        await ActiveSeatAsync(userId, subjectId, ct) is { } seat && !await conflicts.InConflictAsync(subjectId, seat.ExpertId, ct)
            ? seat
            : null;

    /// <summary>The user's active seat (invited or accepted) on the subject's panel, if any.</summary>
    public Task<PanelMember?> ActiveSeatAsync(Guid userId, Guid subjectId, CancellationToken ct) =>
        (from m in db.PanelMembers
         join p in db.ReviewPanels on m.PanelId equals p.Id
         join e in db.Experts on m.ExpertId equals e.Id
         where p.SubjectId == subjectId && e.UserId == userId
               && (m.Status == PanelMemberStatus.Invited || m.Status == PanelMemberStatus.Accepted)
         select m).FirstOrDefaultAsync(ct);

    public async Task<ReviewStatus> StatusOfAsync(Guid subjectId, CancellationToken ct)
    {
        var panel = await db.ReviewPanels.AsNoTracking().FirstOrDefaultAsync(p => p.SubjectId == subjectId, ct);
        var inspection = await db.SiteInspections.AsNoTracking().Where(i => i.SubjectId == subjectId)
            .Select(i => new { i.Conclusion }).FirstOrDefaultAsync(ct);
        if (panel is null)
        {
            return new ReviewStatus(subjectId, false, 0, 0, false, null, null, inspection is not null, inspection?.Conclusion.ToString());
        }

        var sheets = await ScoringHandlers.SheetPointsAsync(db, panel.Id, ct);
        var aggregate = ScoreAggregation.Aggregate(sheets, panel.Form, panel.Aggregation);
        return new ReviewStatus(
            subjectId, true, sheets.Count, panel.Size, panel.Opinion is not null, aggregate.Total,
            panel.OpinionRecommendation?.ToString(), inspection is not null, inspection?.Conclusion.ToString());
    }

    /// <summary>Registers a subject from the API and saves it (the in-process modules use <see cref="EnsureSubjectAsync"/>).</summary>
    public async Task<Result<SubjectDto>> RegisterAsync(SubjectRequest r, CancellationToken ct)
    {
        if (!user.IsAdmin)
        {
            return Failure.Forbidden();
        }

        var errors = new List<Error>();
        if (!Enum.TryParse<ReviewSubjectKind>(r.Kind, true, out var kind) || !Enum.IsDefined(kind))
        {
            errors.Add(new Error("reviews.kind_unknown", "kind", r.Kind ?? string.Empty));
        }

        if (r.ReferenceId is null || r.ReferenceId == Guid.Empty)
        {
            errors.Add(new Error("validation.required", "referenceId"));
        }

        // Registering creates; a subject is refreshed only by its own module (the application's or the report's).
        if (errors.Count == 0 && await db.ReviewSubjects.AnyAsync(s => s.Kind == kind && s.ReferenceId == r.ReferenceId, ct))
        {
            return Failure.Conflict("reviews.subject_exists");
        }

        if (string.IsNullOrWhiteSpace(r.Title))
        {
            if (kind != ReviewSubjectKind.Application)
            {
                errors.Add(new Error("validation.required", "title"));
            }
        }
        else if (r.Title.Trim().Length > FieldLengths.Title)
        {
            errors.Add(new Error("validation.too_long", "title", FieldLengths.Title));
        }

        if (!string.IsNullOrWhiteSpace(r.KeyArea) && policy.Current.KeyAreas.All(k => k.Code != r.KeyArea.Trim()))
        {
            errors.Add(new Error("experts.key_area_unknown", "keyArea", r.KeyArea));
        }

        if (r.Year is not (>= 2000 and <= 2100))
        {
            errors.Add(new Error("validation.range", "year", 2000, 2100));
        }

        var parties = r.PartyCreditCodes ?? [];
        if (kind == ReviewSubjectKind.Application)
        {
            // An application's parties are its consortium, read from the application; nobody writes them from outside.
            if (parties.Count > 0)
            {
                errors.Add(new Error("reviews.parties_not_writable", "partyCreditCodes"));
            }
        }
        else if (parties.Count == 0)
        {
            errors.Add(new Error("reviews.parties_required", "partyCreditCodes"));
        }

        foreach (var c in parties)
        {
            if (!Uscc.TryParse(c, out _, out var codeError))
            {
                errors.Add(new Error(codeError!, "partyCreditCodes"));
            }
        }

        if (errors.Count > 0)
        {
            return Failure.Validation(errors);
        }

        var title = r.Title ?? string.Empty;
        var keyArea = r.KeyArea;
        if (kind == ReviewSubjectKind.Application)
        {
            var application = await db.Applications.AsNoTracking().Include(a => a.Members)
                .FirstOrDefaultAsync(a => a.Id == r.ReferenceId, ct);
            if (application is null)
            {
                return Failure.Validation(new Error("reviews.reference_not_found", "referenceId"));
            }

            var orgIds = application.Members.Select(m => m.OrganizationId).Append(application.LeadOrganizationId).Distinct().ToList();
            parties = await db.Organizations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).Select(o => o.CreditCode).ToListAsync(ct);
            title = application.CenterName;
            keyArea = application.KeyArea;
        }

        var id = await EnsureSubjectAsync(kind, r.ReferenceId!.Value, title, keyArea, r.Year!.Value, parties.ToList(), ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            var reference = r.ReferenceId!.Value;
            if (await db.ReviewSubjects.AsNoTracking().AnyAsync(s => s.Kind == kind && s.ReferenceId == reference && s.Id != id, ct))
            {
                // Two creates at once: the unique (kind, reference) index kept one.
                return Failure.Conflict("reviews.subject_exists");
            }

            throw;
        }

        return await GetAsync(id, ct);
    }

    /// <summary>An Admin reads any subject; an expert only one they may open; everyone else is told it does not exist.</summary>
    public async Task<Result<SubjectDto>> GetAsync(Guid id, CancellationToken ct)
    {
        var seat = user.IsAdmin || user.Id is not { } uid ? null : await SeatThatSeesAsync(uid, id, ct);
        if (!user.IsAdmin && seat is null)
        {
            return Failure.NotFound("reviews.subject_not_found");
        }

        var s = await db.ReviewSubjects.AsNoTracking().Include(x => x.Parties).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null)
        {
            return Failure.NotFound("reviews.subject_not_found");
        }

        var codes = s.PartyCreditCodes;
        var names = await db.Organizations.AsNoTracking().Where(o => codes.Contains(o.CreditCode))
            .ToDictionaryAsync(o => o.CreditCode, o => o.Name, ct);
        var en = LocalizationSetup.IsEnglish;
        return new SubjectDto(
            s.Id, s.Kind.ToString(), text[ReviewEnumText.KindKey(s.Kind)], s.ReferenceId, s.Title, s.KeyArea,
            s.KeyArea is null ? null : policy.Current.KeyAreas.LabelOf(s.KeyArea, en), s.Year,
            codes.Select(c => new PartyDto(c, names.GetValueOrDefault(c))).ToList(),
            seat is { Status: not PanelMemberStatus.Accepted }
                ? new ReviewStatus(s.Id, false, 0, 0, false, null, null, false, null)
                : await StatusOfAsync(s.Id, ct));
    }

    public async Task<PagedResult<SubjectRow>> ListAsync(SubjectFilter f, CancellationToken ct)
    {
        var (page, size) = Paging.Normalize(f.Page, f.PageSize);
        var q = db.ReviewSubjects.AsNoTracking();
        if (!user.IsAdmin)
        {
            q = q.Where(_ => false);
        }

        if (!string.IsNullOrWhiteSpace(f.Search))
        {
            var s = f.Search.Trim();
            q = q.Where(x => x.Title.Contains(s));
        }

        if (Enum.TryParse<ReviewSubjectKind>(f.Kind, true, out var kind))
        {
            q = q.Where(x => x.Kind == kind);
        }

        if (f.Year is { } year)
        {
            q = q.Where(x => x.Year == year);
        }

        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(x => x.Year).ThenByDescending(x => x.CreatedAt).ThenBy(x => x.Id)
            .Skip((page - 1) * size).Take(size)
            .Select(x => new { x.Id, x.Kind, x.Title, x.Year, x.KeyArea, Inspected = db.SiteInspections.Any(i => i.SubjectId == x.Id) })
            .ToListAsync(ct);

        // The page's panels in a query of their own: a panel projected into each row (FirstOrDefault) became a
        // ROW_NUMBER() over every panel of the table on SQLite, per request (review subjects at 14 % of the floor, national).
        var subjectIds = rows.Select(r => r.Id).ToList();
        var panels = await db.ReviewPanels.AsNoTracking().Where(p => subjectIds.Contains(p.SubjectId))
            .Select(p => new { p.SubjectId, p.Id, p.Size, HasOpinion = p.Opinion != null })
            .ToDictionaryAsync(p => p.SubjectId, ct);
        var panelIds = panels.Values.Select(p => p.Id).ToList();
        var scored = await db.ScoreSheets.Where(s => panelIds.Contains(s.PanelId)).GroupBy(s => s.PanelId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var en = LocalizationSetup.IsEnglish;
        var items = rows.Select(r =>
        {
            var panel = panels.GetValueOrDefault(r.Id);
            return new SubjectRow(
                r.Id, r.Kind.ToString(), text[ReviewEnumText.KindKey(r.Kind)], r.Title, r.Year,
                r.KeyArea is null ? null : policy.Current.KeyAreas.LabelOf(r.KeyArea, en),
                panel is not null, panel?.Size ?? 0, panel is null ? 0 : scored.GetValueOrDefault(panel.Id), panel?.HasOpinion ?? false, r.Inspected);
        }).ToList();
        return new PagedResult<SubjectRow>(items, page, size, total);
    }
}
