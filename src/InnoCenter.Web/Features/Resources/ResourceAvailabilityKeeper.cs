using InnoCenter.Domain.Resources;
using InnoCenter.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Resources;

/// <summary>
/// Keeps <see cref="ResourceYearAvailability"/> in step with the resources, in the transaction of the write: a resource
/// catalogued, edited (hours, owner, center, retirement) or removed, or a blackout of it written, has its rows
/// recomputed in every year already filled. Resource writes are rare; recomputing one resource is a few queries.
/// </summary>
public sealed class ResourceAvailabilityKeeper : IKeptFigures
{
    private readonly HashSet<Guid> pending = [];

    public Task<bool> CollectAsync(AppDbContext db, CancellationToken ct)
    {
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (!entry.IsWritten())
            {
                continue;
            }

            switch (entry.Entity)
            {
                case ResearchResource r:
                    pending.Add(r.Id);
                    break;
                case ResourceBlackout b:
                    pending.Add(b.ResourceId);
                    break;
            }
        }

        return Task.FromResult(pending.Count > 0);
    }

    public Task RefreshAsync(AppDbContext db, CancellationToken ct) => ResourceAvailability.RefreshAsync(db, pending, ct);

    public void Forget() => pending.Clear();
}
