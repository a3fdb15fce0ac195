using InnoCenter.Domain.Common;
using InnoCenter.Domain.Funds;
using InnoCenter.Domain.Policy;
using InnoCenter.Web.Data;
using InnoCenter.Web.Features.Centers;
using InnoCenter.Web.Infrastructure.Files;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Policy;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Funds;

/// <summary>
/// Money moving into and out of a grant: tranches planned and released (four eyes, holds), 配套/自筹 receipts with
/// evidence, clawbacks and acceptance evidence.
/// </summary>
public sealed class TrancheHandlers(
    AppDbContext db, FundsAccess access, PolicyVersions versions, FundFigures figures, GrantHandlers grants, Attachments attachments,
    Text text, TimeProvider clock)
{
    private static bool En => LocalizationSetup.IsEnglish;

    public async Task<Result<TrancheDto>> PlanTrancheAsync(Guid grantId, TrancheRequest? r, CancellationToken ct)
    {
        if (!access.IsAdmin)
        {
            return Failure.Forbidden();
        }

        var found = await access.GrantAsync(grantId, tracked: true, ct);
        if (!found.IsSuccess)
        {
            return found.Failure!;
        }

        var grant = found.Value;
        var sourceFen = await db.FundGrantLineShares.Where(s => s.GrantId == grantId && s.Source == grant.Source).SumAsync(s => (long?)s.AmountFen, ct) ?? 0;
        var plannedFen = await db.FundTranches.Where(t => t.GrantId == grantId).SumAsync(t => (long?)t.AmountFen, ct) ?? 0;
        var sequence = (await db.FundTranches.Where(t => t.GrantId == grantId).MaxAsync(t => (int?)t.Sequence, ct) ?? 0) + 1;
        var planned = Tranche.Plan(grant, sequence, r?.Amount, r?.PlannedOn, r?.IsFinal ?? false, sourceFen, plannedFen, access.UserId, clock.GetUtcNow());
        if (!planned.IsSuccess)
        {
            return planned.Failure!;
        }

        db.FundTranches.Add(planned.Value);
        // Two Admins planning at once both read the same planned total; touching the grant makes one of them stale.
        db.Entry(grant).State = EntityState.Modified;
        await grants.NotifyOtherAdminsAsync("funds.notify.tranche_to_release", grant, ct);
        if (await db.SaveVersionedAsync(ct) is { } conflict)
        {
            return conflict;
        }

        var t = planned.Value;
        return new TrancheDto(t.Id, t.Sequence, t.Amount, t.PlannedOn, t.IsFinal, t.Status.ToString(), text[$"funds.tranche.{t.Status}"], t.ReleasedOn, t.PlannedBy, t.Version, []);
    }

    /// <summary>拨付: a second Admin; refused as a 409 naming every hold while any applies.</summary>
    public async Task<Result<TrancheDto>> ReleaseTrancheAsync(Guid grantId, Guid trancheId, TrancheReleaseRequest? r, CancellationToken ct)
    {
        if (!access.IsAdmin)
        {
            return Failure.Forbidden();
        }

        var found = await access.GrantAsync(grantId, tracked: true, ct);
        if (!found.IsSuccess)
        {
            return found.Failure!;
        }

        var grant = found.Value;
        var tranche = await db.FundTranches.FirstOrDefaultAsync(t => t.Id == trancheId && t.GrantId == grantId, ct);
        if (tranche is null)
        {
            return Failure.NotFound("funds.tranche_not_found");
        }

        if (r?.Version is null)
        {
            return Failure.Validation(new Error("validation.required", "version"));
        }

        if (r.Version != tranche.Version)
        {
            return Failure.Conflict(VersionedSave.ConcurrencyCode);
        }

        var on = r.ReleasedOn ?? clock.TodayInBeijing();
        var pack = await versions.ForCaseAsync(grant.PolicyCode, grant.PolicyVersion, ct);
        var sums = await figures.SumsAsync(grantId, ct);
        var holds = await figures.HoldsAsync(grant, tranche, sums, pack, En, ct);
        var released = tranche.Release(grant, holds, on, access.UserId, clock.GetUtcNow());
        if (!released.IsSuccess)
        {
            return released.Failure!;
        }

        db.FundReceipts.Add(released.Value);
        db.Entry(grant).State = EntityState.Modified;
        await grants.NotifyCenterAsync("funds.notify.tranche_released", grant, ct);
        if (await db.SaveVersionedAsync(ct) is { } conflict)
        {
            return conflict;
        }

        return new TrancheDto(tranche.Id, tranche.Sequence, tranche.Amount, tranche.PlannedOn, tranche.IsFinal, tranche.Status.ToString(), text[$"funds.tranche.{tranche.Status}"], tranche.ReleasedOn, tranche.PlannedBy, tranche.Version, []);
    }

    /// <summary>配套/自筹 money arrived: by an Admin or the center's own staff, always with its evidence file.</summary>
    public async Task<Result<ReceiptDto>> RecordReceiptAsync(Guid grantId, string? source, decimal? amount, DateOnly? receivedOn, string? note, IFormFile? evidence, CancellationToken ct)
    {
        var found = await access.GrantAsync(grantId, tracked: true, ct);
        if (!found.IsSuccess)
        {
            return found.Failure!;
        }

        var grant = found.Value;
        var made = FundReceipt.Record(grant, source, amount, receivedOn, note, access.UserId, clock.GetUtcNow());
        if (!made.IsSuccess)
        {
            return made.Failure!;
        }

        var file = await attachments.StageAsync(FundsAccess.ReceiptOwner, made.Value.Id, "evidence", evidence, ct, "evidence");
        if (!file.IsSuccess)
        {
            return file.Failure!;
        }

        db.FundReceipts.Add(made.Value);
        db.Entry(grant).State = EntityState.Modified;
        if (await db.SaveVersionedAsync(ct) is { } conflict)
        {
            return conflict;
        }

        var pack = await versions.ForCaseAsync(grant.PolicyCode, grant.PolicyVersion, ct);
        var x = made.Value;
        return new ReceiptDto(x.Id, x.Source, pack.Funds.Sources.LabelOf(x.Source, En), x.Amount, x.ReceivedOn, null, x.Note, file.Value.Id);
    }

    /// <summary>验收材料: the file a final tranche waits for; the center or an Admin files it.</summary>
    public async Task<Result<AttachmentDto>> UploadAcceptanceAsync(Guid grantId, IFormFile? file, CancellationToken ct)
    {
        var found = await access.GrantAsync(grantId, tracked: false, ct);
        if (!found.IsSuccess)
        {
            return found.Failure!;
        }

        if (found.Value.Status is not (GrantStatus.InExecution or GrantStatus.Accepted))
        {
            return Failure.IllegalTransition("funds.grant_not_running", found.Value.Status.ToString());
        }

        var staged = await attachments.StageAsync(FundsAccess.GrantOwner, grantId, "acceptance", file, ct);
        if (!staged.IsSuccess)
        {
            return staged.Failure!;
        }

        await db.SaveChangesAsync(ct);
        var f = staged.Value;
        return new AttachmentDto(f.Id, f.Slot, f.Version, f.IsCurrent, f.OriginalName, f.Kind, f.Size, f.Sha256, f.UploadedAt);
    }

    public async Task<Result<ClawbackDto>> RecordClawbackAsync(Guid grantId, ClawbackRequest? r, CancellationToken ct)
    {
        if (!access.IsAdmin)
        {
            return Failure.Forbidden();
        }

        var found = await access.GrantAsync(grantId, tracked: true, ct);
        if (!found.IsSuccess)
        {
            return found.Failure!;
        }

        var sums = await figures.SumsAsync(grantId, ct);
        var made = Clawback.Record(found.Value, r?.Amount, r?.Reason, sums.ReceivedFen - sums.SpentFen - sums.ClawedBackFen, access.UserId, clock.GetUtcNow());
        if (!made.IsSuccess)
        {
            return made.Failure!;
        }

        db.FundClawbacks.Add(made.Value);
        db.Entry(found.Value).State = EntityState.Modified;
        await grants.NotifyCenterAsync("funds.notify.clawback", found.Value, ct);
        if (await db.SaveVersionedAsync(ct) is { } conflict)
        {
            return conflict;
        }

        var c = made.Value;
        return new ClawbackDto(c.Id, c.Amount, c.Reason, c.RecordedAt, c.SettledOn, c.Version);
    }

    public async Task<Result<ClawbackDto>> SettleClawbackAsync(Guid grantId, Guid clawbackId, int? version, CancellationToken ct)
    {
        if (!access.IsAdmin)
        {
            return Failure.Forbidden();
        }

        var c = await db.FundClawbacks.FirstOrDefaultAsync(x => x.Id == clawbackId && x.GrantId == grantId, ct);
        if (c is null)
        {
            return Failure.NotFound("funds.clawback_not_found");
        }

        if (version != c.Version)
        {
            return Failure.Conflict(VersionedSave.ConcurrencyCode);
        }

        var settled = c.Settle(clock.TodayInBeijing(), access.UserId);
        if (!settled.IsSuccess)
        {
            return settled.Failure!;
        }

        if (await db.SaveVersionedAsync(ct) is { } conflict)
        {
            return conflict;
        }

        return new ClawbackDto(c.Id, c.Amount, c.Reason, c.RecordedAt, c.SettledOn, c.Version);
    }
}
