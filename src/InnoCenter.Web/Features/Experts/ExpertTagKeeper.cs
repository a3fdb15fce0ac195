using InnoCenter.Domain.Reviews;
using InnoCenter.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Experts;

/// <summary>
/// Keeps <see cref="ExpertTag"/> rows equal to the domains and key areas of every expert a save adds or whose lists
/// it changes, inside the save's transaction (run by <see cref="KeptFiguresInterceptor"/>). A deleted expert's rows
/// go by the foreign key's cascade.
/// </summary>
public sealed class ExpertTagKeeper : IKeptFigures
{
    private readonly Dictionary<Guid, (IReadOnlyList<string> Domains, IReadOnlyList<string> KeyAreas)> pending = [];

    public Task<bool> CollectAsync(AppDbContext db, CancellationToken ct)
    {
        foreach (var entry in db.ChangeTracker.Entries<Expert>())
        {
            var changed = entry.State == EntityState.Added
                          || (entry.State == EntityState.Modified
                              && (entry.Property(e => e.Domains).IsModified || entry.Property(e => e.KeyAreas).IsModified));
            if (changed)
            {
                pending[entry.Entity.Id] = (entry.Entity.Domains, entry.Entity.KeyAreas);
            }
        }

        return Task.FromResult(pending.Count > 0);
    }

    public async Task RefreshAsync(AppDbContext db, CancellationToken ct)
    {
        var ids = pending.Keys.ToList();
        await db.ExpertTags.Where(t => ids.Contains(t.ExpertId)).ExecuteDeleteAsync(ct);
        var rows = pending.SelectMany(p => ExpertTag.Of(p.Key, p.Value.Domains, p.Value.KeyAreas)).ToList();
        if (rows.Count == 0)
        {
            return;
        }

        var values = string.Join(", ", rows.Select((_, i) => $"({{{i * 3}}}, {{{i * 3 + 1}}}, {{{i * 3 + 2}}})"));
        var args = rows.SelectMany(r => new object[] { r.Kind, r.Code, r.ExpertId }).ToArray();
        // Placeholders only: the values go as parameters.
        var sql = "INSERT INTO \"ExpertTags\" (\"Kind\", \"Code\", \"ExpertId\") VALUES " + values;
        await db.Database.ExecuteSqlRawAsync(sql, args, ct);
    }

    public void Forget() => pending.Clear();
}
