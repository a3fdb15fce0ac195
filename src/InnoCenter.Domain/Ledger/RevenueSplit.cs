namespace InnoCenter.Domain.Ledger;

/// <summary>
/// Splits an amount of fen among parties by integer weights so that the parts add up to the amount exactly
/// (收益共享). Each party first gets the floor of its exact share; the fen left over go one each to the parties with the
/// largest remainders (largest-remainder method), ties broken by larger weight, then by key — so the result does not
/// depend on the order the parties are listed in.
/// </summary>
public static class RevenueSplit
{
    public static IReadOnlyList<(TKey Key, long Amount)> Split<TKey>(long amount, IReadOnlyList<(TKey Key, long Weight)> weights)
        where TKey : IComparable<TKey>
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        if (weights.Count == 0)
        {
            throw new ArgumentException("At least one party is needed.", nameof(weights));
        }

        if (weights.Any(w => w.Weight < 0))
        {
            throw new ArgumentException("Weights cannot be negative.", nameof(weights));
        }

        var total = weights.Aggregate(Int128.Zero, (s, w) => s + w.Weight);
        if (total == 0)
        {
            throw new ArgumentException("The weights must not all be zero.", nameof(weights));
        }

        var floors = new long[weights.Count];
        var remainders = new Int128[weights.Count];
        long given = 0;
        for (var i = 0; i < weights.Count; i++)
        {
            var exact = (Int128)amount * weights[i].Weight;
            floors[i] = (long)(exact / total);
            remainders[i] = exact % total;
            given += floors[i];
        }

        var leftover = amount - given;
        var order = Enumerable.Range(0, weights.Count)
            .OrderByDescending(i => remainders[i])
            .ThenByDescending(i => weights[i].Weight)
            .ThenBy(i => weights[i].Key)
            .Take((int)leftover);
        foreach (var i in order)
        {
            floors[i]++;
        }

        return weights.Select((w, i) => (w.Key, floors[i])).ToList();
    }
}
