namespace InnoCenter.Domain.Resources;

/// <summary>
/// A resource's sums for one year (Beijing) and one owner, kept by the writes of its bookings so the yearly figures per
/// resource, owner and center read rows instead of every booking: minutes booked, used (有效工作机时), used by other
/// members and by outside organisations (对外服务机时), and income (服务收入) in fen. The row of year 0 is the marker
/// that asks for a rebuild from the bookings (left by the migration; a generated database keeps it).
/// Each row also carries what the figures' page per resource is ordered by — the resource's name (kept on a rename) and
/// its used minutes over all its owners' rows of the year — and one row per resource and year is its <see cref="Lead"/>,
/// so a page of all resources is read in order from one index instead of grouping, naming and sorting every row.
/// </summary>
public sealed class ResourceYearFigure
{
    public const int RebuildPendingYear = 0;

    public ResourceYearFigure(Guid resourceId, Guid ownerOrganizationId, int year, Guid centerId,
        long bookedMinutes, long usedMinutes, long memberMinutes, long outsideMinutes, long incomeFen,
        string resourceName = "", long resourceUsedMinutes = 0, bool lead = false)
    {
        ResourceName = resourceName;
        ResourceUsedMinutes = resourceUsedMinutes;
        Lead = lead;
        ResourceId = resourceId;
        OwnerOrganizationId = ownerOrganizationId;
        Year = year;
        CenterId = centerId;
        BookedMinutes = bookedMinutes;
        UsedMinutes = usedMinutes;
        MemberMinutes = memberMinutes;
        OutsideMinutes = outsideMinutes;
        IncomeFen = incomeFen;
    }

    public Guid ResourceId { get; private set; }

    /// <summary>The owner the bookings carried (a resource that changed hands has a row per owner).</summary>
    public Guid OwnerOrganizationId { get; private set; }

    public int Year { get; private set; }

    public Guid CenterId { get; private set; }

    public long BookedMinutes { get; private set; }

    public long UsedMinutes { get; private set; }

    public long MemberMinutes { get; private set; }

    public long OutsideMinutes { get; private set; }

    public long IncomeFen { get; private set; }

    /// <summary>The resource's name as it is now (a rename is carried into its rows).</summary>
    public string ResourceName { get; private set; } = string.Empty;

    /// <summary>The resource's used minutes in the year over all its rows (owners), the same on each of them.</summary>
    public long ResourceUsedMinutes { get; private set; }

    /// <summary>The one row of the resource in the year that stands for it in the page of all resources (its first owner's by id).</summary>
    public bool Lead { get; private set; }
}
