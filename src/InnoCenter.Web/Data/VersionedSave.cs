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
        readVersion == entity.Version ? null : Failure.Conflict(ConcurrencyCode);

    /// <summary>The code of the refusal of a lost update.</summary>
    public const string ConcurrencyCode = "common.concurrency";

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
            return Failure.Conflict(ConcurrencyCode);
        }
    }

    /// <summary>
    /// Runs a command whose caller sent no version of the record it moves on — an entry added to a grant, whose version
    /// moves so that two entries cannot both spend a line's last money. A lost race there is another entry saved between
    /// this one's read and write, not an edit the caller would lose, so the command reads and checks everything again
    /// (and may then refuse for a reason of its own, e.g. the line now overspent) instead of answering a 409 to a person
    /// who changed nothing anyone else had.
    /// </summary>
    /// <remarks>
    /// Each round of racers has one winner, who leaves, so a writer loses at most once to each other writer: ten
    /// attempts serve ten entries of one grant at the same instant. The short random pause spreads the losers out.
    /// </remarks>
    public static async Task<Result<T>> RetryingLostRacesAsync<T>(this DbContext db, Func<Task<Result<T>>> command, CancellationToken ct, int attempts = 10)
    {
        for (var attempt = 1; ; attempt++)
        {
            var result = await command();
            if (result.IsSuccess || attempt >= attempts
                || result.Failure is not { Kind: FailureKind.Conflict, Errors: [{ Code: ConcurrencyCode }] })
            {
                return result;
            }

            db.ChangeTracker.Clear();
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 10 * attempt)), ct);
        }
    }
}
