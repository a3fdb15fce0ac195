using InnoCenter.Domain.Resources;
using InnoCenter.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Resources;

/// <summary>
/// Keeps <see cref="ResourceMonthCharge"/> in step with the bookings, in the transaction of the write: a booking placed,
/// cancelled, used, marked a no-show or moved notes its payer's month (before and after), and those slices are
/// recomputed from the bookings after the save through the (payer, starts) index. Recomputing, not adding deltas,
/// leaves nothing to drift. A payment recorded does not change a charge: its state is read from its own row.
/// </summary>
public sealed class ResourceChargeKeeper : IKeptFigures
{
    /// <summary>The booking's properties a statement's charge depends on; a write of any other one leaves the charges as they are.</summary>
    private static readonly string[] Charging =
    [
        nameof(ResourceBooking.BookerOrganizationId), nameof(ResourceBooking.Starts), nameof(ResourceBooking.Status),
        nameof(ResourceBooking.LateCancel), nameof(ResourceBooking.ChargeFen),
    ];

    private readonly HashSet<ResourceMonthCharges.Slice> pending = [];

    public Task<bool> CollectAsync(AppDbContext db, CancellationToken ct)
    {
        foreach (var entry in db.ChangeTracker.Entries<ResourceBooking>())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)
                || (entry.State == EntityState.Modified && !Charging.Any(p => entry.Property(p).IsModified)))
            {
                continue;
            }

            if (entry.State != EntityState.Added)
            {
                Note(entry.OriginalValues[nameof(ResourceBooking.BookerOrganizationId)], entry.OriginalValues[nameof(ResourceBooking.Starts)]);
            }

            if (entry.State != EntityState.Deleted)
            {
                Note(entry.CurrentValues[nameof(ResourceBooking.BookerOrganizationId)], entry.CurrentValues[nameof(ResourceBooking.Starts)]);
            }
        }

        return Task.FromResult(pending.Count > 0);
    }

    public Task RefreshAsync(AppDbContext db, CancellationToken ct) =>
        ResourceMonthCharges.RefreshAsync(db, [.. pending.OrderBy(s => s.Year).ThenBy(s => s.Month).ThenBy(s => s.Payer)], ct);

    public void Forget() => pending.Clear();

    private void Note(object? payer, object? starts)
    {
        if (payer is Guid p && starts is DateTimeOffset s)
        {
            var local = s.ToBeijingTime();
            pending.Add(new ResourceMonthCharges.Slice(p, local.Year, local.Month));
        }
    }
}
