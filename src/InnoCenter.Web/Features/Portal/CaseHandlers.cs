using InnoCenter.Domain.Common;
using InnoCenter.Domain.Policy;
using InnoCenter.Domain.Portal;
using InnoCenter.Web.Data;
using InnoCenter.Web.Data.Configurations.Portal;
using InnoCenter.Web.Features.Centers;
using InnoCenter.Web.Features.Ledger;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Files;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Notifications;
using InnoCenter.Web.Infrastructure.Policy;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Portal;

/// <summary>
/// Typical cases (典型经验) from draft to public: a center's staff write and submit, an Admin returns with remarks or
/// publishes, features and withdraws. Every command checks the role and the center first, then the input, then the
/// case's version (a stale one is a 409), and saves the change with its notifications in one transaction.
/// </summary>
public sealed class CaseHandlers(
    AppDbContext db, CurrentUser user, CenterAccess centers, PolicyProvider policy, Notifier notifier, Attachments attachments,
    LedgerKinds ledgerKinds, TimeProvider clock)
{
    public const string OwnerType = PortalOwnerTypes.Case;

    private PortalRules Rules => policy.Current.Portal;

    public async Task<Result<CaseDto>> CreateAsync(CaseRequest r, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.CenterUser))
        {
            return Failure.Forbidden("portal.case.forbidden");
        }

        if (r.CenterId is not { } centerId)
        {
            return Failure.Validation(new Error("validation.required", "centerId"));
        }

        if (!await centers.CanEditAsync(centerId, ct))
        {
            return Failure.Forbidden("portal.case.forbidden");
        }

        var content = await ValidateAsync(r, centerId, ct);
        if (!content.IsSuccess)
        {
            return content.Failure!;
        }

        var c = TypicalCase.Draft(centerId, user.Id, content.Value, clock.GetUtcNow());
        db.PortalCases.Add(c);
        await db.SaveChangesAsync(ct);
        return await GetAsync(c.Id, ct);
    }

    public async Task<Result<CaseDto>> EditAsync(Guid id, CaseRequest r, CancellationToken ct)
    {
        var (c, failure) = await LoadForCenterAsync(id, ct);
        if (c is null)
        {
            return failure!;
        }

        var content = await ValidateAsync(r, c.CenterId, ct);
        if (!content.IsSuccess)
        {
            return content.Failure!;
        }

        if (Stale(c, r.Version) is { } stale)
        {
            return stale;
        }

        var edited = c.Edit(content.Value, clock.GetUtcNow());
        if (!edited.IsSuccess)
        {
            return edited.Failure!;
        }

        return await SaveThenGetAsync(c, ct);
    }

    public async Task<Result<CaseDto>> SubmitAsync(Guid id, int? version, CancellationToken ct)
    {
        var (c, failure) = await LoadForCenterAsync(id, ct);
        if (c is null)
        {
            return failure!;
        }

        if (Stale(c, version) is { } stale)
        {
            return stale;
        }

        var submitted = c.Submit(clock.GetUtcNow());
        if (!submitted.IsSuccess)
        {
            return submitted.Failure!;
        }

        await notifier.NotifyAsync(await Recipients.AdminsAsync(db, ct), "portal.notify.submitted", Links.Manage(c.Id), ct, submitted.Value.Title);
        return await SaveThenGetAsync(c, ct);
    }

    public Task<Result<CaseDto>> ReturnAsync(Guid id, CaseReturnRequest r, CancellationToken ct) =>
        AdminActAsync(id, r.Version, ct, (c, now) => c.Return(r.Remarks, now).Failure, "portal.notify.returned");

    public Task<Result<CaseDto>> PublishAsync(Guid id, int? version, CancellationToken ct) =>
        AdminActAsync(id, version, ct, (c, now) => c.Publish(now).Failure, "portal.notify.published");

    public Task<Result<CaseDto>> FeatureAsync(Guid id, CaseFeatureRequest r, CancellationToken ct) =>
        AdminActAsync(id, r.Version, ct, (c, now) => c.SetFeatured(r.Featured, now).Failure, null);

    public Task<Result<CaseDto>> WithdrawAsync(Guid id, CaseWithdrawRequest r, CancellationToken ct) =>
        AdminActAsync(id, r.Version, ct, (c, now) => c.Withdraw(r.Reason, now).Failure, "portal.notify.withdrawn");

    /// <summary>An image for the body: checked (type by its bytes, size cap) before anything is stored.</summary>
    public async Task<Result<ImageUploaded>> UploadImageAsync(Guid id, IFormFile? file, CancellationToken ct)
    {
        var (c, failure) = await LoadForCenterAsync(id, ct);
        if (c is null)
        {
            return failure!;
        }

        var staged = await attachments.StageAsync(
            OwnerType, c.Id, "image-" + Guid.CreateVersion7().ToString("N"), file, ct,
            accept: t => t.Kind is "jpg" or "png" ? null : new Error("portal.image_type", "file"));
        if (!staged.IsSuccess)
        {
            return staged.Failure!;
        }

        await db.SaveChangesAsync(ct);
        var url = Links.File(staged.Value.Id);
        var alt = Path.GetFileNameWithoutExtension(staged.Value.OriginalName).Replace("]", string.Empty, StringComparison.Ordinal);
        return new ImageUploaded(staged.Value.Id, url, $"![{alt}]({url})");
    }

    public async Task<Result<CaseDto>> GetAsync(Guid id, CancellationToken ct)
    {
        var c = await db.PortalCases.AsNoTracking().Include(x => x.Versions).AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null || !await CanManageAsync(c.CenterId, ct))
        {
            return Failure.NotFound("portal.case.not_found");
        }

        var centerName = await db.Centers.Where(x => x.Id == c.CenterId).Select(x => x.Name).FirstAsync(ct);
        var english = LocalizationSetup.IsEnglish;
        return new CaseDto(
            c.Id, c.CenterId, centerName, c.Status, c.Featured, c.PublishedVersionId, c.WithdrawnReason, c.CreatedAt, c.Version,
            c.Versions.OrderByDescending(v => v.Number).Select(v => new CaseVersionDto(
                v.Id, v.Number, v.Status, v.Title, v.Summary, v.Body, v.BodyHtml, v.Task, Rules.CaseTasks.LabelOf(v.Task, english),
                v.Evidence, v.Remarks, v.UpdatedAt, v.SubmittedAt, v.PublishedAt)).ToList());
    }

    /// <summary>The staff list: an Admin sees every case, a center's staff their centers' ones.</summary>
    public async Task<Result<PagedResult<CaseRow>>> ListAsync(CaseFilter f, CancellationToken ct)
    {
        IQueryable<TypicalCase> q = db.PortalCases.AsNoTracking();
        if (!user.IsAdmin)
        {
            if (!user.IsInRole(Roles.CenterUser))
            {
                return Failure.Forbidden("portal.case.forbidden");
            }

            var own = await centers.EditableAsync(ct);
            q = q.Where(c => own.Contains(c.CenterId));
        }

        if (f.CenterId is { } centerId)
        {
            q = q.Where(c => c.CenterId == centerId);
        }

        // The latest version is the one with no later one; only it can be submitted or returned.
        var latest = db.PortalCaseVersions.Where(v => !db.PortalCaseVersions.Any(w => w.CaseId == v.CaseId && w.Number > v.Number));
        var rows = from c in q
                   join v in latest on c.Id equals v.CaseId
                   join center in db.Centers on c.CenterId equals center.Id
                   select new { c, v, CenterName = center.Name };
        if (f.Review is { } review)
        {
            rows = rows.Where(x => x.v.Status == review);
        }

        var (page, size) = Paging.Normalize(f.Page, f.PageSize);
        var total = await rows.CountAsync(ct);
        var items = await rows.OrderByDescending(x => x.v.UpdatedAt).ThenBy(x => x.c.Id).Skip((page - 1) * size).Take(size)
            .Select(x => new { x.c.Id, x.CenterName, x.v.Title, x.v.Task, x.c.Status, LatestStatus = x.v.Status, x.v.Number, x.c.Featured, x.v.UpdatedAt })
            .ToListAsync(ct);
        var english = LocalizationSetup.IsEnglish;
        return new PagedResult<CaseRow>(
            items.Select(x => new CaseRow(x.Id, x.CenterName, x.Title, Rules.CaseTasks.LabelOf(x.Task, english), x.Status, x.LatestStatus, x.Number, x.Featured, x.UpdatedAt)).ToList(),
            page, size, total);
    }

    /// <summary>The centers the user may write cases for (a page's choices).</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> WritableCentersAsync(CancellationToken ct)
    {
        var own = await centers.EditableAsync(ct);
        var list = await db.Centers.AsNoTracking().Where(c => own.Contains(c.Id)).OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        return list.Select(c => (c.Id, c.Name)).ToList();
    }

    private async Task<Result<CaseDto>> AdminActAsync(
        Guid id, int? version, CancellationToken ct, Func<TypicalCase, DateTimeOffset, Failure?> act, string? notifyKey)
    {
        if (!user.IsAdmin)
        {
            return Failure.Forbidden("portal.case.forbidden");
        }

        var c = await db.PortalCases.Include(x => x.Versions).AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return Failure.NotFound("portal.case.not_found");
        }

        if (Stale(c, version) is { } stale)
        {
            return stale;
        }

        if (act(c, clock.GetUtcNow()) is { } failed)
        {
            return failed;
        }

        if (notifyKey is not null && c.CreatedBy is { } author)
        {
            await notifier.NotifyAsync([author], notifyKey, Links.Manage(c.Id), ct, c.Latest.Title);
        }

        return await SaveThenGetAsync(c, ct);
    }

    private async Task<Result<CaseDto>> SaveThenGetAsync(TypicalCase c, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        return await GetAsync(c.Id, ct);
    }

    private static Failure? Stale(TypicalCase c, int? version) =>
        version is { } v && v != c.Version ? Failure.Conflict(VersionedSave.ConcurrencyCode) : null;

    private async Task<(TypicalCase? Case, Failure? Failure)> LoadForCenterAsync(Guid id, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.CenterUser))
        {
            return (null, Failure.Forbidden("portal.case.forbidden"));
        }

        var c = await db.PortalCases.Include(x => x.Versions).AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null || !await centers.CanEditAsync(c.CenterId, ct))
        {
            return (null, Failure.NotFound("portal.case.not_found"));
        }

        return (c, null);
    }

    private async Task<bool> CanManageAsync(Guid centerId, CancellationToken ct) => user.IsAdmin || await centers.CanEditAsync(centerId, ct);

    private async Task<Result<CaseContent>> ValidateAsync(CaseRequest r, Guid centerId, CancellationToken ct)
    {
        var errors = new List<Error>();
        Required(r.Title, "title", FieldLengths.Title);
        Required(r.Summary, "summary", PortalLengths.Summary);
        Required(r.Body, "body", PortalLengths.Body);
        if (string.IsNullOrWhiteSpace(r.Task))
        {
            errors.Add(new Error("validation.required", "task"));
        }
        else if (Rules.CaseTasks.All(t => t.Code != r.Task))
        {
            errors.Add(new Error("portal.case.task_unknown", "task", r.Task));
        }

        var evidence = (r.Evidence ?? []).Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e.Trim()).Distinct().ToList();
        if (evidence.Count > Rules.MaxEvidence)
        {
            errors.Add(new Error("portal.case.evidence_too_many", "evidence", Rules.MaxEvidence));
        }
        else
        {
            foreach (var e in evidence)
            {
                var parts = e.Split('/', 2);
                var kind = parts.Length == 2 ? ledgerKinds.Find(parts[0]) : null;
                if (kind is null || !Guid.TryParse(parts[1], out var recordId) || await kind.VisibleCenterOfAsync(recordId, ct) != centerId)
                {
                    errors.Add(new Error("portal.case.evidence_unknown", "evidence", e));
                }
            }
        }

        var rendered = PortalMarkdown.Render(r.Body);
        if (rendered.Removed.Count > 0)
        {
            errors.Add(new Error("portal.body_unsafe", "body", [rendered.Removed.ToArray()]));
        }

        if (errors.Count > 0)
        {
            return Failure.Validation(errors);
        }

        return new CaseContent(r.Title!.Trim(), r.Summary!.Trim(), r.Body!, rendered.Html, r.Task!, evidence);

        void Required(string? value, string field, int max)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add(new Error("validation.required", field));
            }
            else if (value.Length > max)
            {
                errors.Add(new Error("validation.max_length", field, max));
            }
        }
    }

    public static class Links
    {
        public static string Manage(Guid id) => $"/Portal/Manage/Case/{id}";

        public static string Public(Guid id) => $"/Portal/Cases/{id}";

        public static string File(Guid fileId) => $"/api/v1/portal/files/{fileId}";
    }
}
