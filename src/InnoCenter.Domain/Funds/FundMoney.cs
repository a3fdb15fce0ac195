using InnoCenter.Domain.Common;

namespace InnoCenter.Domain.Funds;

/// <summary>
/// Money of the fund module: decimal yuan as people write it, and the same amount as whole fen (分) in a <c>long</c>
/// so that the database can sum it on SQLite, where decimals are text.
/// </summary>
public static class FundMoney
{
    /// <summary>The most a single amount may be: 100 billion yuan, far above any grant, far below long's range.</summary>
    public const decimal MaxYuan = 100_000_000_000m;

    /// <summary>Whole fen of a positive amount to the fen; adds the reason to <paramref name="errors"/> and returns null otherwise.</summary>
    public static long? PositiveFen(decimal? yuan, string field, ICollection<Error> errors)
    {
        if (yuan is null)
        {
            errors.Add(new Error("validation.required", field));
            return null;
        }

        if (yuan <= 0)
        {
            errors.Add(new Error("funds.amount_not_positive", field));
            return null;
        }

        if (yuan > MaxYuan)
        {
            errors.Add(new Error("funds.amount_too_large", field));
            return null;
        }

        var fen = yuan.Value * 100m;
        if (fen != decimal.Truncate(fen))
        {
            errors.Add(new Error("funds.amount_sub_fen", field));
            return null;
        }

        return (long)fen;
    }

    public static decimal Yuan(long fen) => fen / 100m;

    /// <summary>part ÷ whole as a percentage with two decimals; null when there is no whole.</summary>
    public static decimal? Percent(long part, long whole) =>
        whole <= 0 ? null : Math.Round(part * 100m / whole, 2, MidpointRounding.AwayFromZero);
}
