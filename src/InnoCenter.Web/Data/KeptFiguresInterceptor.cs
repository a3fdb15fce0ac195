using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace InnoCenter.Web.Data;

/// <summary>
/// A summary that the writes keep (the ledger roll-up, the shared resources' yearly figures): before a save it notes
/// what the pending changes touch; after the save, inside the same transaction, it recomputes exactly that from the
/// records. A module registers one as a scoped <see cref="IKeptFigures"/>; <see cref="KeptFiguresInterceptor"/> runs them all.
/// </summary>
public interface IKeptFigures
{
    /// <summary>Notes what the pending changes touch; true when there is something to recompute.</summary>
    Task<bool> CollectAsync(AppDbContext db, CancellationToken ct);

    /// <summary>Recomputes what was noted, inside the write's transaction.</summary>
    Task RefreshAsync(AppDbContext db, CancellationToken ct);

    /// <summary>Drops what was noted (after a refresh, or when the save failed).</summary>
    void Forget();
}

/// <summary>
/// Runs every <see cref="IKeptFigures"/> around a save, all in one transaction — the caller's, or one of its own begun
/// before the save and committed after the last refresh — so the kept rows commit with the records or not at all.
/// One interceptor for all of them: two interceptors each owning a transaction would commit before the other refreshed.
/// </summary>
public sealed class KeptFiguresInterceptor(IEnumerable<IKeptFigures> parts) : SaveChangesInterceptor
{
    private readonly IKeptFigures[] all = [.. parts];
    private readonly List<IKeptFigures> touched = [];
    private IDbContextTransaction? owned;
    private bool refreshing;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not AppDbContext db || refreshing)
        {
            return result;
        }

        foreach (var part in all)
        {
            if (await part.CollectAsync(db, cancellationToken) && !touched.Contains(part))
            {
                touched.Add(part);
            }
        }

        if (touched.Count > 0 && db.Database.CurrentTransaction is null)
        {
            owned = await db.Database.BeginTransactionAsync(cancellationToken);
        }

        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        SavingChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not AppDbContext db || touched.Count == 0 || refreshing)
        {
            return result;
        }

        refreshing = true;
        try
        {
            foreach (var part in touched)
            {
                await part.RefreshAsync(db, cancellationToken);
            }

            if (owned is not null)
            {
                await owned.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            refreshing = false;
            ForgetAll();
            await EndOwnedAsync();
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) =>
        await AbandonAsync();

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => AbandonAsync().GetAwaiter().GetResult();

    // A lost update does not pass through SaveChangesFailed; it has its own hook.
    public override async ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(
        ConcurrencyExceptionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        await AbandonAsync();
        return result;
    }

    public override InterceptionResult ThrowingConcurrencyException(ConcurrencyExceptionEventData eventData, InterceptionResult result)
    {
        AbandonAsync().GetAwaiter().GetResult();
        return result;
    }

    private async Task AbandonAsync()
    {
        if (refreshing)
        {
            return;
        }

        ForgetAll();
        await EndOwnedAsync();
    }

    private void ForgetAll()
    {
        foreach (var part in all)
        {
            part.Forget();
        }

        touched.Clear();
    }

    /// <summary>Disposing an uncommitted transaction rolls it back; a committed one is only released.</summary>
    private async Task EndOwnedAsync()
    {
        if (owned is { } tx)
        {
            owned = null;
            await tx.DisposeAsync();
        }
    }
}

public static class KeptFiguresRegistration
{
    /// <summary>Adds the one interceptor that runs every registered <see cref="IKeptFigures"/>; safe to call from each module.</summary>
    public static IServiceCollection AddKeptFigures(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(KeptFiguresInterceptor)))
        {
            return services;
        }

        services.AddScoped<KeptFiguresInterceptor>();
        services.ConfigureDbContext<SqliteAppDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<KeptFiguresInterceptor>()));
        services.ConfigureDbContext<PostgresAppDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<KeptFiguresInterceptor>()));
        return services;
    }
}
