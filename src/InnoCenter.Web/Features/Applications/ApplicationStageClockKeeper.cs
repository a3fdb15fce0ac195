using InnoCenter.Domain.Applications;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Policy;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Applications;

/// <summary>
/// Keeps the <see cref="ApplicationStageClock"/> of every application a save starts or moves to another stage, inside
/// the save's transaction (run by <see cref="KeptFiguresInterceptor"/>). The pack versions are read through a
/// <see cref="PolicyVersions"/> over the saving context: the keeper is built with the context's options, before any
/// context exists to inject.
/// </summary>
public sealed class ApplicationStageClockKeeper(PolicyProvider policy, PolicyVersionCache cache, TimeProvider clock) : IKeptFigures
{
    private readonly HashSet<Guid> pending = [];

    public Task<bool> CollectAsync(AppDbContext db, CancellationToken ct)
    {
        foreach (var entry in db.ChangeTracker.Entries<Application>())
        {
            var moved = entry.State == EntityState.Added
                        || (entry.State == EntityState.Modified
                            && (entry.Property(a => a.Status).IsModified || entry.Property(a => a.StatusChangedAt).IsModified));
            if (moved)
            {
                pending.Add(entry.Entity.Id);
            }
        }

        return Task.FromResult(pending.Count > 0);
    }

    public Task RefreshAsync(AppDbContext db, CancellationToken ct) =>
        ApplicationStageClocks.RefreshAsync(db, new PolicyVersions(db, policy, cache, clock), [.. pending], ct);

    public void Forget() => pending.Clear();
}
