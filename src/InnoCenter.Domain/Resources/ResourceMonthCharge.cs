namespace InnoCenter.Domain.Resources;

/// <summary>
/// What one organisation is charged for one month (Beijing) of shared-resource use — the total of its monthly statement
/// (对账单) — kept by the writes of its bookings, so the list of a month's statements reads one row per payer instead of
/// grouping the month's charged bookings on every request. Only payers with a charge have a row. The row of year 0 is the
/// marker that asks for a rebuild from the bookings (left by the migration; a generated database keeps it). The payer's
/// name and whether the statement is recorded paid are kept beside the charge, so a page of the month's list is read in
/// its order (paid or not, then name) from one index instead of joining and sorting all the month's payers.
/// </summary>
public sealed class ResourceMonthCharge
{
    public const int RebuildPendingYear = 0;

    public ResourceMonthCharge(Guid payerOrganizationId, int year, int month, long chargeFen, string payerName = "", bool paid = false)
    {
        PayerOrganizationId = payerOrganizationId;
        Year = year;
        Month = month;
        ChargeFen = chargeFen;
        PayerName = payerName;
        Paid = paid;
    }

    /// <summary>The booking organisation, who pays the statement.</summary>
    public Guid PayerOrganizationId { get; private set; }

    public int Year { get; private set; }

    public int Month { get; private set; }

    /// <summary>The sum of the charges (in fen) of the bookings the month's statement charges.</summary>
    public long ChargeFen { get; private set; }

    /// <summary>The payer's name as it is now (kept in step on a rename): the list's order within a payment group.</summary>
    public string PayerName { get; private set; }

    /// <summary>Whether the month's statement is recorded paid (its <see cref="StatementPayment"/> row says Paid).</summary>
    public bool Paid { get; private set; }
}
