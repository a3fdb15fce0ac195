using InnoCenter.Domain.Common;

namespace InnoCenter.Domain.Ledger;

/// <summary>到账: money received on a deal, with its split among the co-owners.</summary>
public sealed class DealReceipt : Common.IAudited
{
    private readonly List<RevenueShare> _shares = [];

    private DealReceipt()
    {
    }

    public Guid Id { get; private set; }

    public Guid CenterId { get; private set; }

    public Guid DealId { get; private set; }

    public DateOnly ReceivedOn { get; private set; }

    public int Year { get; private set; }

    public long AmountFen { get; private set; }

    public string? Note { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public IReadOnlyList<RevenueShare> Shares => _shares;

    internal static DealReceipt Create(TransferDeal deal, DateOnly on, long amountFen, string? note, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        CenterId = deal.CenterId,
        DealId = deal.Id,
        ReceivedOn = on,
        Year = on.Year,
        AmountFen = amountFen,
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
        CreatedAt = now,
    };

    internal void AddShare(Guid organizationId, long amountFen, decimal percent) =>
        _shares.Add(new RevenueShare(this, organizationId, amountFen, percent));
}

/// <summary>One co-owner's part of one receipt (收益分配), to the fen.</summary>
public sealed class RevenueShare : Common.IAudited
{
    private RevenueShare()
    {
    }

    internal RevenueShare(DealReceipt receipt, Guid organizationId, long amountFen, decimal percent)
    {
        Id = Guid.CreateVersion7();
        ReceiptId = receipt.Id;
        DealId = receipt.DealId;
        CenterId = receipt.CenterId;
        OrganizationId = organizationId;
        ReceivedOn = receipt.ReceivedOn;
        Year = receipt.Year;
        AmountFen = amountFen;
        SharePercent = percent;
    }

    public Guid Id { get; private set; }

    public Guid ReceiptId { get; private set; }

    public Guid DealId { get; private set; }

    public Guid CenterId { get; private set; }

    public Guid OrganizationId { get; private set; }

    public DateOnly ReceivedOn { get; private set; }

    public int Year { get; private set; }

    public long AmountFen { get; private set; }

    /// <summary>The co-owner's weight in the split, in percent (four decimals, for the statement).</summary>
    public decimal SharePercent { get; private set; }
}
