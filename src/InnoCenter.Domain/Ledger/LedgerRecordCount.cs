namespace InnoCenter.Domain.Ledger;

/// <summary>
/// How many records of one ledger kind (by its table) one center has, kept by the writes, so an unfiltered list of all
/// centers (100,000 deals, 300,000 IP records at national scale) sums a thousand rows instead of counting its table on
/// every page. The row of <see cref="RebuildPendingKind"/> is the marker that asks for a rebuild from the records (left
/// by the migration).
/// </summary>
public sealed class LedgerRecordCount
{
    public const string RebuildPendingKind = "_rebuild";

    public LedgerRecordCount(string kind, Guid centerId, int count)
    {
        Kind = kind;
        CenterId = centerId;
        Count = count;
    }

    /// <summary>The kind's table name (<c>LedgerIp</c>, <c>LedgerDeals</c>…).</summary>
    public string Kind { get; private set; }

    public Guid CenterId { get; private set; }

    public int Count { get; private set; }
}
