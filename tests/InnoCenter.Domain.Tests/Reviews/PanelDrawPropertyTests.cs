using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InnoCenter.Domain.Reviews;
using static InnoCenter.Domain.Tests.Reviews.ReviewFixtures;

namespace InnoCenter.Domain.Tests.Reviews;

/// <summary>A pool of experts in random domains, some in conflict, some inactive, some at their load cap.</summary>
public sealed record RandomPool(IReadOnlyList<DrawCandidate> Candidates)
{
    public override string ToString() => $"{Candidates.Count} experts, {Candidates.Count(c => c.InConflict)} in conflict";
}

public static class DrawArbitraries
{
    private static readonly string[] Domains = ["economics", "technology", "industry", "management", "law"];

    private static Gen<DrawCandidate> Candidate() =>
        from domains in Gen.SubListOf(Domains).Where(d => d.Count > 0)
        from conflict in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        from active in Gen.Frequency((9, Gen.Constant(true)), (1, Gen.Constant(false)))
        from load in Gen.Choose(0, 7)
        from keyArea in Gen.Elements(Array.Empty<string>(), ["new-materials"])
        select new DrawCandidate(Guid.NewGuid(), domains.ToList(), keyArea, active, conflict, load);

    public static Arbitrary<RandomPool> RandomPool() =>
        Gen.Choose(5, 40).SelectMany(n => Gen.ListOf(Candidate(), n)).Select(c => new RandomPool(c.ToList())).ToArbitrary();
}

[Properties(Arbitrary = [typeof(DrawArbitraries)], MaxTest = 1000)]
public sealed class PanelDrawPropertyTests
{
    [Property]
    public void A_conflicted_inactive_or_capped_expert_is_never_drawn_and_a_drawn_panel_meets_every_quota(RandomPool pool, ulong seed)
    {
        var snapshot = Snapshot(pool.Candidates, keyArea: "new-materials");
        var outcome = PanelDrawing.Run(snapshot, seed);
        if (!outcome.Succeeded)
        {
            // A refusal draws nobody and says which quota is short or that the pool is too small.
            Assert.Empty(outcome.Drawn);
            Assert.Contains(outcome.Refusal!.Code, new[] { PanelDrawing.QuotaShort, PanelDrawing.PoolTooSmall });
            return;
        }

        var excluded = pool.Candidates.Where(c => c.InConflict || !c.IsActive || c.LoadThisYear >= 6).Select(c => c.ExpertId).ToHashSet();
        Assert.Equal(5, outcome.Drawn.Distinct().Count());
        Assert.DoesNotContain(outcome.Drawn, excluded.Contains);
        Assert.True(PanelDrawing.QuotasMet(Entries(snapshot, outcome.Drawn), TianjinQuotas));
        Assert.Equal(outcome.Drawn, PanelDrawing.Run(DrawSnapshot.FromJson(snapshot.ToJson()), seed).Drawn);
    }

    [Property]
    public void A_draw_is_refused_only_when_no_panel_could_meet_the_quotas(RandomPool pool, ulong seed)
    {
        var snapshot = Snapshot(pool.Candidates);
        var outcome = PanelDrawing.Run(snapshot, seed);
        var eligible = snapshot.Eligible;

        // Brute force over small pools: is there any 5-member panel that meets every quota?
        if (eligible.Count > 14)
        {
            return;
        }

        var possible = Combinations(eligible.ToList(), 5).Any(panel => PanelDrawing.QuotasMet(panel, TianjinQuotas));
        Assert.Equal(possible, outcome.Succeeded);
    }

    private static IEnumerable<List<PoolEntry>> Combinations(List<PoolEntry> items, int k, int start = 0)
    {
        if (k == 0)
        {
            yield return [];
            yield break;
        }

        for (var i = start; i <= items.Count - k; i++)
        {
            foreach (var rest in Combinations(items, k - 1, i + 1))
            {
                rest.Insert(0, items[i]);
                yield return rest;
            }
        }
    }
}
