using InnoCenter.Domain.Audit;

namespace InnoCenter.Domain.Tests.Audit;

public sealed class AuditChainTests
{
    private const int ChainLength = 5;

    private static readonly DateTimeOffset Start = new(2025, 3, 4, 10, 20, 30, 123, TimeSpan.FromHours(8));

    /// <summary>A whole chain of <paramref name="length"/> entries, each hashed over its content and its predecessor's hash.</summary>
    private static List<(AuditLink Link, string Hash)> BuildChain(int length = ChainLength)
    {
        var chain = new List<(AuditLink, string)>();
        var previous = AuditChain.Genesis;
        for (var sequence = 1; sequence <= length; sequence++)
        {
            var link = new AuditLink(
                sequence,
                AuditChain.Truncate(Start.AddMinutes(sequence)),
                $"user-{sequence % 2}",
                sequence % 2 == 0 ? "张三" : "Alice",
                "Application",
                $"app-{sequence}",
                "Transition",
                $$"""{"state":"S{{sequence - 1}}"}""",
                $$"""{"state":"S{{sequence}}"}""",
                previous);
            var hash = AuditChain.Hash(link);
            chain.Add((link, hash));
            previous = hash;
        }

        return chain;
    }

    public static TheoryData<int, string> EveryEntryAndField()
    {
        var data = new TheoryData<int, string>();
        for (var k = 1; k <= ChainLength; k++)
        {
            foreach (var field in Fields)
            {
                data.Add(k, field);
            }
        }

        return data;
    }

    private static readonly string[] Fields = ["At", "UserId", "UserName", "EntityType", "EntityId", "Action", "Before", "After"];

    private static AuditLink Alter(AuditLink link, string field) => field switch
    {
        "At" => link with { At = link.At.AddMilliseconds(1) },
        "UserId" => link with { UserId = link.UserId + "x" },
        "UserName" => link with { UserName = "Mallory" },
        "EntityType" => link with { EntityType = "Center" },
        "EntityId" => link with { EntityId = link.EntityId + "0" },
        "Action" => link with { Action = "Delete" },
        "Before" => link with { Before = """{"state":"Approved"}""" },
        "After" => link with { After = null },
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    public static TheoryData<int> EveryEntry => [.. Enumerable.Range(1, ChainLength)];

    public static TheoryData<int> EveryEntryButTheLast => [.. Enumerable.Range(1, ChainLength - 1)];

    [Fact]
    public void A_whole_chain_has_no_broken_link()
    {
        Assert.Null(AuditChain.FirstBrokenLink(BuildChain()));
    }

    [Fact]
    public void An_empty_chain_has_no_broken_link()
    {
        Assert.Null(AuditChain.FirstBrokenLink([]));
    }

    [Fact]
    public void The_first_entry_points_back_to_the_genesis_hash()
    {
        var chain = BuildChain();

        Assert.Equal(AuditChain.Genesis, chain[0].Link.PreviousHash);
        Assert.Equal(64, AuditChain.Genesis.Length);
        Assert.All(AuditChain.Genesis, c => Assert.Equal('0', c));
    }

    [Theory]
    [MemberData(nameof(EveryEntryAndField))]
    public void Altering_any_field_of_an_entry_reports_that_entry(int k, string field)
    {
        var chain = BuildChain();
        var (link, hash) = chain[k - 1];
        chain[k - 1] = (Alter(link, field), hash);

        Assert.NotEqual(hash, AuditChain.Hash(chain[k - 1].Link));
        Assert.Equal(k, AuditChain.FirstBrokenLink(chain));
    }

    [Theory]
    [MemberData(nameof(EveryEntry))]
    public void Altering_the_stored_hash_of_an_entry_reports_that_entry(int k)
    {
        var chain = BuildChain();
        var (link, hash) = chain[k - 1];
        chain[k - 1] = (link, string.Concat(hash.AsSpan(0, 63), hash[63] == '0' ? "1" : "0"));

        Assert.Equal(k, AuditChain.FirstBrokenLink(chain));
    }

    [Theory]
    [MemberData(nameof(EveryEntryButTheLast))]
    public void Altering_an_entry_and_rehashing_it_reports_the_entry_after_it(int k)
    {
        var chain = BuildChain();
        var altered = chain[k - 1].Link with { After = """{"state":"Forged"}""" };
        chain[k - 1] = (altered, AuditChain.Hash(altered));

        Assert.Equal(k + 1, AuditChain.FirstBrokenLink(chain));
    }

    [Theory]
    [MemberData(nameof(EveryEntryButTheLast))]
    public void Removing_an_entry_reports_the_entry_after_the_gap(int k)
    {
        var chain = BuildChain();
        chain.RemoveAt(k - 1);

        Assert.Equal(k + 1, AuditChain.FirstBrokenLink(chain));
    }

    [Theory]
    [MemberData(nameof(EveryEntryButTheLast))]
    public void Removing_an_entry_and_relinking_the_rest_is_still_caught_by_the_sequence_gap(int k)
    {
        var chain = BuildChain();
        chain.RemoveAt(k - 1);
        var previous = k == 1 ? AuditChain.Genesis : chain[k - 2].Hash;
        for (var i = k - 1; i < chain.Count; i++)
        {
            var relinked = chain[i].Link with { PreviousHash = previous };
            previous = AuditChain.Hash(relinked);
            chain[i] = (relinked, previous);
        }

        Assert.Equal(k + 1, AuditChain.FirstBrokenLink(chain));
    }

    [Theory]
    [MemberData(nameof(EveryEntryButTheLast))]
    public void Removing_an_entry_and_renumbering_the_rest_reports_the_renumbered_entry(int k)
    {
        var chain = BuildChain();
        chain.RemoveAt(k - 1);
        for (var i = k - 1; i < chain.Count; i++)
        {
            var renumbered = chain[i].Link with { Sequence = i + 1 };
            chain[i] = (renumbered, AuditChain.Hash(renumbered));
        }

        Assert.Equal(k, AuditChain.FirstBrokenLink(chain));
    }

    [Fact]
    public void Removing_the_last_entry_is_not_detectable_from_the_chain_alone()
    {
        // A truncated tail is still a whole chain; catching it needs the head (last sequence and hash) kept elsewhere.
        var chain = BuildChain();
        chain.RemoveAt(chain.Count - 1);

        Assert.Null(AuditChain.FirstBrokenLink(chain));
    }

    [Theory]
    [MemberData(nameof(EveryEntry))]
    public void A_wrong_previous_hash_reports_that_entry_even_when_its_own_hash_fits(int k)
    {
        var chain = BuildChain();
        var relinked = chain[k - 1].Link with { PreviousHash = AuditChain.Hash(chain[0].Link with { Action = "Other" }) };
        chain[k - 1] = (relinked, AuditChain.Hash(relinked));

        Assert.Equal(k, AuditChain.FirstBrokenLink(chain));
    }

    [Fact]
    public void Swapping_two_entries_is_detected()
    {
        var chain = BuildChain();
        (chain[1], chain[2]) = (chain[2], chain[1]);

        Assert.Equal(3, AuditChain.FirstBrokenLink(chain));
    }

    [Fact]
    public void A_chain_that_does_not_start_at_sequence_1_is_broken_at_its_first_entry()
    {
        var chain = BuildChain().Skip(1).ToList();

        Assert.Equal(2, AuditChain.FirstBrokenLink(chain));
    }

    [Fact]
    public void The_walker_counts_the_entries_it_accepted_and_stops_at_the_first_bad_one()
    {
        var chain = BuildChain();
        chain[3] = (chain[3].Link with { UserName = "Mallory" }, chain[3].Hash);
        var walker = new AuditChainWalker();

        var accepted = chain.TakeWhile(e => walker.Accept(e.Link, e.Hash)).Count();

        Assert.Equal(3, accepted);
        Assert.Equal(3, walker.Checked);
    }

    [Fact]
    public void The_hash_is_64_lower_case_hex_characters_and_deterministic()
    {
        var link = BuildChain(1)[0].Link;

        var hash = AuditChain.Hash(link);

        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.Equal(hash, AuditChain.Hash(link with { }));
    }

    [Fact]
    public void The_canonical_form_is_stable()
    {
        // Pinned against an independent SHA-256 of the fields written as "length:value;" (null as "-;", ticks = UTC ticks), so a change to
        // the canonical form — which would break every stored chain — cannot go unnoticed.
        var at = new DateTimeOffset(2025, 3, 4, 2, 20, 30, 123, TimeSpan.Zero);
        var link = new AuditLink(1, at, "u-1", "Alice", "Application", "app-1", "Submit",
            """{"state":"Draft"}""", """{"state":"Submitted"}""", AuditChain.Genesis);
        var withNulls = new AuditLink(1, at, null, "张三", "Application", "app-1", "Submit",
            null, """{"state":"Submitted"}""", AuditChain.Genesis);

        Assert.Equal(638766516301230000, at.UtcTicks);
        Assert.Equal("ea204900bf4e0aed8a5d8221723345c69f6895ebc4ab1ea07a64127601d0ebbe", AuditChain.Hash(link));
        Assert.Equal("6ce3f2b1581061b2473533cfce71871e017662358b72aba3a34a11e14be8e852", AuditChain.Hash(withNulls));
    }

    [Fact]
    public void The_hash_covers_the_instant_not_the_offset()
    {
        var link = BuildChain(1)[0].Link;

        Assert.Equal(AuditChain.Hash(link), AuditChain.Hash(link with { At = link.At.ToOffset(TimeSpan.FromHours(-5)) }));
    }

    [Fact]
    public void Truncate_drops_sub_millisecond_ticks_and_yields_offset_zero()
    {
        var t = new DateTimeOffset(2025, 3, 4, 10, 20, 30, 123, TimeSpan.FromHours(8)).AddTicks(4567);

        var truncated = AuditChain.Truncate(t);

        Assert.Equal(TimeSpan.Zero, truncated.Offset);
        Assert.Equal(0, truncated.UtcTicks % TimeSpan.TicksPerMillisecond);
        Assert.Equal(new DateTimeOffset(2025, 3, 4, 2, 20, 30, 123, TimeSpan.Zero), truncated);
        Assert.Equal(new DateTimeOffset(2025, 3, 4, 2, 20, 30, 123, TimeSpan.Zero).UtcTicks, truncated.UtcTicks);
    }

    [Fact]
    public void Truncate_keeps_a_whole_millisecond_instant_and_is_idempotent()
    {
        var t = new DateTimeOffset(2025, 12, 31, 23, 59, 59, 999, TimeSpan.FromHours(8));

        var once = AuditChain.Truncate(t);

        Assert.Equal(t.UtcTicks, once.UtcTicks);
        Assert.Equal(TimeSpan.Zero, once.Offset);
        Assert.Equal(once, AuditChain.Truncate(once));
    }

    [Fact]
    public void Truncate_rounds_towards_the_past_never_into_the_next_millisecond()
    {
        var t = new DateTimeOffset(2025, 1, 1, 0, 0, 0, 0, TimeSpan.Zero).AddTicks(TimeSpan.TicksPerMillisecond - 1);

        Assert.Equal(new DateTimeOffset(2025, 1, 1, 0, 0, 0, 0, TimeSpan.Zero), AuditChain.Truncate(t));
    }
}
