namespace InnoCenter.Domain.Reviews;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014; reference code by
/// Sebastiano Vigna, prng.di.unimi.it/splitmix64.c). Written out here, rather than System.Random, because a panel draw
/// must give the same panel from the same seed on every .NET version forever, and System.Random's algorithm is not
/// specified. Not for secrets: seeds themselves come from a cryptographic generator.
/// </summary>
public sealed class SplitMix64(ulong seed)
{
    private const ulong Gamma = 0x9E3779B97F4A7C15UL;

    private ulong _state = seed;

    public ulong Next()
    {
        unchecked
        {
            _state += Gamma;
            var z = _state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>
    /// A uniform integer in [0, bound): draws below 2^64 mod bound are rejected so that every result is equally likely
    /// (plain modulo would favour small values).
    /// </summary>
    public int NextBelow(int bound)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bound);
        var n = (ulong)bound;
        var threshold = unchecked(0UL - n) % n;
        while (true)
        {
            var r = Next();
            if (r >= threshold)
            {
                return (int)(r % n);
            }
        }
    }

    /// <summary>Fisher–Yates shuffle from the last position down, j drawn by <see cref="NextBelow"/>.</summary>
    public void Shuffle<T>(IList<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = NextBelow(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    public static string Format(ulong seed) => seed.ToString("X16", System.Globalization.CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out ulong seed) =>
        ulong.TryParse(text?.Trim(), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out seed);
}
