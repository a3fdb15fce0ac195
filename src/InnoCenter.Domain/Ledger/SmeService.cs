using InnoCenter.Domain.Common;

namespace InnoCenter.Domain.Ledger;

/// <summary>服务中小企业: a service given to an enterprise, of a kind from the policy pack.</summary>
public sealed class SmeService : LedgerRecord
{
    private SmeService()
    {
    }

    public string EnterpriseName { get; private set; } = string.Empty;

    public string? EnterpriseCreditCode { get; private set; }

    /// <summary>Who was served, for counting distinct enterprises: the credit code, else the name.</summary>
    public string EnterpriseKey { get; private set; } = string.Empty;

    /// <summary>A service kind code of the policy pack.</summary>
    public string Kind { get; private set; } = string.Empty;

    public DateOnly ServedOn { get; private set; }

    public string? Description { get; private set; }

    public static SmeService Create(Guid centerId, SmeServiceDetails d, DateTimeOffset now)
    {
        var s = new SmeService();
        s.Created(centerId, now);
        s.Apply(d, now);
        return s;
    }

    public void Apply(SmeServiceDetails d, DateTimeOffset now)
    {
        EnterpriseName = d.EnterpriseName;
        EnterpriseCreditCode = d.EnterpriseCreditCode;
        EnterpriseKey = d.EnterpriseCreditCode ?? d.EnterpriseName;
        Kind = d.Kind;
        ServedOn = d.ServedOn;
        Description = d.Description;
        Year = d.ServedOn.Year;
        UpdatedAt = now;
    }
}

public sealed record SmeServiceDetails(string EnterpriseName, string? EnterpriseCreditCode, string Kind, DateOnly ServedOn, string? Description);
