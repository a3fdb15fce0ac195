using InnoCenter.Domain.Audit;

namespace InnoCenter.Domain.Tests.Audit;

public sealed class AuditVerifierTests
{
    private const int Length = 8;

    private static readonly DateTimeOffset Start = new(2026, 3, 4, 2, 0, 0, TimeSpan.Zero);

    private static readonly IAuditMac Mac = new HmacSha256AuditMac([.. Enumerable.Range(1, 32).Select(i => (byte)i)]);

    private sealed record Row(AuditLink Link, string Hash, string Algorithm = HmacSha256AuditMac.Name);

    /// <summary>A sealed chain of keyed rows, as the sealer makes it.</summary>
    private static List<Row> Chain(int length = Length, IAuditMac? mac = null, long from = 1, string? previous = null)
    {
        mac ??= Mac;
        var rows = new List<Row>();
        previous ??= AuditChain.Genesis;
        for (var sequence = from; sequence < from + length; sequence++)
        {
            var link = new AuditLink(sequence, Start.AddSeconds(sequence), "u", "张三", "Organization", $"org-{sequence}", "Update",
                $$"""{"n":{{sequence - 1}}}""", $$"""{"n":{{sequence}}}""", previous);
            var hash = AuditChain.KeyedHash(link, mac);
            rows.Add(new Row(link, hash, mac.Algorithm));
            previous = hash;
        }

        return rows;
    }

    private static SignedHead HeadOf(List<Row> rows, long sequence, int minute, string kind = SignedHeadKind.Head) =>
        SignedHead.Sign(kind, sequence, rows.Single(r => r.Link.Sequence == sequence).Hash, Start.AddMinutes(minute), Mac);

    private static AuditReport Verify(IEnumerable<Row> rows, params SignedHead[] heads)
    {
        var verifier = new AuditVerifier(heads, name => name == Mac.Algorithm ? Mac : null);
        foreach (var row in rows)
        {
            verifier.Accept(row.Link, row.Hash, row.Algorithm);
        }

        return verifier.Finish();
    }

    [Fact]
    public void A_whole_keyed_chain_matching_its_head_is_intact()
    {
        var chain = Chain();

        var report = Verify(chain, HeadOf(chain, 4, 1), HeadOf(chain, Length, 2));

        Assert.True(report.Intact);
        Assert.Equal(Length, report.Checked);
        Assert.Equal(Length, report.NewestHead!.Sequence);
    }

    [Fact]
    public void An_altered_row_rehashed_with_plain_sha256_and_the_later_rows_relinked_is_named_and_so_is_every_later_row()
    {
        // What the unkeyed chain could not catch: the attacker rewrites row 3 and recomputes every later hash.
        var chain = Chain();
        var previous = chain[1].Hash;
        for (var i = 2; i < chain.Count; i++)
        {
            var link = chain[i].Link with { PreviousHash = previous, After = i == 2 ? """{"n":"forged"}""" : chain[i].Link.After };
            var hash = AuditChain.Hash(link);
            chain[i] = new Row(link, hash);
            previous = hash;
        }

        var report = Verify(chain);

        Assert.False(report.Intact);
        Assert.Equal(3, report.FirstBrokenSequence);
        Assert.Equal([3L, 4, 5, 6, 7, 8], report.Breaks.Where(b => b.Kind == AuditBreakKind.Altered).Select(b => b.Sequence));
    }

    [Fact]
    public void Rows_rehashed_under_another_key_do_not_verify()
    {
        var chain = Chain();
        var forged = Chain(Length - 4, new HmacSha256AuditMac(new byte[32]), from: 5, previous: chain[3].Hash);

        var report = Verify(chain.Take(4).Concat(forged));

        Assert.Equal([5L, 6, 7, 8], report.Breaks.Select(b => b.Sequence));
        Assert.All(report.Breaks, b => Assert.Equal(AuditBreakKind.Altered, b.Kind));
    }

    [Fact]
    public void Every_break_is_reported_not_only_the_first()
    {
        var chain = Chain();
        chain[1] = chain[1] with { Link = chain[1].Link with { UserName = "Mallory" } };
        chain.RemoveAt(4); // sequence 5
        chain[5] = chain[5] with { Link = chain[5].Link with { Action = "Delete" } }; // sequence 7

        var report = Verify(chain);

        Assert.Equal(
            [(AuditBreakKind.Altered, 2L, (long?)null), (AuditBreakKind.Missing, 5L, 5L), (AuditBreakKind.Altered, 7L, null)],
            report.Breaks.Select(b => (b.Kind, b.Sequence, b.Through)));
        Assert.Equal(2, report.FirstBrokenSequence);
    }

    [Fact]
    public void Removed_middle_rows_are_reported_as_one_missing_range()
    {
        var chain = Chain();
        chain.RemoveRange(2, 3); // 3, 4, 5

        var report = Verify(chain);

        var gap = Assert.Single(report.Breaks);
        Assert.Equal((AuditBreakKind.Missing, 3L, (long?)5), (gap.Kind, gap.Sequence, gap.Through));
    }

    [Fact]
    public void Swapped_rows_that_each_verify_are_reported_as_relinked()
    {
        var chain = Chain();
        var third = chain[2];
        var fourth = chain[3];
        chain[2] = fourth with { Link = fourth.Link with { Sequence = 3 } };
        chain[3] = third with { Link = third.Link with { Sequence = 4 } };

        var report = Verify(chain);

        Assert.False(report.Intact);
        Assert.Contains(report.Breaks, b => b.Sequence == 3);
    }

    [Fact]
    public void The_chain_alone_does_not_show_a_truncated_tail_but_the_signed_head_does()
    {
        var chain = Chain();
        var head = HeadOf(chain, Length, 1);
        var truncated = chain.Take(Length - 3).ToList();

        Assert.True(Verify(truncated).Intact);
        var report = Verify(truncated, head);

        var cut = Assert.Single(report.Breaks);
        Assert.Equal((AuditBreakKind.Truncated, Length - 2L, (long?)Length), (cut.Kind, cut.Sequence, cut.Through));
    }

    [Fact]
    public void A_chain_rewritten_under_the_key_is_still_caught_by_the_head_it_no_longer_matches()
    {
        // Someone holding the key (or a bug) rebuilds rows 5–8 consistently; the signed head still remembers the old row 8.
        var chain = Chain();
        var head = HeadOf(chain, Length, 1);
        var rebuilt = chain.Take(4).Concat(Chain(Length - 4, Mac, from: 5, previous: chain[3].Hash).Select(r => r with
        {
            Link = r.Link with { UserName = "Mallory" },
            Hash = AuditChain.KeyedHash(r.Link with { UserName = "Mallory" }, Mac),
        })).ToList();
        var previous = rebuilt[3].Hash;
        for (var i = 4; i < rebuilt.Count; i++)
        {
            var link = rebuilt[i].Link with { PreviousHash = previous };
            rebuilt[i] = new Row(link, AuditChain.KeyedHash(link, Mac));
            previous = rebuilt[i].Hash;
        }

        var report = Verify(rebuilt, head);

        var mismatch = Assert.Single(report.Breaks);
        Assert.Equal((AuditBreakKind.HeadMismatch, (long)Length), (mismatch.Kind, mismatch.Sequence));
    }

    [Fact]
    public void A_restore_record_makes_the_older_heads_beyond_it_no_longer_apply()
    {
        // Backed up at 5; heads at 5 and 8; restored to 5 (rows 6–8 gone), then the chain goes on with new rows 6–7.
        var original = Chain();
        var restoredAt5 = SignedHead.Sign(SignedHeadKind.Restore, 5, original[4].Hash, Start.AddMinutes(3), Mac);
        var after = original.Take(5).Concat(Chain(2, Mac, from: 6, previous: original[4].Hash).Select(r => r)).ToList();

        var report = Verify(after, HeadOf(original, 5, 1), HeadOf(original, 8, 2), restoredAt5, HeadOf(after, 7, 4));

        Assert.True(report.Intact, string.Join(", ", report.Breaks));
        Assert.Equal(1, report.Restores);
    }

    [Fact]
    public void Without_the_restore_record_the_same_chain_is_a_truncation()
    {
        var original = Chain();
        var after = original.Take(5).ToList();

        var report = Verify(after, HeadOf(original, 5, 1), HeadOf(original, 8, 2));

        Assert.Contains(report.Breaks, b => b.Kind == AuditBreakKind.Truncated && b.Through == 8);
    }

    [Fact]
    public void Truncating_below_the_restore_point_is_still_reported()
    {
        var original = Chain();
        var restoredAt5 = SignedHead.Sign(SignedHeadKind.Restore, 5, original[4].Hash, Start.AddMinutes(3), Mac);

        var report = Verify(original.Take(3), HeadOf(original, 8, 2), restoredAt5);

        Assert.Contains(report.Breaks, b => b.Kind == AuditBreakKind.Truncated && b.Through == 5);
    }

    [Fact]
    public void A_forged_head_or_restore_record_is_reported_and_ignored()
    {
        var chain = Chain(5);
        var forgedRestore = SignedHead.Sign(SignedHeadKind.Restore, 2, chain[1].Hash, Start.AddMinutes(3), new HmacSha256AuditMac(new byte[32])) with
        {
            Algorithm = Mac.Algorithm,
        };
        var altered = HeadOf(chain, 5, 1) with { Sequence = 4 };

        var report = Verify(chain.Take(2), HeadOf(chain, 5, 1), forgedRestore, altered);

        Assert.Contains(report.Breaks, b => b.Kind == AuditBreakKind.ForgedHead && b.Sequence == 2);
        Assert.Contains(report.Breaks, b => b.Kind == AuditBreakKind.ForgedHead && b.Sequence == 4);
        Assert.Contains(report.Breaks, b => b.Kind == AuditBreakKind.Truncated && b.Through == 5);
    }

    [Fact]
    public void Legacy_rows_verify_only_up_to_their_signed_legacy_head()
    {
        var legacy = new List<Row>();
        var previous = AuditChain.Genesis;
        for (var sequence = 1; sequence <= 3; sequence++)
        {
            var link = new AuditLink(sequence, Start, null, "system", "Organization", $"o{sequence}", "Insert", null, "{}", previous);
            previous = AuditChain.Hash(link);
            legacy.Add(new Row(link, previous, AuditVerifier.LegacyAlgorithm));
        }

        var keyed = Chain(3, Mac, from: 4, previous: previous);
        var anchor = SignedHead.Sign(SignedHeadKind.Legacy, 3, previous, Start, Mac);
        var relabelled = keyed[1].Link with { After = """{"forged":true}""" };

        Assert.True(Verify(legacy.Concat(keyed), anchor).Intact);
        Assert.Equal([1L, 2, 3], Verify(legacy.Concat(keyed)).Breaks.Select(b => b.Sequence));
        var report = Verify(legacy.Concat([keyed[0], new Row(relabelled, AuditChain.Hash(relabelled), AuditVerifier.LegacyAlgorithm), keyed[2]]), anchor);
        Assert.Equal(5, Assert.Single(report.Breaks).Sequence);
    }

    [Fact]
    public void A_signed_head_does_not_verify_when_any_of_its_fields_changes()
    {
        var head = SignedHead.Sign(SignedHeadKind.Head, 7, new string('a', 64), Start, Mac);

        Assert.True(head.IsSignedWith(Mac));
        Assert.False((head with { Sequence = 6 }).IsSignedWith(Mac));
        Assert.False((head with { Hash = new string('b', 64) }).IsSignedWith(Mac));
        Assert.False((head with { Kind = SignedHeadKind.Restore }).IsSignedWith(Mac));
        Assert.False((head with { At = Start.AddSeconds(1) }).IsSignedWith(Mac));
        Assert.False(head.IsSignedWith(new HmacSha256AuditMac(new byte[32])));
    }

    [Fact]
    public void The_keyed_hash_depends_on_the_key_and_is_pinned()
    {
        var link = Chain(1)[0].Link;

        Assert.NotEqual(AuditChain.KeyedHash(link, Mac), AuditChain.KeyedHash(link, new HmacSha256AuditMac(new byte[32])));
        Assert.NotEqual(AuditChain.Hash(link), AuditChain.KeyedHash(link, Mac));
        Assert.Matches("^[0-9a-f]{64}$", AuditChain.KeyedHash(link, Mac));
    }
}
