using InnoCenter.Domain.Common;
using InnoCenter.Domain.Funds;
using InnoCenter.Domain.Policy;
using InnoCenter.Web.Data;
using InnoCenter.Web.Features.Centers;
using InnoCenter.Web.Infrastructure.Files;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Policy;
using InnoCenter.Web.Infrastructure.Search;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Funds;

/// <summary>The center's expenditures on a grant, with vouchers and their reversing corrections.</summary>
public sealed class ExpenditureHandlers(
    AppDbContext db, FundsAccess access, PolicyVersions versions, FundFigures figures, Attachments attachments, TimeProvider clock)
{
    private static bool En => LocalizationSetup.IsEnglish;

    /// <summary>
    /// 支出: only the center's own staff, with at least one voucher (PDF or image); refused with the reason, and nothing
    /// written, outside the period, off-category, sub-fen or overspending the line. The grant's version moves with every
    /// expenditure, so two entries racing for the last money of a line cannot both pass.
    /// </summary>
    public Task<Result<ExpenditureDto>> RecordExpenditureAsync(Guid grantId, ExpenditureDraft draft, IReadOnlyList<IFormFile> vouchers, CancellationToken ct) =>
        db.RetryingLostRacesAsync(() => TryRecordExpenditureAsync(grantId, draft, vouchers, ct), ct);

    private async Task<Result<ExpenditureDto>> TryRecordExpenditureAsync(Guid grantId, ExpenditureDraft draft, IReadOnlyList<IFormFile> vouchers, CancellationToken ct)
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
        if (await db.SaveVersionedAsync(ct) is { } conflict)
        {
            return conflict;
        }

        var pack = await versions.ForCaseAsync(grant.PolicyCode, grant.PolicyVersion, ct);
        return ToDto(made.Value, false, staged.Select(f => new VoucherDto(f.Id, f.OriginalName, f.Kind, f.Size)).ToList(), pack.Funds.Categories);
    }

    /// <summary>
    /// 补传凭证: vouchers added to an expenditure already recorded (an imported one has none yet). Each file takes a new
    /// slot, so nothing already filed is replaced; every file is checked before any is kept.
    /// </summary>
    public async Task<Result<IReadOnlyList<VoucherDto>>> AttachVouchersAsync(Guid grantId, Guid expenditureId, IReadOnlyList<IFormFile> vouchers, CancellationToken ct)
    {
        var found = await access.GrantAsync(grantId, tracked: false, ct);
        if (!found.IsSuccess)
        {
            return found.Failure!;
        }

        if (!await access.OwnsCenterAsync(found.Value.CenterId, ct))
        {
            return Failure.Forbidden("funds.center_only");
        }

        if (!await db.FundExpenditures.AnyAsync(e => e.Id == expenditureId && e.GrantId == grantId && e.ReversesId == null, ct))
        {
            return Failure.NotFound("funds.expenditure_not_found");
        }

        if (vouchers.Count == 0)
        {
            return Failure.Validation(new Error("funds.voucher_required", "vouchers"));
        }

        var slots = await db.StoredFiles.Where(s => s.OwnerType == FundsAccess.ExpenditureOwner && s.OwnerId == expenditureId)
            .Select(s => s.Slot).Distinct().CountAsync(ct);
        var staged = new List<StoredFile>();
        for (var i = 0; i < vouchers.Count; i++)
        {
            var file = await attachments.StageAsync(
                FundsAccess.ExpenditureOwner, expenditureId, $"voucher-{slots + i + 1}", vouchers[i], ct, "vouchers",
                type => type.Kind is "pdf" or "jpg" or "png" ? null : new Error("funds.voucher_type", "vouchers", vouchers[i].FileName));
            if (!file.IsSuccess)
            {
                return file.Failure!;
            }

            staged.Add(file.Value);
        }

        if (await db.SaveVersionedAsync(ct) is { } conflict)
        {
            return conflict;
        }

        return staged.Select(f => new VoucherDto(f.Id, f.OriginalName, f.Kind, f.Size)).ToList();
    }

    /// <summary>冲销: the center enters the opposite amount with a reason; the original entry stays untouched.</summary>
    public Task<Result<ExpenditureDto>> ReverseExpenditureAsync(Guid grantId, Guid expenditureId, ReversalRequest? r, CancellationToken ct) =>
        db.RetryingLostRacesAsync(() => TryReverseExpenditureAsync(grantId, expenditureId, r, ct), ct);

    private async Task<Result<ExpenditureDto>> TryReverseExpenditureAsync(Guid grantId, Guid expenditureId, ReversalRequest? r, CancellationToken ct)
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
        catch (DbUpdateException ex) when (ex.IsLostRace())
        {
            // Another client reversed it first (unique ReversesId) or the grant moved under us; any other failure is
            // unexpected. Tried again, the first case answers that it is reversed already.
            return Failure.Conflict(VersionedSave.ConcurrencyCode);
        }

        var pack = await versions.ForCaseAsync(found.Value.PolicyCode, found.Value.PolicyVersion, ct);
        return ToDto(made.Value, false, [], pack.Funds.Categories);
    }

    public Task<Result<PagedResult<ExpenditureDto>>> ListExpendituresAsync(ExpenditureFilter f, CancellationToken ct) => ListAsync(f, grantRead: false, ct);

    /// <summary>
    /// A page of the expenditures of a grant the caller has just read through <see cref="GrantHandlers.GetAsync"/>, which
    /// checked the role and the center: the grant page's list, without reading the grant and its parts a second time.
    /// </summary>
    public Task<Result<PagedResult<ExpenditureDto>>> ListOfReadGrantAsync(GrantDto grant, int? page, CancellationToken ct) =>
        ListAsync(new ExpenditureFilter(grant.Id, Page: page), grantRead: true, ct);

    private async Task<Result<PagedResult<ExpenditureDto>>> ListAsync(ExpenditureFilter f, bool grantRead, CancellationToken ct)
    {
        if (!access.MayEnter)
        {
            return Failure.Forbidden();
        }

        if (f.GrantId is { } gid && !grantRead)
        {
            var found = await access.GrantAsync(gid, tracked: false, ct);
            if (!found.IsSuccess)
            {
                return found.Failure!;
            }
        }

        var q = db.FundExpenditures.AsNoTracking();
        if (!grantRead && await access.CentersAsync(ct) is { } own)
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

        // Across grants a period can hold tens of thousands of entries (a year at national scale: 60,000, 3 ms of index
        // to count each time): counted up to the cap and shown as "1,000+", like a text search. A grant's are counted.
        // The grant page's list (one grant, no other filter) by compiled statements, as the rest of that page is read.
        var (total, capped) = grantRead && f.GrantId is { } read
            ? (await GrantReads.ExpenditureCount.For(db)(db, read, ct), false)
            : await SearchIndex.CountCappedAsync(q, f.GrantId is null, ct);
        var rows = grantRead && f.GrantId is { } one
            ? await GrantReads.Expenditures.For(db)(db, one, (page - 1) * size, size).ToListAsync(ct)
            : await q.OrderByDescending(e => e.SpentOn).ThenByDescending(e => e.Id).Skip((page - 1) * size).Take(size)
                .Select(e => new GrantReads.ExpenditureRow(e, db.FundExpenditures.Any(x => x.ReversesId == e.Id))).ToListAsync(ct);
        var ids = rows.Select(r => r.Entry.Id).ToList();
        var vouchers = (await GrantReads.Vouchers.For(db)(db, ids).ToListAsync(ct)).ToLookup(x => x.OwnerId, x => x.Voucher);
        var categories = (await versions.ForCaseAsync(null, 0, ct)).Funds.Categories;
        return new PagedResult<ExpenditureDto>(rows.Select(r => ToDto(r.Entry, r.Reversed, vouchers[r.Entry.Id].ToList(), categories)).ToList(), page, size, total, capped);
    }

    private static ExpenditureDto ToDto(Expenditure e, bool reversed, IReadOnlyList<VoucherDto> vouchers, IReadOnlyList<Domain.Policy.CodeItem> categories) => new(
        e.Id, e.GrantId, e.LineId, e.Category, categories.LabelOf(e.Category, En), e.SpentOn, e.Payee, e.Purpose, e.Amount, e.ReversesId, reversed, e.Reason, e.RecordedAt, vouchers);
}
