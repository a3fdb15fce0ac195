using InnoCenter.Domain.Ledger;
using InnoCenter.Web.Data;
using InnoCenter.Web.Features.Centers;
using InnoCenter.Web.Features.Ledger.Kinds;
using InnoCenter.Web.Features.Workbench;
using InnoCenter.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Ledger;

/// <summary>
/// The ledger's part of the workbench. A center's staff: records still to confirm with evidence (证明材料) — IP, deals,
/// standards and incubated enterprises, the entries the annual assessment counts and an officer asks proof of — one
/// COUNT per kind. A member organisation's user: the revenue-share lines of its statement (收益分配明细), to see what it
/// was paid.
/// </summary>
public sealed class LedgerWorkbenchSource(AppDbContext db, CenterAccess centers) : IWorkbenchSource
{
    public const string Module = "workbench.module.ledger";

    public async Task<IReadOnlyList<WorkItem>> ItemsForAsync(CurrentUser user, CancellationToken ct)
    {
        if (user.IsInRole(Roles.CenterUser))
        {
            var own = await centers.EditableAsync(ct);
            if (own.Count == 0)
            {
                return [];
            }

            var query = own.Count == 1 ? $"?centerId={own[0]}" : string.Empty;
            return
            [
                await WithoutEvidenceAsync(db.LedgerIp, own, IpLedger.Key, query, ct),
                await WithoutEvidenceAsync(db.LedgerDeals, own, DealLedger.Key, query, ct),
                await WithoutEvidenceAsync(db.LedgerStandards, own, StandardLedger.Key, query, ct),
                await WithoutEvidenceAsync(db.LedgerIncubated, own, IncubatedLedger.Key, query, ct),
            ];
        }

        if (user.IsInRole(Roles.MemberUser) && user.OrganizationId is { } org)
        {
            var lines = await db.LedgerRevenueShares.AsNoTracking().CountAsync(s => s.OrganizationId == org, ct);
            return [new WorkItem(Module, "workbench.ledger.statements", lines, "/Ledger/statement")];
        }

        return [];
    }

    private async Task<WorkItem> WithoutEvidenceAsync<TRecord>(
        IQueryable<TRecord> records, IReadOnlyList<Guid> centerIds, string slug, string query, CancellationToken ct)
        where TRecord : LedgerRecord
    {
        var ownerType = $"ledger.{slug}";
        var count = await records.AsNoTracking()
            .Where(r => centerIds.Contains(r.CenterId))
            .CountAsync(r => !db.StoredFiles.Any(f => f.OwnerType == ownerType && f.OwnerId == r.Id && f.IsCurrent), ct);
        return new WorkItem(Module, $"workbench.ledger.noEvidence.{slug}", count, $"/Ledger/{slug}{query}");
    }
}
