using InnoCenter.Domain.Common;

namespace InnoCenter.Domain.Ledger;

/// <summary>标准: taking part in or leading a standard at some level, at some stage.</summary>
public sealed class StandardRecord : LedgerRecord
{
    private StandardRecord()
    {
    }

    public string Title { get; private set; } = string.Empty;

    /// <summary>标准号, known once approved or published.</summary>
    public string? Number { get; private set; }

    public StandardLevel Level { get; private set; }

    public StandardRole Role { get; private set; }

    public StandardStage Stage { get; private set; }

    /// <summary>The date the standard reached its stage.</summary>
    public DateOnly StageDate { get; private set; }

    public static StandardRecord Create(Guid centerId, StandardDetails d, DateTimeOffset now)
    {
        var s = new StandardRecord();
        s.Created(centerId, now);
        s.Apply(d, now);
        return s;
    }

    public void Apply(StandardDetails d, DateTimeOffset now)
    {
        Title = d.Title;
        Number = d.Number;
        Level = d.Level;
        Role = d.Role;
        Stage = d.Stage;
        StageDate = d.StageDate;
        Year = d.StageDate.Year;
        UpdatedAt = now;
    }
}

public sealed record StandardDetails(string Title, string? Number, StandardLevel Level, StandardRole Role, StandardStage Stage, DateOnly StageDate);
