using InnoCenter.Domain.Common;
using InnoCenter.Domain.Plans;
using InnoCenter.Web.Data;
using InnoCenter.Web.Features.Centers;
using InnoCenter.Web.Features.Ledger;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;
using InnoCenter.Web.Infrastructure.Localization;

namespace InnoCenter.Web.Features.Plans;

/// <summary>
/// The center reports the actual of a free planned indicator for a year with its evidence (a linked one's actual is the
/// ledger's, never typed). Only an indicator of the plan in force that year, only a year already begun; a change
/// carries the version read, and a stale one is a 409.
/// </summary>
public sealed class PlanActualHandlers(
    AppDbContext db, CurrentUser user, CenterAccess access, PlanQueries queries, PlanProgressQueries progress, Attachments attachments, TimeProvider clock)
{
    public const string EvidenceOwner = "plan-actual";

    /// <summary>The form field (page and multipart API) that carries the evidence file.</summary>
    public const string EvidenceField = "evidenceFile";

    /// <summary>The actual with its evidence described in text (the JSON API).</summary>
    public Task<Result<PlanProgressDto>> ReportAsync(Guid centerId, ReportActualRequest request, CancellationToken ct) =>
        ReportAsync(centerId, request, null, fileRequired: false, ct);

    /// <summary>
    /// The actual with a text, an uploaded evidence file, or both. The file goes through the common upload check
    /// (size cap, type by content, name matching content) before any byte or row is kept, and is saved in the same
    /// transaction as the value. <paramref name="fileRequired"/>: the caller (the multipart API) promised a file, so
    /// a missing one is refused — after the role and ownership checks, like every other validation.
    /// </summary>
    public async Task<Result<PlanProgressDto>> ReportAsync(Guid centerId, ReportActualRequest request, IFormFile? file, bool fileRequired, CancellationToken ct)
    {
        if (!await db.Centers.AnyAsync(c => c.Id == centerId, ct) || !await queries.CanSeeAsync(centerId, ct))
        {
            return Failure.NotFound("plans.center_not_found");
        }

        if (!await access.CanEditAsync(centerId, ct))
        {
            return Failure.Forbidden("plans.only_center_reports");
        }

        if (file is { Length: 0 })
        {
            file = null;
        }

        if (fileRequired && file is null)
        {
            return Failure.Validation(new Error("file.empty", EvidenceField));
        }

        if (request.Year is not { } year)
        {
            return Failure.Validation(new Error("validation.required", "year"));
        }

        if (LedgerRollup.CheckYear(year) is { } bad)
        {
            return Failure.Validation(bad);
        }

        if (year > clock.TodayInBeijing().Year)
        {
            return Failure.Validation(new Error("plans.year_not_begun", "year", year));
        }

        var name = request.Indicator?.Trim();
        var (_, targets) = await progress.PlanInForceAsync(centerId, year, ct);
        var indicator = targets.FirstOrDefault(t => t.Name == name);
        if (indicator is null)
        {
            return Failure.Validation(new Error("plans.indicator_not_in_plan", "indicator", name ?? string.Empty, year));
        }

        if (indicator.Figure is not null)
        {
            return Failure.Validation(new Error("plans.indicator_linked", "indicator", name!));
        }

        var now = clock.GetUtcNow();
        PlanActual actual;
        var existing = await db.PlanActuals.FirstOrDefaultAsync(a => a.CenterId == centerId && a.Year == year && a.IndicatorName == name, ct);
        if (existing is not null)
        {
            if (request.Version is { } v && v != existing.Version)
            {
                return Failure.Conflict(VersionedSave.ConcurrencyCode);
            }

            var changed = existing.Change(request.Value, request.Evidence, user.Id, now, file is not null);
            if (!changed.IsSuccess)
            {
                return changed.Failure!;
            }

            actual = existing;
        }
        else
        {
            var reported = PlanActual.Report(centerId, year, name, request.Value, request.Evidence, user.Id, now, file is not null);
            if (!reported.IsSuccess)
            {
                return reported.Failure!;
            }

            actual = reported.Value;
            db.PlanActuals.Add(actual);
        }

        if (file is not null)
        {
            var stored = await attachments.StageAsync(EvidenceOwner, actual.Id, "evidence", file, ct, EvidenceField);
            if (!stored.IsSuccess)
            {
                return stored.Failure!;
            }

            actual.AttachEvidence(stored.Value.Id);
        }

        try
        {
            if (await db.SaveVersionedAsync(ct) is { } lost)
            {
                return lost;
            }
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            // Two first reports of one indicator at once: the other was stored; this one read nothing to change.
            return Failure.Conflict(VersionedSave.ConcurrencyCode);
        }

        return await queries.ProgressAsync(centerId, year, ct);
    }
}
