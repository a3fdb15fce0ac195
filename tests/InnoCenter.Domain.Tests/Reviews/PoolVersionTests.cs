using System.Reflection;
using InnoCenter.Domain.Reviews;
using static InnoCenter.Domain.Tests.Reviews.ReviewFixtures;

namespace InnoCenter.Domain.Tests.Reviews;

/// <summary>Pool versions: one stored pool shared by the draws that saw it, each draw rebuilt exactly from it and its terms.</summary>
public sealed class PoolVersionTests
{
    [Fact]
    public void Draws_for_different_subjects_from_the_same_pool_share_one_pool_version_and_each_rebuilds_its_own_snapshot()
    {
        var pool = Pool(4);
        pool.Add(Candidate(["technology", "law"], keyAreas: ["robotics"]));
        pool.Add(Candidate(["industry"], keyAreas: ["robotics", "materials"]));
        pool.Add(Candidate(["management"], active: false));
        pool.Add(Candidate(["economics"], load: 9));
        // Another subject sees the same experts; only its conflicts and key area differ.
        var other = pool.Select((c, i) => i % 5 == 0 ? c with { InConflict = true } : c).ToList();

        var (first, _) = PanelDrawing.Prepare(pool, 5, TianjinQuotas, 6, "robotics", [], []);
        var (second, _) = PanelDrawing.Prepare(other, 5, TianjinQuotas, 6, "materials", [], []);
        var (poolA, termsA) = DrawTerms.Split(pool, first, "robotics");
        var (poolB, termsB) = DrawTerms.Split(other, second, "materials");

        Assert.Equal(poolA.ToJson(), poolB.ToJson());
        Assert.Equal(ExpertPoolSnapshot.Of(poolA, DateTimeOffset.UnixEpoch).Sha256, ExpertPoolSnapshot.Of(poolB, DateTimeOffset.UnixEpoch).Sha256);
        Assert.Equal(first.ToJson(), termsA.Apply(poolA).ToJson());
        Assert.Equal(second.ToJson(), termsB.Apply(poolA).ToJson());
        Assert.NotEqual(termsA.Excluded, termsB.Excluded);
        Assert.Contains(first.Eligible, e => e.MatchesKeyArea);
    }

    [Fact]
    public void A_replacement_draw_keeps_its_fixed_members_and_left_out_panel_members_when_rebuilt()
    {
        var pool = Pool(4);
        var (initial, _) = PanelDrawing.Prepare(pool, 5, TianjinQuotas, 6, null, [], []);
        var drawn = PanelDrawing.Run(initial, 7).Drawn;
        var kept = Entries(initial, drawn.Skip(1));
        var (again, excluded) = PanelDrawing.Prepare(pool, 5, TianjinQuotas, 6, null, kept, drawn);

        var (version, terms) = DrawTerms.Split(pool, again, null);

        Assert.Equal(again.ToJson(), terms.Apply(version).ToJson());
        Assert.Equal(excluded.AlreadyOnPanel, terms.Excluded.Count);
        Assert.Equal(4, terms.Fixed.Count);
    }

    [Fact]
    public void A_recorded_draw_re_runs_from_its_pool_version_after_the_experts_have_changed()
    {
        var pool = Pool(3);
        var (snapshot, excluded) = PanelDrawing.Prepare(pool, 5, TianjinQuotas, 6, null, [], []);
        var outcome = PanelDrawing.Run(snapshot, 99);
        var (version, terms) = DrawTerms.Split(pool, snapshot, null);
        var stored = ExpertPoolSnapshot.Of(version, DateTimeOffset.UnixEpoch);
        var record = PanelDrawRecord.Create(Guid.CreateVersion7(), PanelDrawKind.Initial, 99, snapshot, stored.Id, terms, excluded, outcome.Drawn, null, null, DateTimeOffset.UnixEpoch);

        // Today's pool is different: new experts, one drawn expert changed domain. The stored version is what counts.
        var today = pool.Select(c => c.ExpertId == outcome.Drawn[0] ? c with { Domains = ["law"] } : c).Concat(Pool(2)).ToList();
        var (todaysVersion, _) = DrawTerms.Split(today, PanelDrawing.Prepare(today, 5, TianjinQuotas, 6, null, [], []).Snapshot, null);
        var verified = record.Verify(stored);

        Assert.NotEqual(version.ToJson(), todaysVersion.ToJson());
        Assert.True(verified.Matches);
        Assert.True(verified.SnapshotIntact);
        Assert.Equal(outcome.Drawn, verified.Rerun);
    }

    [Fact]
    public void An_altered_pool_version_is_reported_as_not_intact()
    {
        var pool = Pool(3);
        var (snapshot, excluded) = PanelDrawing.Prepare(pool, 5, TianjinQuotas, 6, null, [], []);
        var outcome = PanelDrawing.Run(snapshot, 5);
        var (version, terms) = DrawTerms.Split(pool, snapshot, null);
        var stored = ExpertPoolSnapshot.Of(version, DateTimeOffset.UnixEpoch);
        var record = PanelDrawRecord.Create(Guid.CreateVersion7(), PanelDrawKind.Initial, 5, snapshot, stored.Id, terms, excluded, outcome.Drawn, null, null, DateTimeOffset.UnixEpoch);
        var altered = version with { Experts = version.Experts.Skip(1).ToList() };
        typeof(ExpertPoolSnapshot).GetProperty(nameof(ExpertPoolSnapshot.Content))!.SetValue(stored, altered.ToJson());

        var verified = record.Verify(stored);

        Assert.False(verified.SnapshotIntact);
        Assert.False(verified.Matches);
    }

    [Fact]
    public void A_draw_recorded_before_pool_versions_verifies_from_its_whole_snapshot()
    {
        var pool = Pool(3);
        var snapshot = PanelDrawing.Prepare(pool, 5, TianjinQuotas, 6, null, [], []).Snapshot;
        var outcome = PanelDrawing.Run(snapshot, 11);
        var json = snapshot.ToJson();
        // As the migration leaves one: the old snapshot moved into a pool row, the draw with no terms.
        var legacy = Make<ExpertPoolSnapshot>(new()
        {
            ["Id"] = Guid.CreateVersion7(), ["Format"] = ExpertPoolSnapshot.SnapshotFormat, ["Content"] = json, ["Sha256"] = DrawSnapshot.Sha256Of(json),
        });
        var record = Make<PanelDrawRecord>(new()
        {
            ["Id"] = Guid.CreateVersion7(), ["Seed"] = SplitMix64.Format(11), ["PoolSnapshotId"] = legacy.Id, ["TermsJson"] = null,
            ["SnapshotSha256"] = DrawSnapshot.Sha256Of(json), ["Drawn"] = string.Join(',', outcome.Drawn), ["EligibleCount"] = snapshot.Eligible.Count,
        });

        Assert.True(record.Verify(legacy).Matches);
    }

    private static T Make<T>(Dictionary<string, object?> values)
        where T : class
    {
        var made = (T)Activator.CreateInstance(typeof(T), nonPublic: true)!;
        foreach (var (name, value) in values)
        {
            typeof(T).GetProperty(name, BindingFlags.Public | BindingFlags.Instance)!.SetValue(made, value);
        }

        return made;
    }
}
