using InnoCenter.Domain.Reviews;

namespace InnoCenter.Domain.Tests.Reviews;

public sealed class SplitMix64Tests
{
    [Fact]
    public void Seed_zero_gives_the_reference_sequence()
    {
        var rng = new SplitMix64(0);

        Assert.Equal(0xE220A8397B1DCDAFUL, rng.Next());
        Assert.Equal(0x6E789E6AA1B965F4UL, rng.Next());
        Assert.Equal(0x06C45D188009454FUL, rng.Next());
    }

    [Fact]
    public void Seed_1234567_gives_the_reference_sequence()
    {
        var rng = new SplitMix64(1234567);

        Assert.Equal(
            [6457827717110365317UL, 3203168211198807973UL, 9817491932198370423UL, 4593380528125082431UL, 16408922859458223821UL],
            Enumerable.Range(0, 5).Select(_ => rng.Next()).ToArray());
    }

    [Fact]
    public void Bounded_draws_stay_in_range_and_reach_every_value()
    {
        var rng = new SplitMix64(42);
        var seen = new HashSet<int>();
        for (var i = 0; i < 2000; i++)
        {
            var v = rng.NextBelow(7);
            Assert.InRange(v, 0, 6);
            seen.Add(v);
        }

        Assert.Equal(7, seen.Count);
    }

    [Fact]
    public void A_shuffle_is_a_permutation_and_repeats_with_the_seed()
    {
        var a = Enumerable.Range(0, 50).ToList();
        var b = Enumerable.Range(0, 50).ToList();
        new SplitMix64(99).Shuffle(a);
        new SplitMix64(99).Shuffle(b);

        Assert.Equal(a, b);
        Assert.Equal(Enumerable.Range(0, 50), a.Order());
        Assert.NotEqual(Enumerable.Range(0, 50), a);
    }

    [Fact]
    public void A_seed_round_trips_through_its_hex_form()
    {
        const ulong seed = 0x00AB_CDEF_0123_4567UL;

        Assert.Equal("00ABCDEF01234567", SplitMix64.Format(seed));
        Assert.True(SplitMix64.TryParse("00abcdef01234567", out var parsed));
        Assert.Equal(seed, parsed);
        Assert.False(SplitMix64.TryParse("not hex", out _));
    }
}
