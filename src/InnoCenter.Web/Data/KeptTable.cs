using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Data;

/// <summary>
/// The one way a kept summary table (a table the writes keep in step, such as the fund sums or the stage clocks) is
/// rebuilt whole: in one transaction under the execution strategy, the table locked on PostgreSQL so that no write's
/// refresh interleaves with the rebuild (on SQLite the rebuild's first write takes the database's writer lock), and
/// only when its migration or a bulk load left the table's marker row.
/// </summary>
public static class KeptTable
{
    /// <summary>Runs <paramref name="rebuild"/> (which clears and refills <paramref name="table"/>) in one transaction; its count is returned.</summary>
    public static async Task<int> RebuildAsync(AppDbContext db, string table, Func<Task<int>> rebuild, CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (db.Database.IsNpgsql())
            {
                // The name is a constant of the caller's, never input: a table name cannot be a parameter.
#pragma warning disable EF1003
                await db.Database.ExecuteSqlRawAsync("LOCK TABLE \"" + table + "\" IN EXCLUSIVE MODE", ct);
#pragma warning restore EF1003
            }

            var written = await rebuild();
            await tx.CommitAsync(ct);
            return written;
        });
    }

    /// <summary>Runs <paramref name="rebuild"/> when <paramref name="marker"/> finds the marker row; false (a no-op) otherwise.</summary>
    public static async Task<bool> RunIfPendingAsync<T>(IQueryable<T> marker, Func<Task<int>> rebuild, CancellationToken ct)
    {
        if (!await marker.AnyAsync(ct))
        {
            return false;
        }

        await rebuild();
        return true;
    }
}
