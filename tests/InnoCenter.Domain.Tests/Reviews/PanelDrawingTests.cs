using InnoCenter.Domain.Policy;
using InnoCenter.Domain.Reviews;
using static InnoCenter.Domain.Tests.Reviews.ReviewFixtures;

namespace InnoCenter.Domain.Tests.Reviews;

public sealed class PanelDrawingTests
{
    [Fact]
    public void A_draw_fills_every_quota_with_distinct_members()
    {
        var snapshot = Snapshot(Pool());

        for (ulong seed = 0; seed < 200; seed++)
        {
            var outcome = PanelDrawing.Run(snapshot, seed);
            Assert.True(outcome.Succeeded);
            Assert.Equal(5, outcome.Drawn.Distinct().Count());
            Assert.True(PanelDrawing.QuotasMet(Entries(snapshot, outcome.Drawn), TianjinQuotas));
        }
    }

    [Fact]
    public void The_same_seed_and_snapshot_give_the_same_panel_in_the_same_order()
    {
        var snapshot = Snapshot(Pool(5));
        var reloaded = DrawSnapshot.FromJson(snapshot.ToJson());

        var first = PanelDrawing.Run(snapshot, 0xC0FFEE);
        var again = PanelDrawing.Run(reloaded, 0xC0FFEE);

        Assert.Equal(first.Drawn, again.Drawn);
    }

    [Fact]
    public void Different_seeds_draw_different_panels()
    {
        var snapshot = Snapshot(Pool(5));

        var panels = Enumerable.Range(0, 50)
            .Select(seed => string.Join(",", PanelDrawing.Run(snapshot, (ulong)seed).Drawn.Order()))
            .Distinct()
            .Count();

        Assert.True(panels > 10, $"only {panels} distinct panels from 50 seeds");
    }

    [Fact]
    public void The_pool_order_the_caller_passes_does_not_change_the_panel()
    {
        var pool = Pool(4);
        var reversed = Enumerable.Reverse(pool).ToList();

        Assert.Equal(PanelDrawing.Run(Snapshot(pool), 7).Drawn, PanelDrawing.Run(Snapshot(reversed), 7).Drawn);
    }

    [Fact]
    public void A_pinned_draw_stays_the_same_forever()
    {
        // Fixed ids, fixed seed: if this changes, old draws no longer verify. Never update the expected panel.
        var pool = Enumerable.Range(1, 15)
            .Select(i => new DrawCandidate(
                new Guid($"00000000-0000-0000-0000-{i:D12}"),
                [new[] { "economics", "technology", "industry", "management", "law" }[i % 5]],
                [], true, false, 0))
            .ToList();

        var drawn = PanelDrawing.Run(Snapshot(pool), 20260101).Drawn.Select(g => int.Parse(g.ToString()[^12..])).ToArray();

        Assert.Equal(PinnedPanel, drawn);
    }

    private static readonly int[] PinnedPanel = [10, 11, 7, 3, 9];

    [Fact]
    public void Conflicted_inactive_and_capped_experts_are_left_out_and_counted()
    {
        var pool = Pool();
        var conflicted = Candidate(["technology"], conflict: true);
        var inactive = Candidate(["technology"], active: false);
        var capped = Candidate(["technology"], load: 6);
        var underCap = Candidate(["technology"], load: 5);
        pool.AddRange([conflicted, inactive, capped, underCap]);

        var (snapshot, excluded) = PanelDrawing.Prepare(pool, 5, TianjinQuotas, 6, null, [], []);

        Assert.Equal(new DrawExclusions(0, 1, 1, 1), excluded);
        Assert.Equal(16, snapshot.Eligible.Count);
        Assert.DoesNotContain(snapshot.Eligible, e => e.ExpertId == conflicted.ExpertId || e.ExpertId == inactive.ExpertId || e.ExpertId == capped.ExpertId);
        Assert.Contains(snapshot.Eligible, e => e.ExpertId == underCap.ExpertId);
    }

    [Fact]
    public void An_expert_at_the_load_cap_is_never_drawn()
    {
        var pool = Pool(2);
        var capped = pool.Where(c => c.Domains.Contains("management")).Select(c => c with { LoadThisYear = 6 }).ToList();
        pool.RemoveAll(c => c.Domains.Contains("management"));
        var spare = Candidate(["management"], load: 5);
        pool.AddRange(capped);
        pool.Add(spare);

        for (ulong seed = 0; seed < 100; seed++)
        {
            var drawn = PanelDrawing.Run(Snapshot(pool), seed).Drawn;
            Assert.Contains(spare.ExpertId, drawn);
            Assert.DoesNotContain(drawn, capped.Select(c => c.ExpertId).Contains);
        }
    }

    [Fact]
    public void A_quota_nobody_eligible_can_fill_is_refused_naming_that_domain()
    {
        var pool = Pool().Where(c => !c.Domains.Contains("management")).ToList();
        pool.Add(Candidate(["management"], conflict: true));

        var outcome = PanelDrawing.Run(Snapshot(pool), 1);

        Assert.False(outcome.Succeeded);
        Assert.Equal(PanelDrawing.QuotaShort, outcome.Refusal!.Code);
        Assert.Equal(["management"], outcome.Refusal.ShortQuota!.Domains);
        Assert.Equal(0, outcome.Refusal.Available);
        Assert.Equal(1, outcome.Refusal.Needed);
        Assert.Empty(outcome.Drawn);
    }

    [Fact]
    public void Two_quotas_that_only_one_expert_could_fill_are_refused()
    {
        // One person holds both technology and industry; nobody else does: quotas need distinct members.
        var pool = new List<DrawCandidate>
        {
            Candidate(["technology", "industry"]),
            Candidate(["management"]),
            Candidate(["law"]),
            Candidate(["economics"]),
            Candidate(["economics"]),
        };

        var outcome = PanelDrawing.Run(Snapshot(pool), 3);

        Assert.False(outcome.Succeeded);
        Assert.Equal(PanelDrawing.QuotaShort, outcome.Refusal!.Code);
        Assert.Contains(outcome.Refusal.ShortQuota!.Domains.Single(), new[] { "technology", "industry" });
    }

    [Fact]
    public void A_pool_smaller_than_the_panel_is_refused_with_both_numbers()
    {
        var pool = new List<DrawCandidate>
        {
            Candidate(["technology"]), Candidate(["industry"]), Candidate(["management"]), Candidate(["law"]),
        };

        var outcome = PanelDrawing.Run(Snapshot(pool), 3);

        Assert.Equal(PanelDrawing.PoolTooSmall, outcome.Refusal!.Code);
        Assert.Equal(4, outcome.Refusal.Available);
        Assert.Equal(5, outcome.Refusal.Needed);
    }

    [Fact]
    public void The_draw_finds_the_only_assignment_when_a_greedy_one_would_fail()
    {
        // Whoever fills technology must not be the only lawyer: the draw has to look ahead.
        var techAndLaw = Candidate(["technology", "law"]);
        var techOnly = Candidate(["technology"]);
        var pool = new List<DrawCandidate>
        {
            techAndLaw, techOnly, Candidate(["industry"]), Candidate(["management"]), Candidate(["industry"]),
        };

        for (ulong seed = 0; seed < 100; seed++)
        {
            var snapshot = Snapshot(pool);
            var outcome = PanelDrawing.Run(snapshot, seed);
            Assert.True(outcome.Succeeded);
            Assert.True(PanelDrawing.QuotasMet(Entries(snapshot, outcome.Drawn), TianjinQuotas));
        }
    }

    [Fact]
    public void Experts_matching_the_key_area_are_preferred()
    {
        var pool = Pool(6);
        var matching = pool.Where((_, i) => i % 6 == 0).Select(c => c with { KeyAreas = ["new-materials"] }).ToList();
        pool.RemoveAll(c => matching.Any(m => m.Domains.SequenceEqual(c.Domains)) && pool.IndexOf(c) % 6 == 0);
        pool.AddRange(matching);

        for (ulong seed = 0; seed < 50; seed++)
        {
            var drawn = PanelDrawing.Run(Snapshot(pool, keyArea: "new-materials"), seed).Drawn;
            Assert.Equal(5, drawn.Count(matching.Select(m => m.ExpertId).Contains));
        }
    }

    [Fact]
    public void A_replacement_keeps_the_quotas_of_the_seat_it_refills()
    {
        var pool = Pool(3);
        var first = Snapshot(pool);
        var entries = new[] { "technology", "industry", "management", "economics", "law" }
            .Select(d => first.Eligible.First(e => e.Domains.Contains(d)))
            .ToList();
        var declined = entries.Single(e => e.Domains.Contains("management"));
        var kept = entries.Where(e => e != declined).ToList();

        for (ulong seed = 0; seed < 100; seed++)
        {
            var (snapshot, _) = PanelDrawing.Prepare(pool, 5, TianjinQuotas, 6, null, kept, [declined.ExpertId]);
            var outcome = PanelDrawing.Run(snapshot, seed);
            var newcomer = Assert.Single(outcome.Drawn);
            Assert.NotEqual(declined.ExpertId, newcomer);
            Assert.Contains("management", snapshot.Eligible.Single(e => e.ExpertId == newcomer).Domains);
        }
    }

    [Fact]
    public void A_replacement_that_cannot_keep_a_quota_is_refused_naming_it()
    {
        var pool = Pool(1);
        var first = Snapshot(pool);
        var entries = Entries(first, PanelDrawing.Run(first, 5).Drawn);
        var declined = entries.Single(e => e.Domains.Contains("technology"));
        var kept = entries.Where(e => e != declined).ToList();

        var (snapshot, _) = PanelDrawing.Prepare(pool.Append(Candidate(["law"])), 5, TianjinQuotas, 6, null, kept, [declined.ExpertId]);
        var outcome = PanelDrawing.Run(snapshot, 1);

        Assert.Equal(["technology"], outcome.Refusal!.ShortQuota!.Domains);
    }

    [Fact]
    public void Panel_sizes_are_checked_against_the_policy()
    {
        Assert.Empty(PanelDrawing.CheckSize(5, Panel));
        Assert.Equal("reviews.draw.size_odd", Assert.Single(PanelDrawing.CheckSize(6, Panel)).Code);
        Assert.Equal("validation.range", Assert.Single(PanelDrawing.CheckSize(1, Panel)).Code);
        Assert.Equal("validation.range", Assert.Single(PanelDrawing.CheckSize(17, Panel)).Code);
        Assert.Equal("reviews.draw.size_below_quotas", Assert.Single(PanelDrawing.CheckSize(3, Panel)).Code);
    }

    [Fact]
    public void A_recorded_draw_verifies_and_a_tampered_one_does_not()
    {
        var pool = Pool(3);
        var (snapshot, excluded) = PanelDrawing.Prepare(pool, 5, TianjinQuotas, 6, null, [], []);
        var outcome = PanelDrawing.Run(snapshot, 424242);
        var (version, terms) = DrawTerms.Split(pool, snapshot, null);
        var stored = ExpertPoolSnapshot.Of(version, DateTimeOffset.UnixEpoch);
        var record = PanelDrawRecord.Create(Guid.CreateVersion7(), PanelDrawKind.Initial, 424242, snapshot, stored.Id, terms, excluded, outcome.Drawn, null, null, DateTimeOffset.UnixEpoch);

        Assert.True(record.Verify(stored).Matches);

        var tampered = PanelDrawRecord.Create(
            record.PanelId, PanelDrawKind.Initial, 424242, snapshot, stored.Id, terms, excluded, outcome.Drawn.Reverse().ToList(), null, null, DateTimeOffset.UnixEpoch);
        Assert.False(tampered.Verify(stored).Matches);
        Assert.True(tampered.Verify(stored).SnapshotIntact);
    }
}
