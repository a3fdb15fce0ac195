namespace InnoCenter.Domain.Ledger;

/// <summary>
/// Money is <c>decimal</c> yuan at the edges and whole fen (分) in storage, so sums are exact integers in any database.
/// </summary>
public static class Money
{
    public const long FenPerYuan = 100;

    /// <summary>1 万元 = 10,000 yuan = 1,000,000 fen.</summary>
    public const long FenPerWan = 1_000_000;

    /// <summary>A trillion yuan: far above any contract, far below overflow of a fen sum.</summary>
    public const decimal MaxYuan = 1_000_000_000_000m;

    /// <summary>Converts yuan to fen; null with the reason when it is negative, finer than a fen, or absurdly large.</summary>
    public static long? ToFen(decimal yuan, out string? errorCode)
    {
        if (yuan < 0)
        {
            errorCode = "ledger.amount_negative";
            return null;
        }

        if (decimal.Round(yuan, 2) != yuan)
        {
            errorCode = "ledger.amount_precision";
            return null;
        }

        if (yuan > MaxYuan)
        {
            errorCode = "ledger.amount_too_large";
            return null;
        }

        errorCode = null;
        return (long)(yuan * FenPerYuan);
    }

    public static decimal ToYuan(long fen) => fen / (decimal)FenPerYuan;

    public static decimal ToWan(long fen) => fen / (decimal)FenPerWan;
}
