namespace InnoCenter.Domain.Resources;

/// <summary>
/// A resource's sums for one year (Beijing) and one owner, kept by the writes of its bookings so the yearly figures per
/// resource, owner and center read rows instead of every booking: minutes booked, used (有效工作机时), used by other
/// members and by outside organisations (对外服务机时), and income (服务收入) in fen. The row of year 0 is the marker
/// that asks for a rebuild from the bookings (left by the migration; a generated database keeps it).
/// </summary>
public sealed class ResourceYearFigure
{
    public const int RebuildPendingYear = 0;

    public ResourceYearFigure(Guid resourceId, Guid ownerOrganizationId, int year, Guid centerId,
        long bookedMinutes, long usedMinutes, long memberMinutes, long outsideMinutes, long incomeFen)
    {
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
}
