namespace InnoCenter.Domain.Centers;

/// <summary>Percent shares (equity, co-ownership): more than 0, at most 100, at most two decimals, and a set totals exactly 100.</summary>
public static class Shares
{
    public const decimal Whole = 100m;
    public const int Decimals = 2;

    public static bool IsValidPercent(decimal percent) =>
        percent > 0m && percent <= Whole && decimal.Round(percent, Decimals) == percent;

    public static bool TotalsWhole(IEnumerable<decimal> percents) => percents.Sum() == Whole;

    /// <summary>A percent in basis points (1 % = 100), exact because a valid percent has at most two decimals.</summary>
    public static long BasisPoints(decimal percent) => (long)(percent * 100m);
}
