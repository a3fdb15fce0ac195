using InnoCenter.Domain.Common;
using InnoCenter.Domain.Reviews;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Files;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Policy;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Reviews;

/// <summary>
/// 现场考察记录: read by Admins and by the panel's experts; entered and edited by an Admin or the panel leader, with
/// photos and documents attached.
/// </summary>
public sealed class SiteInspectionHandlers(
    AppDbContext db, CurrentUser user, PolicyProvider policy, Text text, TimeProvider clock, ReviewSubjectHandlers subjects, Attachments attachments)
{
    public const string OwnerType = "SiteInspection";
    public const int MaxParticipants = 50;

    public async Task<Result<InspectionDto?>> GetAsync(Guid subjectId, CancellationToken ct)
    {
        if (!await CanReadAsync(subjectId, ct))
        {
            return Failure.NotFound("reviews.subject_not_found");
        }

        var inspection = await db.SiteInspections.AsNoTracking().Include(i => i.Participants).Include(i => i.Findings)
            .FirstOrDefaultAsync(i => i.SubjectId == subjectId, ct);
        return inspection is null ? Result<InspectionDto?>.Ok(null) : await ToDtoAsync(inspection, ct);
    }

    /// <summary>Whether the current user may enter or edit the record: an Admin, or the accepted leader not in conflict.</summary>
    public async Task<bool> CanWriteAsync(Guid subjectId, CancellationToken ct)
    {
        if (user.IsAdmin)
        {
            return await db.ReviewSubjects.AnyAsync(s => s.Id == subjectId, ct);
        }

        return user.Id is { } uid
               && await subjects.ActiveSeatAsync(uid, subjectId, ct) is { IsLeader: true, Status: PanelMemberStatus.Accepted }
               && await subjects.CanExpertOpenSubjectAsync(uid, subjectId, ct);
    }

    public async Task<bool> CanReadAsync(Guid subjectId, CancellationToken ct) =>
        user.IsAdmin
            ? await db.ReviewSubjects.AnyAsync(s => s.Id == subjectId, ct)
            : user.Id is { } uid && await subjects.CanExpertOpenSubjectAsync(uid, subjectId, ct);

    /// <summary>The checklist the record is kept against: the one it was first recorded with, else the policy's.</summary>
    public async Task<IReadOnlyList<ChecklistItemDto>> ChecklistAsync(Guid subjectId, CancellationToken ct)
    {
        var en = LocalizationSetup.IsEnglish;
        var recorded = await db.SiteInspections.AsNoTracking().Where(i => i.SubjectId == subjectId)
            .SelectMany(i => i.Findings).ToListAsync(ct);
        return recorded.Count > 0
            ? recorded.Select(f => new ChecklistItemDto(f.ItemCode, f.Label(en))).ToList()
            : policy.Current.Review.SiteInspectionChecklist.Select(c => new ChecklistItemDto(c.Code, c.Label(en))).ToList();
    }

    /// <summary>The panel's active experts, offered as participants.</summary>
    public async Task<IReadOnlyList<(Guid ExpertId, string Name, string Affiliation)>> PanelExpertsAsync(Guid subjectId, CancellationToken ct) =>
        await CanReadAsync(subjectId, ct) ? await PanelExpertsOfAsync(subjectId, ct) : [];

    private async Task<IReadOnlyList<(Guid ExpertId, string Name, string Affiliation)>> PanelExpertsOfAsync(Guid subjectId, CancellationToken ct) =>
        (await (from m in db.PanelMembers
                join p in db.ReviewPanels on m.PanelId equals p.Id
                join e in db.Experts on m.ExpertId equals e.Id
                where p.SubjectId == subjectId && (m.Status == PanelMemberStatus.Invited || m.Status == PanelMemberStatus.Accepted)
                orderby e.Name
                select new { e.Id, e.Name, e.AffiliationName }).ToListAsync(ct))
        .Select(x => (x.Id, x.Name, x.AffiliationName)).ToList();

    public async Task<Result<InspectionDto?>> SaveAsync(Guid subjectId, InspectionRequest r, CancellationToken ct)
    {
        if (!await CanWriteAsync(subjectId, ct))
        {
            return user.IsAdmin || await CanReadAsync(subjectId, ct)
                ? Failure.Forbidden("reviews.inspection.leader_only")
                : Failure.NotFound("reviews.subject_not_found");
        }

        var existing = await db.SiteInspections.Include(i => i.Participants).Include(i => i.Findings).FirstOrDefaultAsync(i => i.SubjectId == subjectId, ct);
        var validated = await ValidateAsync(subjectId, r, existing, ct);
        if (!validated.IsSuccess)
        {
            return validated.Failure!;
        }

        var now = clock.GetUtcNow();
        if (existing is null)
        {
            db.SiteInspections.Add(SiteInspection.Record(subjectId, validated.Value, user.Id, now));
        }
        else
        {
            if (r.Version is null)
            {
                return Failure.Validation(new Error("validation.required", "version"));
            }

            if (r.Version != existing.Version)
            {
                return Failure.Conflict(VersionedSave.ConcurrencyCode);
            }

            existing.Update(validated.Value, now);
        }

        try
        {
            if (await db.SaveVersionedAsync(ct) is { } lost)
            {
                return lost;
            }
        }
        catch (DbUpdateException ex) when (existing is null && ex.IsUniqueViolation())
        {
            return Failure.Conflict(VersionedSave.ConcurrencyCode);
        }

        db.ChangeTracker.Clear();
        return await GetAsync(subjectId, ct);
    }

    /// <summary>Attaches a photo or a document (kind "photo" or "document") to the record; the file is checked by its bytes.</summary>
    public async Task<Result<InspectionDto?>> AttachAsync(Guid subjectId, string? kind, IFormFile? file, CancellationToken ct)
    {
        if (!await CanWriteAsync(subjectId, ct))
        {
            return user.IsAdmin || await CanReadAsync(subjectId, ct)
                ? Failure.Forbidden("reviews.inspection.leader_only")
                : Failure.NotFound("reviews.subject_not_found");
        }

        if (kind is not ("photo" or "document"))
        {
            return Failure.Validation(new Error("reviews.inspection.file_kind", "kind"));
        }

        var inspectionId = await db.SiteInspections.Where(i => i.SubjectId == subjectId).Select(i => (Guid?)i.Id).FirstOrDefaultAsync(ct);
        if (inspectionId is null)
        {
            return Failure.IllegalTransition("reviews.inspection.record_first");
        }

        // Each upload is its own slot, so every photo is kept (a slot would version one file).
        // A photo must be a picture; the rule is checked with the others, before the bytes reach the store.
        var staged = await attachments.StageAsync(OwnerType, inspectionId.Value, $"{kind}-{Guid.CreateVersion7():N}", file, ct,
            accept: t => kind == "photo" && t.Kind is not ("jpg" or "png") ? new Error("reviews.inspection.photo_type", "file") : null);
        if (!staged.IsSuccess)
        {
            return staged.Failure!;
        }

        await db.SaveChangesAsync(ct);
        return await GetAsync(subjectId, ct);
    }

    private async Task<Result<SiteInspectionDetails>> ValidateAsync(Guid subjectId, InspectionRequest r, SiteInspection? existing, CancellationToken ct)
    {
        var errors = new List<Error>();
        if (r.Date is null)
        {
            errors.Add(new Error("validation.required", "date"));
        }
        else if (r.Date > clock.TodayInBeijing())
        {
            errors.Add(new Error("experts.date_future", "date"));
        }

        if (string.IsNullOrWhiteSpace(r.Place))
        {
            errors.Add(new Error("validation.required", "place"));
        }
        else if (r.Place.Trim().Length > FieldLengths.Address)
        {
            errors.Add(new Error("validation.too_long", "place", FieldLengths.Address));
        }

        var panelExperts = (await PanelExpertsOfAsync(subjectId, ct)).ToDictionary(e => e.ExpertId);
        var participants = new List<ParticipantDetails>();
        var requested = r.Participants ?? [];
        if (requested.Count > MaxParticipants)
        {
            errors.Add(new Error("reviews.inspection.too_many_participants", "participants", MaxParticipants));
        }

        foreach (var (p, i) in requested.Take(MaxParticipants).Select((p, i) => (p, i)))
        {
            var field = $"participants[{i}]";
            if (!Enum.TryParse<ParticipantKind>(p.Kind, true, out var kind) || !Enum.IsDefined(kind))
            {
                errors.Add(new Error("reviews.inspection.participant_kind", field + ".kind"));
            }
            else if (kind == ParticipantKind.Expert)
            {
                if (p.ExpertId is not { } expertId || !panelExperts.TryGetValue(expertId, out var expert))
                {
                    errors.Add(new Error("reviews.inspection.not_panel_expert", field + ".expertId"));
                }
                else
                {
                    participants.Add(new ParticipantDetails(kind, expertId, expert.Name, expert.Affiliation));
                }
            }
            else if (string.IsNullOrWhiteSpace(p.Name))
            {
                errors.Add(new Error("validation.required", field + ".name"));
            }
            else if (p.Name.Trim().Length > FieldLengths.PersonName || (p.Affiliation?.Trim().Length ?? 0) > FieldLengths.OrganizationName)
            {
                errors.Add(new Error("validation.too_long", field + ".name", FieldLengths.PersonName));
            }
            else
            {
                participants.Add(new ParticipantDetails(kind, null, p.Name, p.Affiliation));
            }
        }

        if (!participants.Any(p => p.Kind == ParticipantKind.Expert) && !errors.Any(e => e.Field?.StartsWith("participants", StringComparison.Ordinal) == true))
        {
            errors.Add(new Error("reviews.inspection.expert_required", "participants"));
        }

        participants = participants.DistinctBy(p => (p.Kind, p.ExpertId, p.Name.Trim())).ToList();

        var checklist = existing is { Findings.Count: > 0 }
            ? existing.Findings.Select(f => (f.ItemCode, f.ItemZh, f.ItemEn)).ToList()
            : policy.Current.Review.SiteInspectionChecklist.Select(c => (c.Code, c.Zh, c.En)).ToList();
        var findings = new List<FindingDetails>();
        var given = r.Findings ?? [];
        foreach (var unknown in given.Where(f => checklist.All(c => c.Item1 != f.ItemCode)))
        {
            errors.Add(new Error("reviews.inspection.item_unknown", "findings", unknown.ItemCode ?? string.Empty));
        }

        foreach (var (code, zh, en) in checklist)
        {
            var field = $"findings[{code}]";
            var f = given.FirstOrDefault(x => x.ItemCode == code);
            if (f is null || string.IsNullOrWhiteSpace(f.Result))
            {
                errors.Add(new Error("reviews.inspection.finding_required", field, LocalizationSetup.IsEnglish ? en : zh));
            }
            else if (!Enum.TryParse<FindingResult>(f.Result, true, out var result) || !Enum.IsDefined(result))
            {
                errors.Add(new Error("reviews.inspection.finding_unknown", field, f.Result));
            }
            else if ((f.Note?.Trim().Length ?? 0) > FieldLengths.Reason)
            {
                errors.Add(new Error("validation.too_long", field, FieldLengths.Reason));
            }
            else
            {
                findings.Add(new FindingDetails(code, zh, en, result, f.Note));
            }
        }

        InspectionConclusion conclusion = default;
        if (string.IsNullOrWhiteSpace(r.Conclusion))
        {
            errors.Add(new Error("validation.required", "conclusion"));
        }
        else if (!Enum.TryParse(r.Conclusion, true, out conclusion) || !Enum.IsDefined(conclusion))
        {
            errors.Add(new Error("reviews.inspection.conclusion_unknown", "conclusion", r.Conclusion));
        }
        else if (conclusion != InspectionConclusion.Pass && string.IsNullOrWhiteSpace(r.ConclusionNote))
        {
            errors.Add(new Error("reviews.inspection.note_required", "conclusionNote"));
        }

        if ((r.ConclusionNote?.Trim().Length ?? 0) > FieldLengths.LongText)
        {
            errors.Add(new Error("validation.too_long", "conclusionNote", FieldLengths.LongText));
        }

        return errors.Count > 0
            ? Failure.Validation(errors)
            : new SiteInspectionDetails(r.Date!.Value, r.Place!, participants, findings, conclusion, r.ConclusionNote);
    }

    private async Task<InspectionDto> ToDtoAsync(SiteInspection i, CancellationToken ct)
    {
        var en = LocalizationSetup.IsEnglish;
        return new InspectionDto(
            i.Id, i.SubjectId, i.Date, i.Place,
            i.Participants.OrderBy(p => p.Kind).ThenBy(p => p.Name).Select(p => new ParticipantDto(p.Kind.ToString(), p.ExpertId, p.Name, p.Affiliation)).ToList(),
            i.Findings.Select(f => new FindingDto(f.ItemCode, f.Label(en), f.Result.ToString(), text[$"reviews.finding.{f.Result}"], f.Note)).ToList(),
            i.Conclusion.ToString(), text[$"reviews.conclusion.{i.Conclusion}"], i.ConclusionNote, i.RecordedAt, i.UpdatedAt, i.Version,
            await attachments.ListAsync(OwnerType, i.Id, currentOnly: true, ct));
    }
}

/// <summary>Who may download a site inspection's files: Admins, and the experts who may open its subject.</summary>
public sealed class SiteInspectionFileAccess(AppDbContext db, ReviewSubjectHandlers subjects) : IAttachmentAccess
{
    public string OwnerType => SiteInspectionHandlers.OwnerType;

    public async Task<bool> CanReadAsync(Guid ownerId, CurrentUser user, CancellationToken ct)
    {
        var subjectId = await db.SiteInspections.Where(i => i.Id == ownerId).Select(i => (Guid?)i.SubjectId).FirstOrDefaultAsync(ct);
        if (subjectId is null)
        {
            return false;
        }

        return user.IsAdmin || (user.Id is { } uid && await subjects.CanExpertOpenSubjectAsync(uid, subjectId.Value, ct));
    }
}
