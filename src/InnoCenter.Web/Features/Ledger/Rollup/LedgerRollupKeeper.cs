using InnoCenter.Domain.Resources;
using InnoCenter.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Ledger.Rollup;

/// <summary>
/// Keeps <see cref="Domain.Ledger.LedgerRollupRow"/> in step with the records, in the transaction of the write (run by
/// <see cref="KeptFiguresInterceptor"/>): before a save it notes which (center, family, years) the changed records touch — their values before and after, so an edit
/// that moves a record to another year refreshes both — and after the save, still inside the transaction (its own
/// when the caller has none), it recomputes exactly those slices from the records under the center's lock.
/// Recomputing instead of adding deltas makes a kept row equal to a fresh computation by construction, whatever the
/// write did (an import, a cascade, an edit of a date), and leaves nothing to drift.
/// </summary>
public sealed class LedgerRollupKeeper : IKeptFigures
{
    private readonly Dictionary<(Guid Center, string Family), HashSet<int>> pending = [];

    public async Task RefreshAsync(AppDbContext db, CancellationToken ct)
    {
        await LedgerRollupStore.LockForKeepingAsync(db, pending.Keys.Select(k => k.Center), ct);
        foreach (var ((center, family), years) in pending.OrderBy(p => p.Key.Center).ThenBy(p => p.Key.Family, StringComparer.Ordinal))
        {
            await LedgerRollupStore.RefreshAsync(db, center, family, years, ct);
        }
    }

    public void Forget() => pending.Clear();

    /// <summary>Notes the slices the pending changes touch; true when there is at least one.</summary>
    public async Task<bool> CollectAsync(AppDbContext db, CancellationToken ct)
    {
        var smeStatuses = new HashSet<Guid>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (!entry.IsWritten())
            {
                continue;
            }

            // A confirmed SME's completed bookings count in 服务中小企业数: a confirmation touches every year it booked in.
            if (entry.Entity is OrganizationSmeStatus sme)
            {
                if (entry.State != EntityState.Modified || entry.Property(nameof(OrganizationSmeStatus.ConfirmedAt)).IsModified)
                {
                    smeStatuses.Add(sme.OrganizationId);
                }

                continue;
            }

            // Only a booking that is or was completed counts; placing, approving and cancelling never touch the roll-up.
            if (entry.Entity is ResourceBooking)
            {
                if (entry.State != EntityState.Added && Equals(entry.OriginalValues[nameof(ResourceBooking.Status)], BookingStatus.Completed))
                {
                    NoteYear(entry.OriginalValues[nameof(ResourceBooking.CenterId)], entry.OriginalValues[nameof(ResourceBooking.Starts)]);
                }

                if (entry.State != EntityState.Deleted && Equals(entry.CurrentValues[nameof(ResourceBooking.Status)], BookingStatus.Completed))
                {
                    NoteYear(entry.CurrentValues[nameof(ResourceBooking.CenterId)], entry.CurrentValues[nameof(ResourceBooking.Starts)]);
                }

                continue;
            }

            if (LedgerRollupFigures.FamilyOf(entry.Entity) is not { } family)
            {
                continue;
            }

            if (entry.State != EntityState.Added)
            {
                Note(family, entry.OriginalValues["CenterId"], p => entry.OriginalValues[p]);
            }

            if (entry.State != EntityState.Deleted)
            {
                Note(family, entry.CurrentValues["CenterId"], p => entry.CurrentValues[p]);
            }
        }

        if (smeStatuses.Count > 0)
        {
            foreach (var (center, years) in await SmeServedFigure.TouchedByAsync(db, smeStatuses, ct))
            {
                foreach (var year in years)
                {
                    NoteYear(center, year);
                }
            }
        }

        return pending.Count > 0;
    }

    /// <summary>Notes the SME figure of a center in the year (Beijing time) of a booking's start, or in a year.</summary>
    private void NoteYear(object? center, object? startsOrYear)
    {
        if (center is Guid c && (startsOrYear is DateTimeOffset t ? SmeServedFigure.YearOf(t) : startsOrYear as int?) is { } year)
        {
            Note(LedgerRollupFigures.Sme, c, _ => year);
        }
    }

    private void Note(string family, object? center, Func<string, object?> value)
    {
        if (center is not Guid c)
        {
            return;
        }

        if (!pending.TryGetValue((c, family), out var years))
        {
            years = [];
            pending[(c, family)] = years;
        }

        years.UnionWith(LedgerRollupFigures.YearsOf(family, value));
    }
}
