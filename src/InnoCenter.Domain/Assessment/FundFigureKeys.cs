namespace InnoCenter.Domain.Assessment;

/// <summary>
/// The figures the Funds module gives the annual report per center and year, beside the ledger's roll-up figures:
/// money received and spent in the year (万元) and the execution rate (执行率, %) of the center's grants up to the year's end.
/// </summary>
public static class FundFigureKeys
{
    public const string Prefix = "funds.";
    public const string ReceivedWan = Prefix + "received_wan";
    public const string SpentWan = Prefix + "spent_wan";
    public const string ExecutionRate = Prefix + "execution_rate";

    public static readonly IReadOnlyList<string> Ordered = [ReceivedWan, SpentWan, ExecutionRate];

    public static readonly IReadOnlySet<string> All = new HashSet<string>(Ordered, StringComparer.Ordinal);
}
