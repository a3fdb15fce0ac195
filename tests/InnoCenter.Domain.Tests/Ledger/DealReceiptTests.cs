using InnoCenter.Domain.Ledger;

namespace InnoCenter.Domain.Tests.Ledger;

public sealed class DealReceiptTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly Guid A = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid B = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid C = Guid.Parse("00000000-0000-0000-0000-00000000000c");

    private static TransferDeal Deal() => TransferDeal.Create(Guid.NewGuid(),
        new DealDetails(DealKind.Licence, "许可", Guid.NewGuid(), true, true, 100_000_00, new DateOnly(2025, 8, 1), [Guid.NewGuid()]), Now);

    [Fact]
    public void A_receipt_is_split_among_the_co_owners_to_the_fen()
    {
        var deal = Deal();

        var receipt = deal.Receive(new DateOnly(2025, 9, 1), 100_001, null, [[new ShareOf(A, 33.33m), new ShareOf(B, 33.33m), new ShareOf(C, 33.34m)]], Now);

        Assert.Equal(100_001, receipt.Shares.Sum(s => s.AmountFen));
        Assert.Equal([33_330L, 33_330L, 33_341L], receipt.Shares.OrderBy(s => s.OrganizationId).Select(s => s.AmountFen));
        Assert.Equal(100_001, deal.RevenueReceivedFen);
        Assert.All(receipt.Shares, s => Assert.Equal(2025, s.Year));
    }

    [Fact]
    public void With_two_ip_records_each_weighs_the_same_and_an_owner_of_both_adds_its_shares()
    {
        var deal = Deal();

        var receipt = deal.Receive(new DateOnly(2025, 9, 1), 1_000_00, null,
            [[new ShareOf(A, 50m), new ShareOf(B, 50m)], [new ShareOf(A, 100m)]], Now);

        Assert.Equal(75_000, receipt.Shares.Single(s => s.OrganizationId == A).AmountFen);
        Assert.Equal(25_000, receipt.Shares.Single(s => s.OrganizationId == B).AmountFen);
        Assert.Equal(75m, receipt.Shares.Single(s => s.OrganizationId == A).SharePercent);
    }

    [Fact]
    public void A_receipt_before_the_deal_or_of_no_money_is_refused_loudly_and_a_reversal_takes_it_back()
    {
        var deal = Deal();

        Assert.Throws<InvalidOperationException>(() => deal.Receive(new DateOnly(2025, 7, 31), 1, null, [], Now));
        Assert.Throws<ArgumentOutOfRangeException>(() => deal.Receive(new DateOnly(2025, 9, 1), 0, null, [], Now));
        var receipt = deal.Receive(new DateOnly(2025, 9, 1), 500, null, [], Now);
        Assert.Empty(receipt.Shares);
        deal.Reverse(receipt, Now);
        Assert.Equal(0, deal.RevenueReceivedFen);
    }
}
