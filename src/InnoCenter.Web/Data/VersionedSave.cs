using InnoCenter.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Data;

/// <summary>
/// One rule for every edit that people make concurrently: the version the caller read must still be the stored one,
/// and the save must not lose a race with a writer that came between the read and the write. Either way the answer
/// is the same refusal (409 <c>common.concurrency</c>), which a page shows next to its form.
/// </summary>
public static class VersionedSave
{
    /// <summary>A refusal when the caller read another version than the stored one; null when they match.</summary>
    public static Failure? StaleAgainst(this IVersioned entity, int? readVersion) =>
        readVersion == entity.Version ? null : Failure.Conflict("common.concurrency");

    /// <summary>Saves; a lost version check is a refusal, anything else goes on to the exception handler.</summary>
    public static async Task<Failure?> SaveVersionedAsync(this DbContext db, CancellationToken ct)
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
