using InnoCenter.Domain.Common;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Funds;

/// <summary>A stored warning as the board shows it, in the reader's language, with its follow-up.</summary>
public sealed record WarningRowDto(
    Guid Id, Guid GrantId, string GrantTitle, Guid CenterId, string CenterName, string Kind, string? Subject, decimal? Figure, string Message,
    DateTimeOffset RaisedAt, DateTimeOffset? ResolvedAt, string? FollowUp, DateTimeOffset? FollowUpAt, int Version);

public sealed record FollowUpRequest(string? Note, int? Version);

/// <summary>
/// 预警看板 over the stored warnings the daily sweep keeps: read and paged by the database, filtered by kind, open ones
/// unless asked for the resolved; an Admin notes the follow-up on one.
/// </summary>
public sealed class FundWarningBoard(AppDbContext db, FundsAccess access, TimeProvider clock)
{
    public async Task<Result<PagedResult<WarningRowDto>>> ListAsync(string? kind, bool resolved, int? page, int? pageSize, CancellationToken ct)
    {
        if (!access.IsAdmin)
        {
            return Failure.Forbidden();
        }

        // Two plain conditions rather than one with a parameter in it, so the open ones are read from the index.
        var all = db.FundWarningRecords.AsNoTracking();
        var q = resolved ? all.Where(w => w.ResolvedAt != null) : all.Where(w => w.ResolvedAt == null);
        if (kind is not null && FundWarnings.Kinds.Contains(kind))
        {
            q = q.Where(w => w.Kind == kind);
        }

        var (p, size) = Paging.Normalize(page, pageSize);
        var total = await q.CountAsync(ct);
        var en = LocalizationSetup.IsEnglish;
        var rows = await q.OrderBy(w => w.Kind).ThenBy(w => w.CenterName).ThenBy(w => w.GrantTitle).ThenBy(w => w.Id)
            .Skip((p - 1) * size).Take(size).ToListAsync(ct);
        return new PagedResult<WarningRowDto>(
            rows.Select(w => new WarningRowDto(
                w.Id, w.GrantId, w.GrantTitle, w.CenterId, w.CenterName, w.Kind, en ? w.SubjectEn : w.SubjectZh, w.Figure,
                en ? w.MessageEn : w.MessageZh, w.RaisedAt, w.ResolvedAt, w.FollowUp, w.FollowUpAt, w.Version)).ToList(),
            p, size, total);
    }

    /// <summary>跟进: an Admin's note on a warning, on the version read (a stale one is a 409).</summary>
    public async Task<Result<bool>> FollowUpAsync(Guid id, FollowUpRequest? r, CancellationToken ct)
    {
        if (!access.IsAdmin)
        {
            return Failure.Forbidden();
        }

        var warning = await db.FundWarningRecords.FirstOrDefaultAsync(w => w.Id == id, ct);
        if (warning is null)
        {
            return Failure.NotFound("funds.warning_not_found");
        }

        if (r?.Version is null)
        {
            return Failure.Validation(new Error("validation.required", "version"));
        }

        if (r.Version != warning.Version)
        {
            return Failure.Conflict(VersionedSave.ConcurrencyCode);
        }

        var noted = warning.NoteFollowUp(r.Note, access.UserId, clock.GetUtcNow());
        if (!noted.IsSuccess)
        {
            return noted.Failure!;
        }

        if (await db.SaveVersionedAsync(ct) is { } lost)
        {
            return lost;
        }

        return true;
    }
}
