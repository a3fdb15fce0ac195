using InnoCenter.Domain.Audit;
using InnoCenter.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Infrastructure.Audit;

/// <summary>What one run of the sealer did.</summary>
public sealed record SealOutcome(int Sealed, long Tail, SignedHead? Head);

/// <summary>
/// The sequencer of the audit log (the model is Trillian's sequencer and certificate transparency's signed tree heads):
/// it takes the committed rows that writers appended without a sequence, in arrival order, gives them the next
/// sequences, links and hashes them under the audit key, and from time to time signs the head of the chain into the
/// shared file store. It runs on one node at a time, under the job lease (<see cref="InnoCenter.Web.Features.Audit.AuditSealingJob"/>), and when asked
/// before a backup.
/// </summary>
/// <remarks>
/// Why no row is ever skipped or sealed twice, on either engine:
/// <list type="bullet">
/// <item>A sealer run selects "every committed row without a sequence", never "every id after the last sealed id". On
/// PostgreSQL, concurrent transactions commit out of arrival order: id 41 may still be open when id 42 is committed and
/// sealed. That is harmless here, because nothing remembers a watermark of ids: id 41 is not visible yet, so it is not
/// sealed past or lost; it is sealed by the next run, after 42, once its transaction commits (or never, if it rolls
/// back, and then it never existed). The chain's order is therefore the order in which commits became visible to the
/// sealer, which is the order in which the changes took effect; the arrival id only breaks ties within one run. A
/// watermark sealer would have needed a settle time and still lost rows of transactions longer than it; this one
/// needs neither.</item>
/// <item>On SQLite there is one writer at a time anyway; the sealer's batch is a short write transaction between them.</item>
/// <item>Two sealers at once (a lease that changed hands during a long pause) both read the same tail and would
/// give the same sequences; the unique index on the sequence lets only one of them commit, and the other stops.</item>
/// </list>
/// </remarks>
public sealed class AuditSealer(
    AppDbContext db, AuditKey key, AuditHeadStore heads, AuditSealerState state, TimeProvider clock, IConfiguration config,
    ILogger<AuditSealer> logger)
{
    private const int BatchSize = 500;

    /// <summary>Rows appended but not yet sealed.</summary>
    public Task<int> PendingAsync(CancellationToken ct) => db.AuditEntries.CountAsync(a => a.Sequence == null, ct);

    /// <summary>
    /// Seals every pending row; writes a signed head when <paramref name="forceHead"/> is set or when the chain has moved
    /// since the last head and <c>Audit:HeadSeconds</c> (default 60) have passed.
    /// </summary>
    public async Task<SealOutcome> SealAsync(bool forceHead, CancellationToken ct)
    {
        await AnchorLegacyRowsAsync(ct);
        var sealedCount = 0;
        int batch;
        do
        {
            batch = await SealBatchAsync(ct);
            sealedCount += batch;
        }
        while (batch == BatchSize);

        var tail = await TailAsync(ct);
        SignedHead? head = null;
        var now = clock.GetUtcNow();
        var interval = TimeSpan.FromSeconds(config.GetValue("Audit:HeadSeconds", 60));
        bool due;
        lock (state)
        {
            due = tail.Sequence > 0 && (forceHead || (tail.Sequence != state.LastHeadSequence && now - state.LastHeadAt >= interval));
        }

        if (due)
        {
            head = SignedHead.Sign(SignedHeadKind.Head, tail.Sequence, tail.Hash, now, key.Mac);
            await heads.AppendAsync(head, ct);
            lock (state)
            {
                state.LastHeadSequence = tail.Sequence;
                state.LastHeadAt = now;
            }
        }

        return new SealOutcome(sealedCount, tail.Sequence, head);
    }

    /// <summary>The newest sealed row's sequence and hash (0 and the genesis hash for an empty chain).</summary>
    public async Task<(long Sequence, string Hash)> TailAsync(CancellationToken ct)
    {
        var last = await db.AuditEntries.AsNoTracking()
            .Where(a => a.Sequence != null)
            .OrderByDescending(a => a.Sequence)
            .Select(a => new { a.Sequence, a.Hash })
            .FirstOrDefaultAsync(ct);
        return last is null ? (0, AuditChain.Genesis) : (last.Sequence!.Value, last.Hash!);
    }

    private async Task<int> SealBatchAsync(CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var (sequence, previous) = await TailAsync(ct);
            var pending = await db.AuditEntries
                .Where(a => a.Sequence == null)
                .OrderBy(a => a.Id)
                .Take(BatchSize)
                .ToListAsync(ct);
            if (pending.Count == 0)
            {
                return 0;
            }

            foreach (var entry in pending)
            {
                entry.Sequence = ++sequence;
                entry.PreviousHash = previous;
                entry.Algorithm = key.Mac.Algorithm;
                entry.Hash = AuditChain.KeyedHash(entry.ToLink(), key.Mac);
                previous = entry.Hash;
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return pending.Count;
        }
        catch (DbUpdateException ex)
        {
            // Another sealer stored these sequences first; its rows stand, and this run has nothing left to do.
            logger.LogWarning(ex, "Another sealer sealed the same audit rows first; this run stops");
            return 0;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// A database from a release before the keyed chain holds rows hashed with plain SHA-256. Once, the newest of them is
    /// vouched for by a signed legacy head; verify believes the unkeyed form only up to it. (An attacker who rewrote
    /// those rows before the upgrade is not caught by this; the old verify would have found a broken link.)
    /// </summary>
    private async Task AnchorLegacyRowsAsync(CancellationToken ct)
    {
        if (state.LegacyAnchored)
        {
            return;
        }

        var legacyTail = await db.AuditEntries.AsNoTracking()
            .Where(a => a.Algorithm == AuditVerifier.LegacyAlgorithm)
            .OrderByDescending(a => a.Sequence)
            .Select(a => new { a.Sequence, a.Hash })
            .FirstOrDefaultAsync(ct);
        if (legacyTail is not null &&
            !(await heads.ReadAllAsync(ct)).Any(h => h.Kind == SignedHeadKind.Legacy && h.Sequence == legacyTail.Sequence && h.IsSignedWith(key.Mac)))
        {
            await heads.AppendAsync(
                SignedHead.Sign(SignedHeadKind.Legacy, legacyTail.Sequence!.Value, legacyTail.Hash!, clock.GetUtcNow(), key.Mac), ct);
            logger.LogInformation("Audit rows 1–{Sequence} of the unkeyed chain are now anchored by a signed head", legacyTail.Sequence);
        }

        state.LegacyAnchored = true;
    }
}

/// <summary>
/// What the sealer remembers between runs in this process (a singleton). A node that takes the lease over starts
/// empty and so writes a head at its first run, which is what is wanted.
/// </summary>
public sealed class AuditSealerState
{
    public long LastHeadSequence { get; set; } = -1;

    public DateTimeOffset LastHeadAt { get; set; } = DateTimeOffset.MinValue;

    public bool LegacyAnchored { get; set; }
}
