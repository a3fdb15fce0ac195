using InnoCenter.Domain.Policy;
using InnoCenter.Domain.Reviews;
using InnoCenter.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace InnoCenter.Web.Tests.Reviews;

/// <summary>The PoolVersions migration on SQLite: draws recorded with whole snapshots move into shared rows and still verify.</summary>
public sealed class PoolVersionMigrationTests
{
    private const string Before = "20261207065218_ExpertTags";

    [Fact]
    public async Task Recorded_snapshots_move_into_one_row_per_distinct_snapshot_and_every_draw_still_verifies()
    {
        var directory = Path.Combine(Path.GetTempPath(), "innocenter-tests", "pool-move-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var options = new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={Path.Combine(directory, "app.db")};Pooling=False").Options;
        List<DomainQuota> quotas =
        [
            new() { Domains = ["technology"], Min = 1 }, new() { Domains = ["industry"], Min = 1 },
            new() { Domains = ["management"], Min = 1 }, new() { Domains = ["economics", "law"], Min = 1 },
        ];
        var pool = new[] { "economics", "technology", "industry", "management", "law" }
            .SelectMany(d => Enumerable.Range(0, 3).Select(_ => new DrawCandidate(Guid.CreateVersion7(), [d], ["robotics"], true, false, 0)))
            .ToList();
        var shared = PanelDrawing.Prepare(pool, 5, quotas, 6, "robotics", [], []);
        var other = PanelDrawing.Prepare(pool.Select((c, i) => i == 0 ? c with { InConflict = true } : c), 5, quotas, 6, null, [], []);
        var recorded = new List<(Guid Id, ulong Seed, (DrawSnapshot Snapshot, DrawExclusions Excluded) Prepared)>
        {
            (Guid.CreateVersion7(), 1, shared), (Guid.CreateVersion7(), 2, shared), (Guid.CreateVersion7(), 3, other),
        };

        await using (var db = new SqliteAppDbContext(options))
        {
            await db.GetService<IMigrator>().MigrateAsync(Before);
            var subject = ReviewSubject.Create(ReviewSubjectKind.Application, Guid.CreateVersion7(), "迁移前的评审", "robotics", 2026, [], DateTimeOffset.UtcNow);
            var panel = ReviewPanel.Create(subject.Id, 5, quotas, new ScoringForm(), new AggregationRules(), null, DateTimeOffset.UtcNow);
            db.Add(subject);
            db.Add(panel);
            await db.SaveChangesAsync();
            foreach (var (id, seed, (snapshot, excluded)) in recorded)
            {
                var json = snapshot.ToJson();
                // The columns as the release before pool versions wrote them.
                await db.Database.ExecuteSqlRawAsync(
                    """
                    INSERT INTO "PanelDraws" ("Id", "PanelId", "Kind", "Seed", "Algorithm", "SnapshotJson", "SnapshotSha256", "EligibleCount",
                        "ExcludedOnPanel", "ExcludedInactive", "ExcludedConflicted", "ExcludedAtLoadCap", "Drawn", "ReplacedMemberId", "DrawnAt", "DrawnBy")
                    VALUES ({0}, {1}, 'Initial', {2}, {3}, {4}, {5}, {6}, 0, 0, {7}, 0, {8}, NULL, {9}, NULL)
                    """,
                    id.ToString().ToUpperInvariant(), panel.Id.ToString().ToUpperInvariant(), SplitMix64.Format(seed), snapshot.Algorithm, json,
                    DrawSnapshot.Sha256Of(json), snapshot.Eligible.Count, excluded.Conflicted, string.Join(',', PanelDrawing.Run(snapshot, seed).Drawn),
                    DateTimeOffset.UtcNow.UtcTicks + (long)seed);
            }
        }

        await using (var db = new SqliteAppDbContext(options))
        {
            await db.Database.MigrateAsync();
            var draws = await db.Set<PanelDrawRecord>().AsNoTracking().ToDictionaryAsync(d => d.Id);
            var pools = await db.ExpertPoolSnapshots.AsNoTracking().ToDictionaryAsync(p => p.Id);

            Assert.Equal(3, draws.Count);
            Assert.Equal(2, pools.Count);
            Assert.All(pools.Values, p => Assert.Equal(ExpertPoolSnapshot.SnapshotFormat, p.Format));
            Assert.Equal(draws[recorded[0].Id].PoolSnapshotId, draws[recorded[1].Id].PoolSnapshotId);
            Assert.NotEqual(draws[recorded[0].Id].PoolSnapshotId, draws[recorded[2].Id].PoolSnapshotId);
            Assert.All(draws.Values, d =>
            {
                Assert.Null(d.TermsJson);
                var verified = d.Verify(pools[d.PoolSnapshotId]);
                Assert.True(verified.Matches);
                Assert.True(verified.SnapshotIntact);
            });
        }

        Directory.Delete(directory, recursive: true);
    }
}
