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
/// Money moving on a grant: tranches planned and released (four eyes, holds), 配套/自筹 receipts with evidence,
/// clawbacks, acceptance evidence, and the center's expenditures with vouchers and their reversing corrections.
/// </summary>
public sealed class MoneyHandlers(
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
        if (await SaveAsync(ct) is { } conflict)
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
            return Failure.Conflict("common.concurrency");
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
        if (await SaveAsync(ct) is { } conflict)
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
        if (await SaveAsync(ct) is { } conflict)
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
        if (await SaveAsync(ct) is { } conflict)
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
            return Failure.Conflict("common.concurrency");
        }

        var settled = c.Settle(clock.TodayInBeijing(), access.UserId);
        if (!settled.IsSuccess)
        {
            return settled.Failure!;
        }

        if (await SaveAsync(ct) is { } conflict)
        {
            return conflict;
        }

        return new ClawbackDto(c.Id, c.Amount, c.Reason, c.RecordedAt, c.SettledOn, c.Version);
    }

    /// <summary>
    /// 支出: only the center's own staff, with at least one voucher (PDF or image); refused with the reason, and nothing
    /// written, outside the period, off-category, sub-fen or overspending the line. The grant's version moves with every
    /// expenditure, so two entries racing for the last money of a line cannot both pass.
    /// </summary>
    public async Task<Result<ExpenditureDto>> RecordExpenditureAsync(Guid grantId, ExpenditureDraft draft, IReadOnlyList<IFormFile> vouchers, CancellationToken ct)
    {
        var found = await access.GrantAsync(grantId, tracked: true, ct);
        if (!found.IsSuccess)
        {
            return found.Failure!;
        }

        var grant = found.Value;
        if (!await access.OwnsCenterAsync(grant.CenterId, ct))
        {
            return Failure.Forbidden("funds.center_only");
        }

        var sums = await figures.SumsAsync(grantId, ct);
        var made = Expenditure.Record(grant, draft, line => sums.SpentByLine.GetValueOrDefault(line), access.UserId, clock.GetUtcNow());
        if (!made.IsSuccess)
        {
            return made.Failure!;
        }

        if (vouchers.Count == 0)
        {
            return Failure.Validation(new Error("funds.voucher_required", "vouchers"));
        }

        var staged = new List<StoredFile>();
        for (var i = 0; i < vouchers.Count; i++)
        {
            var file = await attachments.StageAsync(
                FundsAccess.ExpenditureOwner, made.Value.Id, $"voucher-{i + 1}", vouchers[i], ct, "vouchers",
                type => type.Kind is "pdf" or "jpg" or "png" ? null : new Error("funds.voucher_type", "vouchers", vouchers[i].FileName));
            if (!file.IsSuccess)
            {
                return file.Failure!;
            }

            staged.Add(file.Value);
        }

        db.FundExpenditures.Add(made.Value);
        db.Entry(grant).State = EntityState.Modified;
        if (await SaveAsync(ct) is { } conflict)
        {
            return conflict;
        }

        var pack = await versions.ForCaseAsync(grant.PolicyCode, grant.PolicyVersion, ct);
        return ToDto(made.Value, false, staged.Select(f => new VoucherDto(f.Id, f.OriginalName, f.Kind, f.Size)).ToList(), pack.Funds.Categories);
    }

    /// <summary>冲销: the center enters the opposite amount with a reason; the original entry stays untouched.</summary>
    public async Task<Result<ExpenditureDto>> ReverseExpenditureAsync(Guid grantId, Guid expenditureId, ReversalRequest? r, CancellationToken ct)
    {
        var found = await access.GrantAsync(grantId, tracked: true, ct);
        if (!found.IsSuccess)
        {
            return found.Failure!;
        }

        if (!await access.OwnsCenterAsync(found.Value.CenterId, ct))
        {
            return Failure.Forbidden("funds.center_only");
        }

        var original = await db.FundExpenditures.AsNoTracking().FirstOrDefaultAsync(e => e.Id == expenditureId && e.GrantId == grantId, ct);
        if (original is null)
        {
            return Failure.NotFound("funds.expenditure_not_found");
        }

        var reversed = await db.FundExpenditures.AnyAsync(e => e.ReversesId == expenditureId, ct);
        var made = original.Reverse(r?.Reason, reversed, access.UserId, clock.GetUtcNow());
        if (!made.IsSuccess)
        {
            return made.Failure!;
        }

        db.FundExpenditures.Add(made.Value);
        db.Entry(found.Value).State = EntityState.Modified;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another client reversed it first (unique ReversesId) or the grant moved under us.
            return Failure.Conflict("common.concurrency");
        }

        var pack = await versions.ForCaseAsync(found.Value.PolicyCode, found.Value.PolicyVersion, ct);
        return ToDto(made.Value, false, [], pack.Funds.Categories);
    }

    public async Task<Result<PagedResult<ExpenditureDto>>> ListExpendituresAsync(ExpenditureFilter f, CancellationToken ct)
    {
        if (!access.MayEnter)
        {
            return Failure.Forbidden();
        }

        if (f.GrantId is { } gid)
        {
            var found = await access.GrantAsync(gid, tracked: false, ct);
            if (!found.IsSuccess)
            {
                return found.Failure!;
            }
        }

        var q = db.FundExpenditures.AsNoTracking();
        if (await access.CentersAsync(ct) is { } own)
        {
            q = q.Where(e => own.Contains(e.CenterId));
        }

        if (f.GrantId is { } g)
        {
            q = q.Where(e => e.GrantId == g);
        }

        if (!string.IsNullOrWhiteSpace(f.Category))
        {
            q = q.Where(e => e.Category == f.Category);
        }

        if (f.From is { } from)
        {
            q = q.Where(e => e.SpentOn >= from);
        }

        if (f.To is { } to)
        {
            q = q.Where(e => e.SpentOn <= to);
        }

        var (page, size) = Paging.Normalize(f.Page, f.PageSize);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(e => e.SpentOn).ThenByDescending(e => e.Id).Skip((page - 1) * size).Take(size)
            .Select(e => new { e, Reversed = db.FundExpenditures.Any(x => x.ReversesId == e.Id) }).ToListAsync(ct);
        var ids = rows.Select(r => r.e.Id).ToList();
        var vouchers = (await db.StoredFiles.AsNoTracking().Where(s => s.OwnerType == FundsAccess.ExpenditureOwner && ids.Contains(s.OwnerId) && s.IsCurrent)
                .OrderBy(s => s.Slot).Select(s => new { s.OwnerId, Dto = new VoucherDto(s.Id, s.OriginalName, s.Kind, s.Size) }).ToListAsync(ct))
            .ToLookup(x => x.OwnerId, x => x.Dto);
        var categories = (await versions.ForCaseAsync(null, 0, ct)).Funds.Categories;
        return new PagedResult<ExpenditureDto>(rows.Select(r => ToDto(r.e, r.Reversed, vouchers[r.e.Id].ToList(), categories)).ToList(), page, size, total);
    }

    private static ExpenditureDto ToDto(Expenditure e, bool reversed, IReadOnlyList<VoucherDto> vouchers, IReadOnlyList<Domain.Policy.CodeItem> categories) => new(
        e.Id, e.GrantId, e.LineId, e.Category, categories.LabelOf(e.Category, En), e.SpentOn, e.Payee, e.Purpose, e.Amount, e.ReversesId, reversed, e.Reason, e.RecordedAt, vouchers);

    private async Task<Failure?> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Failure.Conflict("common.concurrency");
        }
    }
}
