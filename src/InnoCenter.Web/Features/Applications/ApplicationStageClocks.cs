using System.Globalization;
using System.Text;
using InnoCenter.Domain.Applications;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Policy;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Applications;

/// <summary>
/// The kept <see cref="ApplicationStageClock"/> rows: written by <see cref="ApplicationStageClockKeeper"/> in the
/// transaction of every write that starts or moves an application, rebuilt whole at the start after the migration that
/// created them. Each application's days come from the pack version it began under (<see cref="PolicyVersions.ForCaseAsync"/>),
/// so the overdue counts and filters compare one indexed moment with the time instead of building a predicate per version.
/// </summary>
public static class ApplicationStageClocks
{
    /// <summary>Overdue now: its stage's days under its version have run out (<see cref="ApplicationStageClock"/>).</summary>
    public static System.Linq.Expressions.Expression<Func<Application, bool>> Overdue(AppDbContext db, DateTimeOffset now) =>
        a => db.ApplicationStageClocks.Any(c => c.ApplicationId == a.Id && c.DueAt < now);

    /// <summary>
    /// How many applications of each stage are overdue now: one grouped read of the clocks' (Status, DueAt) index alone.
    /// Never the drafts: the rebuild marker is a draft's row, and a condition on its id would visit every row's record.
    /// </summary>
    public static async Task<Dictionary<ApplicationStatus, int>> OverdueByStageAsync(AppDbContext db, IReadOnlyCollection<ApplicationStatus> stages, DateTimeOffset now, CancellationToken ct)
    {
        var asked = stages.Where(s => s != ApplicationStatus.Draft).ToArray();
        return await db.ApplicationStageClocks.AsNoTracking()
            .Where(c => asked.Contains(c.Status) && c.DueAt < now)
            .GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
    }

    /// <summary>Writes the clocks of these applications (every application when null) afresh from their rows.</summary>
    public static async Task<int> RefreshAsync(AppDbContext db, PolicyVersions versions, IReadOnlyCollection<Guid>? ids, CancellationToken ct)
    {
        var clocks = db.ApplicationStageClocks.AsQueryable();
        var apps = db.Applications.AsNoTracking();
        if (ids is not null)
        {
            clocks = clocks.Where(c => ids.Contains(c.ApplicationId));
            apps = apps.Where(a => ids.Contains(a.Id));
        }

        await clocks.ExecuteDeleteAsync(ct);
        // The versions and stages among them are few: each group's clocks are one INSERT … SELECT of its rows.
        var groups = await apps.Select(a => new { a.PolicyCode, a.PolicyVersion, a.Status }).Distinct().ToListAsync(ct);
        var written = 0;
        foreach (var g in groups)
        {
            var pack = await versions.ForCaseAsync(g.PolicyCode, g.PolicyVersion, ct);
            if (!pack.Applications.StageDays.TryGetValue(g.Status.ToString(), out var days))
            {
                continue;
            }

            // SQLite keeps a moment as UTC ticks (SqliteAppDbContext), PostgreSQL as timestamptz.
            var sqlite = db.Database.IsSqlite();
            var args = new List<object> { sqlite ? TimeSpan.FromDays(days).Ticks : (object)days, g.PolicyCode, g.PolicyVersion, g.Status.ToString() };
            var sql = new StringBuilder(
                "INSERT INTO \"ApplicationStageClocks\" (\"ApplicationId\", \"Status\", \"DueAt\") " +
                (sqlite ? "SELECT \"Id\", \"Status\", \"StatusChangedAt\" + {0} " : "SELECT \"Id\", \"Status\", \"StatusChangedAt\" + make_interval(days => {0}) ") +
                "FROM \"Applications\" " +
                "WHERE \"PolicyCode\" = {1} AND \"PolicyVersion\" = {2} AND \"Status\" = {3}");
            if (ids is not null)
            {
                sql.Append(" AND \"Id\" IN (");
                foreach (var id in ids)
                {
                    sql.Append(CultureInfo.InvariantCulture, $"{(args.Count == 4 ? "" : ", ")}{{{args.Count}}}");
                    args.Add(id);
                }

                sql.Append(')');
            }

            written += await db.Database.ExecuteSqlRawAsync(sql.ToString(), args, ct);
        }

        return written;
    }

    /// <summary>Every clock recomputed in one transaction (the backfill, and after a bulk load).</summary>
    public static Task<int> RebuildAsync(AppDbContext db, PolicyVersions versions, CancellationToken ct) =>
        KeptTable.RebuildAsync(db, "ApplicationStageClocks", () => RefreshAsync(db, versions, null, ct), ct);

    /// <summary>Runs the rebuild when the migration (or a generated database) left the marker row; a no-op otherwise.</summary>
    public static async Task<bool> RunIfPendingAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await KeptTable.RunIfPendingAsync(
            db.ApplicationStageClocks.Where(c => c.ApplicationId == ApplicationStageClock.RebuildPendingApplication),
            () => RebuildAsync(db, scope.ServiceProvider.GetRequiredService<PolicyVersions>(), ct), ct);
    }
}
