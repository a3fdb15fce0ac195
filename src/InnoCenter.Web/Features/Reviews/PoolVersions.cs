using InnoCenter.Domain.Reviews;
using InnoCenter.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Reviews;

/// <summary>The pool versions that draws reference: one row per distinct pool, found by its SHA-256 or added.</summary>
public static class PoolVersions
{
    /// <summary>
    /// The id of the stored pool version with the same content as <paramref name="pool"/>, or a new one saved now (inside the
    /// caller's transaction). Draws are serialised by the draw lock, but the unique index is what guarantees one row per
    /// content: a lost race rolls back to EF Core's savepoint and re-reads the winner's row.
    /// </summary>
    public static async Task<Guid> IdForAsync(AppDbContext db, DrawPool pool, DateTimeOffset now, CancellationToken ct)
    {
        var fresh = ExpertPoolSnapshot.Of(pool, now);
        if (await ExistingAsync(db, fresh.Sha256, ct) is { } existing)
        {
            return existing;
        }

        db.ExpertPoolSnapshots.Add(fresh);
        try
        {
            await db.SaveChangesAsync(ct);
            return fresh.Id;
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            db.Entry(fresh).State = EntityState.Detached;
            return await ExistingAsync(db, fresh.Sha256, ct) ?? throw new InvalidOperationException("The pool version was refused but is not there.", ex);
        }
    }

    // The content (≈ 0.5 MB) is left unread: a draw references its pool version by id.
    private static async Task<Guid?> ExistingAsync(AppDbContext db, string sha256, CancellationToken ct) =>
        await db.ExpertPoolSnapshots.AsNoTracking().Where(s => s.Sha256 == sha256).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct);
}
