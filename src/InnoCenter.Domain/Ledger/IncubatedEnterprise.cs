using InnoCenter.Domain.Common;

namespace InnoCenter.Domain.Ledger;

/// <summary>孵化企业</summary>
public sealed class IncubatedEnterprise : LedgerRecord
{
    private IncubatedEnterprise()
    {
    }

    public string Name { get; private set; } = string.Empty;

    public string CreditCode { get; private set; } = string.Empty;

    public DateOnly FoundedOn { get; private set; }

    /// <summary>融资额 in fen.</summary>
    public long MoneyRaisedFen { get; private set; }

    public static IncubatedEnterprise Create(Guid centerId, IncubatedDetails d, DateTimeOffset now)
    {
        var e = new IncubatedEnterprise();
        e.Created(centerId, now);
        e.Apply(d, now);
        return e;
    }

    public void Apply(IncubatedDetails d, DateTimeOffset now)
    {
        Name = d.Name;
        CreditCode = d.CreditCode;
        FoundedOn = d.FoundedOn;
        MoneyRaisedFen = d.MoneyRaisedFen;
        Year = d.FoundedOn.Year;
        UpdatedAt = now;
    }
}

public sealed record IncubatedDetails(string Name, string CreditCode, DateOnly FoundedOn, long MoneyRaisedFen);
