using InnoCenter.Domain.Common;

namespace InnoCenter.Domain.Ledger;

/// <summary>人员情况: all staff and R&amp;D staff of a center in a year; one row per year.</summary>
public sealed class StaffYear : LedgerRecord
{
    private StaffYear()
    {
    }

    public int AllStaff { get; private set; }

    public int RdStaff { get; private set; }

    public static StaffYear Create(Guid centerId, StaffDetails d, DateTimeOffset now)
    {
        var s = new StaffYear();
        s.Created(centerId, now);
        s.Apply(d, now);
        return s;
    }

    public void Apply(StaffDetails d, DateTimeOffset now)
    {
        Year = d.Year;
        AllStaff = d.AllStaff;
        RdStaff = d.RdStaff;
        UpdatedAt = now;
    }
}

public sealed record StaffDetails(int Year, int AllStaff, int RdStaff);
