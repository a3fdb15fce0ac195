using InnoCenter.Domain.Common;

namespace InnoCenter.Domain.Ledger;

/// <summary>成果转化: a licence, assignment, equity contribution or technical service with a counterparty.</summary>
public sealed class TransferDeal : LedgerRecord
{
    private readonly List<DealIp> _ips = [];

    private TransferDeal()
    {
    }

    public DealKind Kind { get; private set; }

    public string Title { get; private set; } = string.Empty;

    /// <summary>
    /// 合同编号: what identifies a deal within its center, so registering the same contract again (e.g. re-importing an
    /// export) is refused instead of counting the deal twice. Null only on deals registered before it was asked for.
    /// </summary>
    public string? ContractNumber { get; private set; }

    public Guid CounterpartyOrganizationId { get; private set; }

    /// <summary>The counterparty is a small or medium-sized enterprise (中小企业).</summary>
    public bool IsSme { get; private set; }

    /// <summary>首次商业化应用</summary>
    public bool IsFirstCommercial { get; private set; }

    public long ContractValueFen { get; private set; }

    /// <summary>Revenue received so far: the sum of the receipts, kept with them in one transaction.</summary>
    public long RevenueReceivedFen { get; private set; }

    public DateOnly SignedOn { get; private set; }

    public IReadOnlyList<DealIp> Ips => _ips;

    /// <summary>Licences, assignments and equity contributions transfer IP, so they name it; a service may not.</summary>
    public static bool NeedsIp(DealKind kind) => kind != DealKind.TechnicalService;

    public static TransferDeal Create(Guid centerId, DealDetails d, DateTimeOffset now)
    {
        var deal = new TransferDeal();
        deal.Created(centerId, now);
        deal.Apply(d, now);
        return deal;
    }

    public void Apply(DealDetails d, DateTimeOffset now)
    {
        Kind = d.Kind;
        Title = d.Title;
        ContractNumber = d.ContractNumber ?? ContractNumber;
        CounterpartyOrganizationId = d.CounterpartyOrganizationId;
        IsSme = d.IsSme;
        IsFirstCommercial = d.IsFirstCommercial;
        ContractValueFen = d.ContractValueFen;
        SignedOn = d.SignedOn;
        Year = d.SignedOn.Year;
        _ips.RemoveAll(x => !d.IpRecordIds.Contains(x.IpRecordId));
        foreach (var ip in d.IpRecordIds.Where(i => _ips.All(x => x.IpRecordId != i)))
        {
            _ips.Add(new DealIp(Id, ip));
        }

        UpdatedAt = now;
    }

    /// <summary>
    /// Records a receipt and splits it among the co-owners of the deal's IP: each IP weighs the same, and within one IP
    /// each co-owner weighs its share; the parts add up to the receipt to the fen (largest remainder).
    /// </summary>
    public DealReceipt Receive(DateOnly receivedOn, long amountFen, string? note, IReadOnlyList<IReadOnlyList<ShareOf>> coOwnersByIp, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amountFen);
        if (receivedOn < SignedOn)
        {
            throw new InvalidOperationException("A receipt cannot precede its deal.");
        }

        var receipt = DealReceipt.Create(this, receivedOn, amountFen, note, now);
        var weights = coOwnersByIp
            .SelectMany(owners => owners)
            .GroupBy(s => s.OrganizationId)
            .Select(g => (Key: g.Key, Weight: g.Sum(s => Centers.Shares.BasisPoints(s.SharePercent))))
            .OrderBy(w => w.Key)
            .ToList();
        if (weights.Count > 0)
        {
            var totalWeight = weights.Sum(w => w.Weight);
            foreach (var (org, part) in RevenueSplit.Split(amountFen, weights))
            {
                var weight = weights.First(w => w.Key == org).Weight;
                receipt.AddShare(org, part, decimal.Round(weight * 100m / totalWeight, 4));
            }
        }

        RevenueReceivedFen += amountFen;
        UpdatedAt = now;
        return receipt;
    }

    /// <summary>Takes back a receipt recorded in error; its split goes with it.</summary>
    public void Reverse(DealReceipt receipt, DateTimeOffset now)
    {
        if (receipt.DealId != Id)
        {
            throw new InvalidOperationException("The receipt belongs to another deal.");
        }

        RevenueReceivedFen -= receipt.AmountFen;
        UpdatedAt = now;
    }
}

public sealed record DealDetails(
    DealKind Kind, string Title, Guid CounterpartyOrganizationId, bool IsSme, bool IsFirstCommercial, long ContractValueFen,
    DateOnly SignedOn, IReadOnlyList<Guid> IpRecordIds)
{
    /// <summary>合同编号, unique within the center.</summary>
    public string? ContractNumber { get; init; }
}

/// <summary>An IP record a deal transfers; which IP a deal names decides who shares its revenue, so it is audited.</summary>
public sealed class DealIp : Common.IAudited
{
    private DealIp()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public DealIp(Guid dealId, Guid ipRecordId)
    {
        DealId = dealId;
        IpRecordId = ipRecordId;
    }

    public Guid DealId { get; private set; }

    public Guid IpRecordId { get; private set; }
}
