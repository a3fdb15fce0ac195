namespace InnoCenter.Domain.Resources;

/// <summary>
/// 可用机时 of one resource in one year (Beijing), kept so the yearly figures read rows instead of every resource's
/// calendar: its opening windows less its blackouts, from the later of the year's start and the day it was catalogued
/// (0 for a retired resource). A year's rows are computed for all resources at its first read, marked by the row of
/// <see cref="YearFilledMarker"/>; resource and blackout writes recompute their resource in every filled year.
/// </summary>
public sealed class ResourceYearAvailability
{
    /// <summary>The resource id of the row that says a year's rows exist.</summary>
    public static readonly Guid YearFilledMarker = Guid.Empty;

    public ResourceYearAvailability(Guid resourceId, int year, Guid ownerOrganizationId, Guid centerId, long availableMinutes)
    {
        ResourceId = resourceId;
        Year = year;
        OwnerOrganizationId = ownerOrganizationId;
        CenterId = centerId;
        AvailableMinutes = availableMinutes;
    }

    public Guid ResourceId { get; private set; }

    public int Year { get; private set; }

    public Guid OwnerOrganizationId { get; private set; }

    public Guid CenterId { get; private set; }

    public long AvailableMinutes { get; private set; }
}
