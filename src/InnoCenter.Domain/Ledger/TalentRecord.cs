using InnoCenter.Domain.Common;

namespace InnoCenter.Domain.Ledger;

/// <summary>人才: people of a category brought in or trained in a year (领军人才, 海外高层次人才, 创新团队…).</summary>
public sealed class TalentRecord : LedgerRecord
{
    private TalentRecord()
    {
    }

    /// <summary>A talent category code of the policy pack.</summary>
    public string Category { get; private set; } = string.Empty;

    public int Headcount { get; private set; }

    /// <summary>Names of the people or of the team, as evidence.</summary>
    public string? Description { get; private set; }

    public static TalentRecord Create(Guid centerId, TalentDetails d, DateTimeOffset now)
    {
        var t = new TalentRecord();
        t.Created(centerId, now);
        t.Apply(d, now);
        return t;
    }

    public void Apply(TalentDetails d, DateTimeOffset now)
    {
        Year = d.Year;
        Category = d.Category;
        Headcount = d.Headcount;
        Description = d.Description;
        UpdatedAt = now;
    }
}

public sealed record TalentDetails(int Year, string Category, int Headcount, string? Description);
