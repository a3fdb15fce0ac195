using InnoCenter.Domain.Common;
using InnoCenter.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace InnoCenter.Web.Infrastructure.Search;

/// <summary>
/// Keeps <see cref="SearchEntry"/> rows in step with every insert, update and delete of a searched record, in the same
/// SaveChanges (so the same transaction) as the change: handlers, imports and seeders need no call of their own.
/// </summary>
public sealed class SearchIndexInterceptor(IEnumerable<ISearchKind> kinds) : SaveChangesInterceptor
{
    private readonly Dictionary<Type, ISearchKind> byType = kinds.ToDictionary(k => k.EntityType);

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && Changes(context) is { Count: > 0 } changes)
        {
            var ids = changes.Where(c => c.State != EntityState.Added).Select(c => c.Id).Distinct().ToList();
            var stored = ids.Count == 0
                ? []
                : await context.Set<SearchEntry>().Where(e => ids.Contains(e.RecordId)).ToListAsync(cancellationToken);
            Apply(context, changes, stored);
        }

        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context && Changes(context) is { Count: > 0 } changes)
        {
            var ids = changes.Where(c => c.State != EntityState.Added).Select(c => c.Id).Distinct().ToList();
            var stored = ids.Count == 0 ? [] : context.Set<SearchEntry>().Where(e => ids.Contains(e.RecordId)).ToList();
            Apply(context, changes, stored);
        }

        return result;
    }

    private sealed record Change(ISearchKind Kind, Guid Id, EntityState State, object Entity);

    private List<Change> Changes(DbContext context)
    {
        if (byType.Count == 0)
        {
            return [];
        }

        return context.ChangeTracker.Entries()
            .Where(e => e.IsWritten() && byType.ContainsKey(e.Metadata.ClrType))
            .Select(e => new Change(byType[e.Metadata.ClrType], ((IAudited)e.Entity).Id, e.State, e.Entity))
            .ToList();
    }

    private static void Apply(DbContext context, List<Change> changes, List<SearchEntry> stored)
    {
        var entries = context.Set<SearchEntry>();
        foreach (var change in changes)
        {
            // A save that failed and is tried again finds its own pending row in the tracker, not in the database.
            var entry = stored.FirstOrDefault(e => e.Kind == change.Kind.Name && e.RecordId == change.Id)
                        ?? entries.Local.FirstOrDefault(e => e.Kind == change.Kind.Name && e.RecordId == change.Id);
            if (change.State == EntityState.Deleted)
            {
                if (entry is not null)
                {
                    entries.Remove(entry);
                }

                continue;
            }

            var terms = change.Kind.TermsOf(change.Entity);
            if (entry is null)
            {
                entries.Add(SearchEntry.For(change.Kind.Name, change.Id, terms));
            }
            else
            {
                entry.Retokenize(terms);
            }
        }
    }
}
