namespace InnoCenter.Domain.Funds;

/// <summary>
/// The money of all grants for one year (Beijing) and one code, kept by the writes of receipts and expenditures so the
/// funds dashboard reads a few dozen rows instead of every entry: received per source, spent (net of reversals) per
/// category, in whole fen. The row of year 0 is the marker that asks for a rebuild from the entries (left by the
/// migration; a generated database keeps it).
/// </summary>
public sealed class FundYearTotal
{
    public const int RebuildPendingYear = 0;

    /// <summary>Money that arrived, by source (<see cref="FundReceipt.Source"/>).</summary>
    public const string Received = "received";

    /// <summary>Money spent, by category (<see cref="Expenditure.Category"/>).</summary>
    public const string Spent = "spent";

    public FundYearTotal(int year, string kind, string code, long fen)
    {
        Year = year;
        Kind = kind;
        Code = code;
        Fen = fen;
    }

    public int Year { get; private set; }

    public string Kind { get; private set; }

    public string Code { get; private set; }

    public long Fen { get; private set; }
}
