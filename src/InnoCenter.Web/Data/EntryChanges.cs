using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace InnoCenter.Web.Data;

/// <summary>What a save does to a tracked entry, as the audit trail, the search index and the kept figures read it.</summary>
public static class EntryChanges
{
    /// <summary>
    /// True when the save writes the entry: added, deleted, or modified in at least one property. An entry marked
    /// Modified with no property changed (an attach, a version-only touch undone) writes nothing and is skipped by all.
    /// </summary>
    public static bool IsWritten(this EntityEntry entry) =>
        entry.State is EntityState.Added or EntityState.Deleted
        || (entry.State == EntityState.Modified && entry.Properties.Any(p => p.IsModified));
}
