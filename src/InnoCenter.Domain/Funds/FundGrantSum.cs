namespace InnoCenter.Domain.Funds;

/// <summary>
/// One figure of one grant, kept by the writes of its receipts, expenditures, budget shares and clawbacks, so the grant's
/// page and API read a dozen rows instead of summing its entries on every visit: received per source, planned per source,
/// spent (net of reversals) per budget line, clawed back, open clawbacks, the last day money was spent and the first day
/// money arrived. Absent means zero (or no such day). The row of <see cref="RebuildPendingGrant"/> is the marker that asks
/// for a rebuild from the entries (left by the migration).
/// </summary>
public sealed class FundGrantSum
{
    public static readonly Guid RebuildPendingGrant = Guid.Empty;

    /// <summary>Fen received, per source (<see cref="FundReceipt.Source"/>).</summary>
    public const string Received = "received";

    /// <summary>Fen planned by the budget lines' shares, per source (<see cref="GrantLineShare.Source"/>).</summary>
    public const string Planned = "planned";

    /// <summary>Fen spent net of reversals, per budget line (<see cref="Expenditure.LineId"/>, as text).</summary>
    public const string Spent = "spent";

    /// <summary>Fen clawed back, all clawbacks (code empty).</summary>
    public const string ClawedBack = "clawed-back";

    /// <summary>How many clawbacks are not settled (code empty).</summary>
    public const string OpenClawbacks = "open-clawbacks";

    /// <summary>The latest <see cref="Expenditure.SpentOn"/> as a day number (code empty).</summary>
    public const string LastSpent = "last-spent";

    /// <summary>The earliest <see cref="FundReceipt.ReceivedOn"/> as a day number (code empty).</summary>
    public const string FirstReceived = "first-received";

    public FundGrantSum(Guid grantId, string kind, string code, long value)
    {
        GrantId = grantId;
        Kind = kind;
        Code = code;
        Value = value;
    }

    public Guid GrantId { get; private set; }

    public string Kind { get; private set; }

    public string Code { get; private set; }

    /// <summary>Fen for the money kinds, a count for <see cref="OpenClawbacks"/>, a day number for the two days.</summary>
    public long Value { get; private set; }
}
