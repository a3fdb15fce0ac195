using InnoCenter.Domain.Funds;
using InnoCenter.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace InnoCenter.Web.Features.Funds;

/// <summary>
/// Keeps <see cref="FundGrantSum"/> in step with a grant's receipts, expenditures, budget shares (an adjustment moves
/// them) and clawbacks (recorded or settled), in the transaction of the write: each grant a change touches is recomputed
/// whole from its entries after the save — a few grouped reads of one grant's rows, nothing to drift.
/// </summary>
public sealed class FundGrantSumsKeeper : IKeptFigures
{
    private readonly HashSet<Guid> pending = [];

    public Task<bool> CollectAsync(AppDbContext db, CancellationToken ct)
    {
        foreach (var entry in db.ChangeTracker.Entries<FundReceipt>())
        {
            Note(entry);
        }

        foreach (var entry in db.ChangeTracker.Entries<Expenditure>())
        {
            Note(entry);
        }

        foreach (var entry in db.ChangeTracker.Entries<GrantLineShare>())
        {
            Note(entry);
        }

        foreach (var entry in db.ChangeTracker.Entries<Clawback>())
        {
            Note(entry);
        }

        return Task.FromResult(pending.Count > 0);
    }

    public Task RefreshAsync(AppDbContext db, CancellationToken ct) => FundGrantSums.RefreshAsync(db, [.. pending.Order()], ct);

    public void Forget() => pending.Clear();

    private void Note(EntityEntry entry)
    {
        if (!entry.IsWritten())
        {
            return;
        }

        foreach (var value in new[] { entry.OriginalValues["GrantId"], entry.CurrentValues["GrantId"] })
        {
            if (value is Guid grant)
            {
                pending.Add(grant);
            }
        }
    }
}
