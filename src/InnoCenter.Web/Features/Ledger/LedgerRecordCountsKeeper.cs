using InnoCenter.Domain.Ledger;
using InnoCenter.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Ledger;

/// <summary>
/// Keeps <see cref="LedgerRecordCount"/> in step with the ledger records, in the transaction of the write (run by
/// <see cref="KeptFiguresInterceptor"/>): a record added or deleted notes its (kind, center), and after the save each noted
/// center's records of that kind are counted again — an index range of one center, nothing to drift. An edit never
/// moves a record to another center (<c>ledger.center_immutable</c>), so only adds and deletes are noted.
/// </summary>
public sealed class LedgerRecordCountsKeeper : IKeptFigures
{
    private readonly HashSet<(Type Record, Guid Center)> pending = [];

    public Task<bool> CollectAsync(AppDbContext db, CancellationToken ct)
    {
        foreach (var entry in db.ChangeTracker.Entries<LedgerRecord>())
        {
            if (entry.State is EntityState.Added or EntityState.Deleted)
            {
                pending.Add((entry.Metadata.ClrType, entry.Entity.CenterId));
            }
        }

        return Task.FromResult(pending.Count > 0);
    }

    public Task RefreshAsync(AppDbContext db, CancellationToken ct) => LedgerRecordCounts.RefreshAsync(db, [.. pending], ct);

    public void Forget() => pending.Clear();
}
