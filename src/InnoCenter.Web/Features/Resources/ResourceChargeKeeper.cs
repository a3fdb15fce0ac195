using InnoCenter.Domain.Organizations;
using InnoCenter.Domain.Resources;
using InnoCenter.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Resources;

/// <summary>
/// Keeps <see cref="ResourceMonthCharge"/> in step with the bookings, in the transaction of the write: a booking placed,
/// cancelled, used, marked a no-show or moved notes its payer's month (before and after), and those slices are
/// recomputed from the bookings after the save through the (payer, starts) index. Recomputing, not adding deltas,
/// leaves nothing to drift. A payment recorded notes its slice too (the row keeps whether it is paid), and a payer's
/// rename is carried into its rows (the row keeps the name the month's list is ordered by).
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

    private readonly HashSet<Guid> renamed = [];

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

        foreach (var entry in db.ChangeTracker.Entries<StatementPayment>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            {
                pending.Add(new ResourceMonthCharges.Slice(entry.Entity.OrganizationId, entry.Entity.Year, entry.Entity.Month));
            }
        }

        foreach (var entry in db.ChangeTracker.Entries<Organization>())
        {
            if (entry.State == EntityState.Modified && entry.Property(nameof(Organization.Name)).IsModified)
            {
                renamed.Add(entry.Entity.Id);
            }
        }

        return Task.FromResult(pending.Count > 0 || renamed.Count > 0);
    }

    public async Task RefreshAsync(AppDbContext db, CancellationToken ct)
    {
        await ResourceMonthCharges.RefreshAsync(db, [.. pending.OrderBy(s => s.Year).ThenBy(s => s.Month).ThenBy(s => s.Payer)], ct);
        await ResourceMonthCharges.RenameAsync(db, [.. renamed.Order()], ct);
    }

    public void Forget()
    {
        pending.Clear();
        renamed.Clear();
    }

    private void Note(object? payer, object? starts)
    {
        if (payer is Guid p && starts is DateTimeOffset s)
        {
            var local = s.ToBeijingTime();
            pending.Add(new ResourceMonthCharges.Slice(p, local.Year, local.Month));
        }
    }
}
