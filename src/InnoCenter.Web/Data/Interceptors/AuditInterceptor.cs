using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using InnoCenter.Domain.Audit;
using InnoCenter.Domain.Common;
using InnoCenter.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace InnoCenter.Web.Data.Interceptors;

/// <summary>
/// Writes one <see cref="AuditEntry"/> for every insert, update and delete of an <see cref="IAudited"/> record, in the
/// same transaction as the change, so a change is never stored without its audit row. The row is appended unsequenced
/// (an arrival id from the database, no chain fields): writers take no lock of their own and never wait for each other
/// here. <see cref="AuditSealer"/> later gives the committed rows their place in the keyed chain.
/// </summary>
public sealed class AuditInterceptor(IHttpContextAccessor httpContextAccessor, TimeProvider clock) : SaveChangesInterceptor
{
    /// <summary>Properties whose values never go into the log.</summary>
    private static readonly HashSet<string> Masked = ["PasswordHash", "SecurityStamp", "ConcurrencyStamp", "TokenHash"];

    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            Append(context);
        }

        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context)
        {
            Append(context);
        }

        return result;
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ForgetPending(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => ForgetPending(eventData.Context);

    // A lost update does not pass through SaveChangesFailed; it has its own hook.
    public override ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(
        ConcurrencyExceptionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        ForgetPending(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult ThrowingConcurrencyException(ConcurrencyExceptionEventData eventData, InterceptionResult result)
    {
        ForgetPending(eventData.Context);
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

    private void Append(DbContext context)
    {
        var changes = context.ChangeTracker.Entries()
            .Where(e => e.Entity is IAudited && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        if (changes.Count == 0)
        {
            return;
        }

        var http = httpContextAccessor.HttpContext;
        var signedIn = http?.User.Identity?.IsAuthenticated == true;
        var userId = signedIn ? http!.User.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        var userName = signedIn ? http!.User.Identity!.Name : http is null ? "system" : "anonymous";
        var at = AuditChain.Truncate(clock.GetUtcNow());

        foreach (var change in changes)
        {
            if (!change.IsWritten())
            {
                continue;
            }

            context.Add(new AuditEntry
            {
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
            });
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
}
