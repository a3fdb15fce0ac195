using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InnoCenter.Domain.Centers;
using InnoCenter.Domain.Ledger;

namespace InnoCenter.Domain.Tests.Ledger;

/// <summary>A receipt in fen and co-owner shares in percent with two decimals that total exactly 100 %.</summary>
public sealed record SplitCase(long AmountFen, IReadOnlyList<(int Owner, decimal Percent)> Shares)
{
    public IReadOnlyList<(int Key, long Weight)> Weights => Shares.Select(s => (s.Owner, Domain.Centers.Shares.BasisPoints(s.Percent))).ToList();

    public override string ToString() => $"{AmountFen} fen over [{string.Join(", ", Shares.Select(s => $"#{s.Owner}:{s.Percent}%"))}]";
}

public static class SplitArbitraries
{
    /// <summary>Cuts 10,000 basis points into n positive parts at random places, so the percents always total 100.</summary>
    private static Gen<decimal[]> PercentsTotallingWhole(int n) =>
        Gen.ArrayOf(Gen.Choose(1, 9_999), n - 1)
            .Select(cuts => cuts.Distinct().Order().ToArray())
            .Select(cuts => cuts.Prepend(0).Append(10_000).ToArray())
            .Select(points => points.Zip(points.Skip(1), (a, b) => (b - a) / 100m).ToArray());

    public static Arbitrary<SplitCase> SplitCase() =>
        (from n in Gen.Choose(1, 12)
         from percents in PercentsTotallingWhole(n)
         from amount in Gen.OneOf(
             Gen.Choose(0, 1_000).Select(i => (long)i),
             Gen.Choose(0, int.MaxValue).Select(i => (long)i),
             Gen.Choose(0, int.MaxValue).Select(i => (long)i * 4_000L))
         select new SplitCase(amount, percents.Select((p, i) => (i + 1, p)).ToList()))
        .ToArbitrary();
}

[Properties(Arbitrary = [typeof(SplitArbitraries)], MaxTest = 500)]
public sealed class RevenueSplitPropertyTests
{
    [Property]
    public void The_generated_shares_are_valid_and_total_one_hundred_percent(SplitCase c)
    {
        Assert.All(c.Shares, s => Assert.True(Shares.IsValidPercent(s.Percent)));
        Assert.True(Shares.TotalsWhole(c.Shares.Select(s => s.Percent)));
    }

    [Property]
    public bool Every_part_is_at_least_zero(SplitCase c) =>
        RevenueSplit.Split(c.AmountFen, c.Weights).All(p => p.Amount >= 0);

    [Property]
    public bool The_parts_add_up_to_the_amount_exactly(SplitCase c) =>
        RevenueSplit.Split(c.AmountFen, c.Weights).Sum(p => p.Amount) == c.AmountFen;

    [Property]
    public bool The_same_input_gives_the_same_split(SplitCase c) =>
        RevenueSplit.Split(c.AmountFen, c.Weights).SequenceEqual(RevenueSplit.Split(c.AmountFen, c.Weights));

    [Property]
    public bool The_order_the_owners_are_listed_in_does_not_change_anyones_part(SplitCase c)
    {
        var forward = RevenueSplit.Split(c.AmountFen, c.Weights).ToDictionary(p => p.Key, p => p.Amount);
        var reversed = RevenueSplit.Split(c.AmountFen, c.Weights.Reverse().ToList()).ToDictionary(p => p.Key, p => p.Amount);
        return forward.Count == reversed.Count && forward.All(kv => reversed[kv.Key] == kv.Value);
    }

    [Property]
    public bool Each_part_is_within_one_fen_of_its_exact_share(SplitCase c) =>
        RevenueSplit.Split(c.AmountFen, c.Weights).Zip(c.Weights).All(x =>
        {
            var exact = (decimal)c.AmountFen * x.Second.Weight / 10_000m;
            return Math.Abs(x.First.Amount - exact) < 1m;
        });

    [Property]
    public bool Parts_are_returned_in_the_order_the_owners_were_given(SplitCase c) =>
        RevenueSplit.Split(c.AmountFen, c.Weights).Select(p => p.Key).SequenceEqual(c.Weights.Select(w => w.Key));
}

public sealed class RevenueSplitTests
{
    [Fact]
    public void One_yuan_split_in_three_equal_parts_gives_the_odd_fen_to_the_first_key()
    {
        var parts = RevenueSplit.Split(100, [(3, 1L), (1, 1L), (2, 1L)]);

        Assert.Equal([(3, 33L), (1, 34L), (2, 33L)], parts);
    }

    [Fact]
    public void The_leftover_fen_go_to_the_largest_remainders()
    {
        // 10.00 yuan at 33.33 / 33.33 / 33.34 %: exact 333.3, 333.3, 333.4 fen → 333, 333, 334.
        var parts = RevenueSplit.Split(1_000, [(1, 3_333L), (2, 3_333L), (3, 3_334L)]);

        Assert.Equal([333L, 333L, 334L], parts.Select(p => p.Amount));
    }

    [Fact]
    public void A_zero_weight_gets_nothing_and_a_zero_amount_gives_zero_parts()
    {
        Assert.Equal([(1, 0L), (2, 999L)], RevenueSplit.Split(999, [(1, 0L), (2, 5L)]));
        Assert.Equal([(1, 0L), (2, 0L)], RevenueSplit.Split(0, [(1, 1L), (2, 1L)]));
    }

    [Fact]
    public void A_negative_amount_or_no_weight_at_all_is_refused_loudly()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RevenueSplit.Split(-1, [(1, 1L)]));
        Assert.Throws<ArgumentException>(() => RevenueSplit.Split(1, [(1, 0L)]));
        Assert.Throws<ArgumentException>(() => RevenueSplit.Split<int>(1, []));
    }
}
