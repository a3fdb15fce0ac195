using InnoCenter.Domain.Resources;
using InnoCenter.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Resources;

/// <summary>
/// Keeps <see cref="ResourceYearFigure"/> in step with the bookings, in the transaction of the write: a booking placed,
/// decided, cancelled, used or moved notes its resource in the year of its start (before and after), and those
/// (resource, year) slices are recomputed from the bookings after the save — a few dozen rows through the
/// (resource, starts) index. Recomputing, not adding deltas, leaves nothing to drift. A resource's rename is carried into
/// its rows (they keep the name the page of all resources is ordered by).
/// </summary>
public sealed class ResourceFigureKeeper : IKeptFigures
{
    private readonly Dictionary<int, HashSet<Guid>> pending = [];

    private readonly HashSet<Guid> renamed = [];

    public Task<bool> CollectAsync(AppDbContext db, CancellationToken ct)
    {
        foreach (var entry in db.ChangeTracker.Entries<ResourceBooking>())
        {
            if (!entry.IsWritten())
            {
                continue;
            }

            if (entry.State != EntityState.Added)
            {
                Note(entry.OriginalValues[nameof(ResourceBooking.ResourceId)], entry.OriginalValues[nameof(ResourceBooking.Starts)]);
            }

            if (entry.State != EntityState.Deleted)
            {
                Note(entry.CurrentValues[nameof(ResourceBooking.ResourceId)], entry.CurrentValues[nameof(ResourceBooking.Starts)]);
            }
        }

        foreach (var entry in db.ChangeTracker.Entries<ResearchResource>())
        {
            if (entry.State == EntityState.Modified && entry.Property(nameof(ResearchResource.Name)).IsModified)
            {
                renamed.Add(entry.Entity.Id);
            }
        }

        return Task.FromResult(pending.Count > 0 || renamed.Count > 0);
    }

    public async Task RefreshAsync(AppDbContext db, CancellationToken ct)
    {
        // A rename takes its resource's lock too, so a booking write of the same resource never keeps the old name.
        await ResourceYearSums.LockAsync(db, pending.Values.SelectMany(v => v).Concat(renamed), ct);
        foreach (var (year, resources) in pending.OrderBy(p => p.Key))
        {
            await ResourceYearSums.RefreshAsync(db, resources, year, ct);
        }

        await ResourceYearSums.RenameAsync(db, [.. renamed.Order()], ct);
    }

    public void Forget()
    {
        pending.Clear();
        renamed.Clear();
    }

    private void Note(object? resource, object? starts)
    {
        if (resource is not Guid r || starts is not DateTimeOffset s)
        {
            return;
        }

        var year = s.ToBeijingTime().Year;
        if (!pending.TryGetValue(year, out var set))
        {
            set = [];
            pending[year] = set;
        }

        set.Add(r);
    }
}
