using InnoCenter.Domain.Common;
using InnoCenter.Domain.Ledger;
using InnoCenter.Web.Data;
using InnoCenter.Web.Features.Centers;
using InnoCenter.Web.Features.Ledger.Kinds;
using InnoCenter.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Ledger;

/// <summary>
/// Money received on deals and its split among the co-owners of the deal's IP (收益共享), and each member's statement.
/// A receipt, its split and the deal's running total are written in one transaction.
/// </summary>
public sealed class ReceiptHandlers(AppDbContext db, CenterAccess access, DealLedger deals, OrganizationLookup orgs, Text text, TimeProvider clock)
{
    public async Task<Result<IReadOnlyList<ReceiptDto>>> ListAsync(Guid dealId, CancellationToken ct)
    {
        if (await deals.VisibleCenterOfAsync(dealId, ct) is null)
        {
            return Failure.NotFound("ledger.not_found");
        }

        var receipts = await db.LedgerReceipts.AsNoTracking().Include(r => r.Shares).Where(r => r.DealId == dealId)
            .OrderByDescending(r => r.ReceivedOn).ThenByDescending(r => r.CreatedAt).ToListAsync(ct);
        await orgs.PreloadIdsAsync(receipts.SelectMany(r => r.Shares.Select(s => s.OrganizationId)), ct);
        return receipts.Select(ToDto).ToList();
    }

    public async Task<Result<ReceiptDto>> AddAsync(Guid dealId, ReceiptRequest r, CancellationToken ct)
    {
        if (await deals.VisibleCenterOfAsync(dealId, ct) is not { } centerId)
        {
            return Failure.NotFound("ledger.not_found");
        }

        if (!await access.CanEditAsync(centerId, ct))
        {
            return Failure.Forbidden("ledger.edit_forbidden");
        }

        var deal = await db.LedgerDeals.Include(d => d.Ips).FirstAsync(d => d.Id == dealId, ct);
        var center = await db.Centers.AsNoTracking().FirstAsync(c => c.Id == centerId, ct);
        var errors = new List<Error>();
        long? fen = null;
        if (r.Amount is null)
        {
            errors.Add(new Error("validation.required", "amount"));
        }
        else if (r.Amount <= 0)
        {
            errors.Add(new Error(r.Amount < 0 ? "ledger.amount_negative" : "ledger.amount_positive", "amount"));
        }
        else
        {
            fen = Money.ToFen(r.Amount.Value, out var moneyError);
            if (moneyError is not null)
            {
                errors.Add(new Error(moneyError, "amount"));
            }
        }

        if (r.ReceivedOn is not { } on)
        {
            errors.Add(new Error("validation.required", "receivedOn"));
        }
        else if (on < deal.SignedOn)
        {
            errors.Add(new Error("ledger.receipt_before_deal", "receivedOn", deal.SignedOn.ToString("yyyy-MM-dd")));
        }
        else if (!center.IsWithinLife(on, access.Today))
        {
            errors.Add(new Error("ledger.date_outside_life", "receivedOn", on.ToString("yyyy-MM-dd"),
                center.LifeStart.ToString("yyyy-MM-dd"), center.LifeEnd(access.Today).ToString("yyyy-MM-dd")));
        }

        if (r.Note?.Trim().Length > FieldLengths.Reason)
        {
            errors.Add(new Error("validation.too_long", "note", FieldLengths.Reason));
        }

        if (errors.Count > 0)
        {
            return Failure.Validation(errors);
        }

        var ipIds = deal.Ips.Select(i => i.IpRecordId).ToList();
        var owners = await db.LedgerIpCoOwners.AsNoTracking().Where(o => ipIds.Contains(o.IpRecordId)).ToListAsync(ct);
        var byIp = owners.GroupBy(o => o.IpRecordId)
            .Select(g => (IReadOnlyList<ShareOf>)g.Select(o => new ShareOf(o.OrganizationId, o.SharePercent)).ToList())
            .ToList();
        var receipt = deal.Receive(r.ReceivedOn!.Value, fen!.Value, r.Note, byIp, clock.GetUtcNow());
        db.LedgerReceipts.Add(receipt);
        if (await db.SaveVersionedAsync(ct) is { } lost)
        {
            return lost;
        }

        await orgs.PreloadIdsAsync(receipt.Shares.Select(s => s.OrganizationId), ct);
        return ToDto(receipt);
    }

    /// <summary>Takes back a receipt recorded in error, with its split, and lowers the deal's total.</summary>
    /// <summary>Removes a receipt from its deal as read at <paramref name="dealVersion"/> (the receipt belongs to the deal's aggregate).</summary>
    public async Task<Result<bool>> RemoveAsync(Guid receiptId, int? dealVersion, CancellationToken ct)
    {
        var receipt = await db.LedgerReceipts.Include(r => r.Shares).FirstOrDefaultAsync(r => r.Id == receiptId, ct);
        if (receipt is null || await deals.VisibleCenterOfAsync(receipt.DealId, ct) is not { } centerId)
        {
            return Failure.NotFound("ledger.not_found");
        }

        if (!await access.CanEditAsync(centerId, ct))
        {
            return Failure.Forbidden("ledger.edit_forbidden");
        }

        if (dealVersion is null)
        {
            return Failure.Validation(new Error("validation.required", "version"));
        }

        var deal = await db.LedgerDeals.FirstAsync(d => d.Id == receipt.DealId, ct);
        if (deal.Version != dealVersion)
        {
            return Failure.Conflict(VersionedSave.ConcurrencyCode);
        }

        deal.Reverse(receipt, clock.GetUtcNow());
        db.LedgerReceipts.Remove(receipt);
        if (await db.SaveVersionedAsync(ct) is { } lost)
        {
            return lost;
        }

        return true;
    }

    /// <summary>
    /// A member's statement: its part of every receipt, by date. A member's users read their own organisation's; a
    /// center's users any member's of their center; an Admin any.
    /// </summary>
    public async Task<Result<StatementDto>> StatementAsync(StatementFilter f, CancellationToken ct)
    {
        Guid org;
        IQueryable<RevenueShare> q = db.LedgerRevenueShares.AsNoTracking();
        if (access.IsAdmin)
        {
            if (f.OrganizationId is not { } chosen)
            {
                return Failure.Validation(new Error("validation.required", "organizationId"));
            }

            org = chosen;
        }
        else
        {
            var editable = await access.EditableAsync(ct);
            var own = access.OrganizationId;
            if (f.OrganizationId is { } chosen && chosen != own)
            {
                // Another member's statement: only for the users of the center the shares come from.
                if (editable.Count == 0)
                {
                    return Failure.Forbidden("ledger.statement_forbidden");
                }

                q = q.Where(s => editable.Contains(s.CenterId));
                org = chosen;
            }
            else if (own is { } mine)
            {
                org = mine;
            }
            else
            {
                return Failure.Forbidden("ledger.statement_forbidden");
            }
        }

        q = q.Where(s => s.OrganizationId == org);
        if (f.CenterId is { } center)
        {
            q = q.Where(s => s.CenterId == center);
        }

        if (f.Year is { } year)
        {
            q = q.Where(s => s.Year == year);
        }

        var rows = await (
                from s in q
                join r in db.LedgerReceipts on s.ReceiptId equals r.Id
                join d in db.LedgerDeals on s.DealId equals d.Id
                join c in db.Centers on s.CenterId equals c.Id
                join o in db.Organizations on d.CounterpartyOrganizationId equals o.Id
                orderby s.ReceivedOn descending, r.CreatedAt descending
                select new { s.ReceivedOn, s.CenterId, CenterName = c.Name, s.DealId, d.Title, d.Kind, Counterparty = o.Name, ReceiptFen = r.AmountFen, s.SharePercent, s.AmountFen })
            .Take(10_000)
            .ToListAsync(ct);
        await orgs.PreloadIdsAsync([org], ct);
        var lines = rows.Select(x => new StatementLine(
            x.ReceivedOn, x.CenterId, x.CenterName, x.DealId, x.Title, text[$"ledger.dealkind.{x.Kind}"], x.Counterparty,
            Money.ToYuan(x.ReceiptFen), x.SharePercent, Money.ToYuan(x.AmountFen))).ToList();
        return new StatementDto(org, orgs.NameOf(org), f.Year, lines, Money.ToYuan(rows.Sum(x => x.AmountFen)));
    }

    /// <summary>The export's header row, the same keys as <see cref="ToExportRow"/>, so an empty export still has it.</summary>
    public IReadOnlyList<Infrastructure.Web.SheetColumn> ExportColumns() =>
        new[] { "ledger.statement.receivedOn", "ledger.field.center", "ledger.field.dealTitle", "ledger.field.dealKind", "ledger.field.counterpartyCreditCode", "ledger.statement.receipt", "ledger.statement.share", "ledger.statement.amount" }.Select(k => new Infrastructure.Web.SheetColumn(text[k])).ToList();

    public IDictionary<string, object?> ToExportRow(StatementLine l) => new Dictionary<string, object?>
    {
        [text["ledger.statement.receivedOn"]] = l.ReceivedOn,
        [text["ledger.field.center"]] = l.CenterName,
        [text["ledger.field.dealTitle"]] = l.DealTitle,
        [text["ledger.field.dealKind"]] = l.DealKindLabel,
        [text["ledger.field.counterpartyCreditCode"]] = l.CounterpartyName,
        [text["ledger.statement.receipt"]] = l.ReceiptAmount,
        [text["ledger.statement.share"]] = l.SharePercent,
        [text["ledger.statement.amount"]] = l.Amount,
    };

    private ReceiptDto ToDto(DealReceipt r) => new(
        r.Id, r.DealId, r.ReceivedOn, Money.ToYuan(r.AmountFen), r.Note,
        r.Shares.OrderByDescending(s => s.AmountFen).Select(s => new ReceiptShareDto(s.OrganizationId, orgs.NameOf(s.OrganizationId), s.SharePercent, Money.ToYuan(s.AmountFen))).ToList());
}
