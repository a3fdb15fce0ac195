using InnoCenter.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Ledger.Rollup;

/// <summary>
/// Recomputes every kept roll-up row from the records, in one transaction: the backfill after the migration that
/// created the table, and the operator's <c>rollup-rebuild</c> verb. Ledger writes wait for it (PostgreSQL: the
/// rebuild's advisory lock; SQLite: the writer lock its first delete takes), so none is lost between its read and write.
/// </summary>
public sealed class LedgerRollupRebuild(AppDbContext db)
{
    /// <summary>The number of rows written.</summary>
    public async Task<int> RebuildAsync(CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await LedgerRollupStore.LockForRebuildAsync(db, ct);
        await db.LedgerRollupRows.ExecuteDeleteAsync(ct);
        var written = 0;
        foreach (var family in LedgerRollupFigures.Families)
        {
            var rows = await LedgerRollupFigures.ComputeAsync(db, family, null, null, ct);
            await LedgerRollupStore.InsertAsync(db, rows, ct);
            written += rows.Count;
        }

        await tx.CommitAsync(ct);
        return written;
    }

    /// <summary>Runs the rebuild when the migration left its marker; a no-op on every later start.</summary>
    public Task<bool> RunIfPendingAsync(CancellationToken ct) =>
        KeptTable.RunIfPendingAsync(db.LedgerRollupRows.Where(r => r.Figure == LedgerRollupFigures.RebuildPending), () => RebuildAsync(ct), ct);

    /// <summary>The <c>rollup-rebuild</c> verb: safe while the web nodes run (writes wait for it), migrates first.</summary>
    public static async Task<int> RunCommandAsync(IServiceProvider services, TextWriter output)
    {
        var db = services.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync();
        var rows = await new LedgerRollupRebuild(db).RebuildAsync(CancellationToken.None);
        await output.WriteLineAsync($"Ledger roll-up rebuilt from the records: {rows} rows. 台账汇总已按台账记录重建：{rows} 行。");
        return 0;
    }
}
