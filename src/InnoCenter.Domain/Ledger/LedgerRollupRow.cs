namespace InnoCenter.Domain.Ledger;

/// <summary>
/// One kept figure of the ledger roll-up (台账汇总): a center's count or whole-fen sum of one raw dimension in one year,
/// written in the transaction of the ledger write that changes it. It is derived data: the records are the truth (and
/// are audited), these rows can be rebuilt from them at any time, so they are not audited themselves.
/// <para>
/// A <see cref="Running"/> figure is a change, not a level: its value in a year is the sum of its rows up to that year
/// (a project that runs or a member that stays adds one in its first year and takes it away in the year after its end).
/// </para>
/// </summary>
public sealed class LedgerRollupRow
{
    public LedgerRollupRow(Guid centerId, int year, string figure, bool running, long value)
    {
        CenterId = centerId;
        Year = year;
        Figure = figure;
        Running = running;
        Value = value;
    }

    public Guid CenterId { get; private set; }

    public int Year { get; private set; }

    /// <summary>The raw dimension, <c>family/detail</c> (e.g. <c>ip/filed/Pct</c>, <c>members/Hebei</c>).</summary>
    public string Figure { get; private set; }

    public bool Running { get; private set; }

    public long Value { get; private set; }
}
