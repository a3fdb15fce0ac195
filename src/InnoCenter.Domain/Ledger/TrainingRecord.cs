using InnoCenter.Domain.Common;

namespace InnoCenter.Domain.Ledger;

/// <summary>培训: a training given, counted in person-times (人次).</summary>
public sealed class TrainingRecord : LedgerRecord
{
    private TrainingRecord()
    {
    }

    public string Title { get; private set; } = string.Empty;

    public DateOnly HeldOn { get; private set; }

    public int PersonTimes { get; private set; }

    public static TrainingRecord Create(Guid centerId, TrainingDetails d, DateTimeOffset now)
    {
        var t = new TrainingRecord();
        t.Created(centerId, now);
        t.Apply(d, now);
        return t;
    }

    public void Apply(TrainingDetails d, DateTimeOffset now)
    {
        Title = d.Title;
        HeldOn = d.HeldOn;
        PersonTimes = d.PersonTimes;
        Year = d.HeldOn.Year;
        UpdatedAt = now;
    }
}

public sealed record TrainingDetails(string Title, DateOnly HeldOn, int PersonTimes);
