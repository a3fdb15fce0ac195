namespace InnoCenter.Domain.Resources;

/// <summary>收费方式: per hour of use, or per sample.</summary>
public enum FeeUnit
{
    PerHour,
    PerSample,
}

/// <summary>Which rate of the fee schedule applies to a booker.</summary>
public enum FeeRate
{
    /// <summary>成员单位价</summary>
    Member,

    /// <summary>对外价</summary>
    Outside,

    /// <summary>中小企业价: only for an organisation whose SME status an Admin confirmed.</summary>
    Sme,
}

/// <summary>Who booked, seen from the resource: its owner, another member of the center, or an outside organisation.</summary>
public enum BookerKind
{
    Owner,
    Member,
    Outside,
}

public enum BookingStatus
{
    /// <summary>待审批: holds its slot until decided or expired.</summary>
    Pending,

    /// <summary>已确认</summary>
    Approved,

    Rejected,

    Cancelled,

    /// <summary>Not decided in time (pack's pendingExpiryHours).</summary>
    Expired,

    /// <summary>使用已确认: the owner confirmed the usage, the charge is fixed.</summary>
    Completed,

    /// <summary>爽约: the booker did not come; the owner recorded it.</summary>
    NoShow,
}

public static class BookingStatuses
{
    /// <summary>The statuses that hold a slot; the database refuses two of them overlapping on one resource.</summary>
    public static readonly BookingStatus[] Active = [BookingStatus.Pending, BookingStatus.Approved];

    public static bool IsActive(this BookingStatus s) => s is BookingStatus.Pending or BookingStatus.Approved;
}
