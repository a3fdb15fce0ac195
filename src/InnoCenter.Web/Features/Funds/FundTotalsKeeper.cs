using InnoCenter.Domain.Funds;
using InnoCenter.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace InnoCenter.Web.Features.Funds;

/// <summary>
/// Keeps <see cref="FundYearTotal"/> in step with the receipts and expenditures, in the transaction of the write: an
/// entry written notes its (year, kind, code) slice, before and after, and those slices are recomputed from the entries
/// after the save through the (date, code, fen) covering indexes. Recomputing, not adding deltas, leaves nothing to drift.
/// </summary>
public sealed class FundTotalsKeeper : IKeptFigures
{
    private readonly HashSet<FundYearTotals.Slice> pending = [];

    public Task<bool> CollectAsync(AppDbContext db, CancellationToken ct)
    {
        foreach (var entry in db.ChangeTracker.Entries<FundReceipt>())
        {
            Note(entry, FundYearTotal.Received, nameof(FundReceipt.ReceivedOn), nameof(FundReceipt.Source));
        }

        foreach (var entry in db.ChangeTracker.Entries<Expenditure>())
        {
            Note(entry, FundYearTotal.Spent, nameof(Expenditure.SpentOn), nameof(Expenditure.Category));
        }

        return Task.FromResult(pending.Count > 0);
    }

    public Task RefreshAsync(AppDbContext db, CancellationToken ct) =>
        FundYearTotals.RefreshAsync(db, [.. pending.OrderBy(s => s.Year).ThenBy(s => s.Kind, StringComparer.Ordinal).ThenBy(s => s.Code, StringComparer.Ordinal)], ct);

    public void Forget() => pending.Clear();

    private void Note(EntityEntry entry, string kind, string date, string code)
    {
        if (!entry.IsWritten())
        {
            return;
        }

        if (entry.State != EntityState.Added && entry.OriginalValues[date] is DateOnly was && entry.OriginalValues[code] is string wasCode)
        {
            pending.Add(new FundYearTotals.Slice(was.Year, kind, wasCode));
        }

        if (entry.State != EntityState.Deleted && entry.CurrentValues[date] is DateOnly now && entry.CurrentValues[code] is string nowCode)
        {
            pending.Add(new FundYearTotals.Slice(now.Year, kind, nowCode));
        }
    }
}
