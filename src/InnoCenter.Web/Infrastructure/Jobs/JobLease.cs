using InnoCenter.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Infrastructure.Jobs;

/// <summary>A database lease on a background job, so that of several web nodes only one runs it at a time.</summary>
public sealed class JobLease
{
    public string Name { get; set; } = string.Empty;

    public string Holder { get; set; } = string.Empty;

    public DateTimeOffset ExpiresAt { get; set; }
}

public sealed class JobLeases(AppDbContext db, TimeProvider clock)
{
    /// <summary>This process's name in the lease table.</summary>
    public static readonly string Me = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>
    /// Takes or renews the lease when it is free, expired or already ours. The take is one conditional UPDATE, which
    /// the database makes atomic, so two nodes can never both succeed.
    /// </summary>
    public async Task<bool> TryAcquireAsync(string name, TimeSpan duration, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var until = now + duration;
        if (!await db.Set<JobLease>().AnyAsync(l => l.Name == name, ct))
        {
            try
            {
                db.Set<JobLease>().Add(new JobLease { Name = name, Holder = Me, ExpiresAt = until });
                await db.SaveChangesAsync(ct);
                return true;
            }
            catch (DbUpdateException ex) when (ex.IsUniqueViolation())
            {
                db.ChangeTracker.Clear();
            }
        }

        var taken = await db.Set<JobLease>()
            .Where(l => l.Name == name && (l.Holder == Me || l.ExpiresAt < now))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, Me).SetProperty(l => l.ExpiresAt, until), ct);
        return taken == 1;
    }

    public async Task ReleaseAsync(string name, CancellationToken ct) =>
        await db.Set<JobLease>().Where(l => l.Name == name && l.Holder == Me)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, clock.GetUtcNow().AddSeconds(-1)), ct);
}
