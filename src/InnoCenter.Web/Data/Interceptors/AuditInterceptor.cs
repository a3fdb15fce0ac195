using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using InnoCenter.Domain.Audit;
using InnoCenter.Domain.Common;
using InnoCenter.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace InnoCenter.Web.Data.Interceptors;

/// <summary>
/// Writes one hash-chained <see cref="AuditEntry"/> for every insert, update and delete of an <see cref="IAudited"/>
/// record, in the same transaction as the change. Appending must be serialised: within one process by a lock, across
/// PostgreSQL nodes by an advisory transaction lock; the sequence is the key, so a fork can never be stored.
/// </summary>
public sealed class AuditInterceptor(IHttpContextAccessor httpContextAccessor, TimeProvider clock) : SaveChangesInterceptor
{
    private const long AdvisoryLockKey = 0x1_A0D1_7C4A;

    /// <summary>Properties whose values never go into the log.</summary>
    private static readonly HashSet<string> Masked = ["PasswordHash", "SecurityStamp", "ConcurrencyStamp", "TokenHash"];

    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly SemaphoreSlim AppendLock = new(1, 1);

    private bool _holdsLock;
    private IDbContextTransaction? _ownTransaction;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            await AppendAsync(context, cancellationToken);
        }

        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context)
        {
            AppendAsync(context, CancellationToken.None).GetAwaiter().GetResult();
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await ReleaseAsync(commit: true);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        ReleaseAsync(commit: true).GetAwaiter().GetResult();
        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ForgetPending(eventData.Context);
        await ReleaseAsync(commit: false);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        ForgetPending(eventData.Context);
        ReleaseAsync(commit: false).GetAwaiter().GetResult();
    }

    // A lost update does not pass through SaveChangesFailed; it has its own hook, raised while EF is still inside its
    // transaction (it rolls back to its savepoint afterwards). So only the lock is let go here; a transaction this
    // interceptor opened is rolled back by the next save of the context, or when the context is disposed.
    public override ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(
        ConcurrencyExceptionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        ForgetPending(eventData.Context);
        ReleaseLock();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult ThrowingConcurrencyException(ConcurrencyExceptionEventData eventData, InterceptionResult result)
    {
        ForgetPending(eventData.Context);
        ReleaseLock();
        return result;
    }

    /// <summary>A failed save must not leave its audit rows behind to be written by a later save of the same context.</summary>
    private static void ForgetPending(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        foreach (var pending in context.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).ToList())
        {
            pending.State = EntityState.Detached;
        }
    }

    private async Task AppendAsync(DbContext context, CancellationToken ct)
    {
        var changes = context.ChangeTracker.Entries()
            .Where(e => e.Entity is IAudited && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        if (_ownTransaction is not null)
        {
            // Left open by a save that lost an update; nothing in it may be committed.
            await _ownTransaction.RollbackAsync(ct);
            await _ownTransaction.DisposeAsync();
            _ownTransaction = null;
        }

        if (changes.Count == 0)
        {
            return;
        }

        // A writer that never let go would stall every later write; better to fail this one loudly.
        if (!await AppendLock.WaitAsync(TimeSpan.FromSeconds(60), ct))
        {
            throw new TimeoutException("The audit log could not be appended to within a minute.");
        }

        _holdsLock = true;
        if (context.Database.IsNpgsql())
        {
            if (context.Database.CurrentTransaction is null)
            {
                _ownTransaction = await context.Database.BeginTransactionAsync(ct);
            }

            await context.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", ct);
        }

        var last = await context.Set<AuditEntry>().AsNoTracking()
            .OrderByDescending(a => a.Sequence)
            .Select(a => new { a.Sequence, a.Hash })
            .FirstOrDefaultAsync(ct);
        var sequence = last?.Sequence ?? 0;
        var previous = last?.Hash ?? AuditChain.Genesis;

        var http = httpContextAccessor.HttpContext;
        var signedIn = http?.User.Identity?.IsAuthenticated == true;
        var userId = signedIn ? http!.User.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        var userName = signedIn ? http!.User.Identity!.Name : http is null ? "system" : "anonymous";
        var at = AuditChain.Truncate(clock.GetUtcNow());

        foreach (var change in changes)
        {
            if (change.State == EntityState.Modified && !change.Properties.Any(p => p.IsModified))
            {
                continue;
            }

            var entry = new AuditEntry
            {
                Sequence = ++sequence,
                At = at,
                UserId = userId,
                UserName = userName,
                EntityType = change.Metadata.ClrType.Name,
                EntityId = ((IAudited)change.Entity).Id.ToString(),
                Action = change.State switch
                {
                    EntityState.Added => "Insert",
                    EntityState.Deleted => "Delete",
                    _ => "Update",
                },
                Before = change.State == EntityState.Added ? null : Snapshot(change, original: true),
                After = change.State == EntityState.Deleted ? null : Snapshot(change, original: false),
                PreviousHash = previous,
            };
            entry.Hash = AuditChain.Hash(entry.ToLink());
            previous = entry.Hash;
            context.Add(entry);
        }
    }

    private static string Snapshot(EntityEntry entry, bool original)
    {
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var p in entry.Properties)
        {
            var value = original ? p.OriginalValue : p.CurrentValue;
            values[p.Metadata.Name] = Masked.Contains(p.Metadata.Name) && value is not null ? "***" : value switch
            {
                Enum e => e.ToString(),
                _ => value,
            };
        }

        return JsonSerializer.Serialize(values, Json);
    }

    private async Task ReleaseAsync(bool commit)
    {
        try
        {
            if (_ownTransaction is not null)
            {
                if (commit)
                {
                    await _ownTransaction.CommitAsync();
                }
                else
                {
                    await _ownTransaction.RollbackAsync();
                }

                await _ownTransaction.DisposeAsync();
            }
        }
        finally
        {
            _ownTransaction = null;
            ReleaseLock();
        }
    }

    private void ReleaseLock()
    {
        if (_holdsLock)
        {
            _holdsLock = false;
            AppendLock.Release();
        }
    }
}
