using InnoCenter.Domain.Resources;

namespace InnoCenter.Web.Features.Resources;

public sealed record ResourceRequest
{
    public Guid? CenterId { get; init; }

    public Guid? OwnerOrganizationId { get; init; }

    public string? Name { get; init; }

    public string? Category { get; init; }

    public string? Model { get; init; }

    public string? Location { get; init; }

    public string? Description { get; init; }

    /// <summary>Weekly opening hours in Beijing time, e.g. <c>Mon 08:30-17:30; Tue 08:30-17:30</c>; empty = around the clock.</summary>
    public string? OpeningHours { get; init; }

    public bool? NeedsApproval { get; init; }

    public bool NeedsTraining { get; init; }

    public bool OpenToOutside { get; init; }

    public string? FeeUnit { get; init; }

    public decimal? MemberFee { get; init; }

    public decimal? OutsideFee { get; init; }

    public decimal? SmeFee { get; init; }

    public int? Version { get; init; }
}

public sealed record ResourceFilter
{
    public string? Q { get; init; }

    public string? Category { get; init; }

    public Guid? CenterId { get; init; }

    public bool? OpenToOutside { get; init; }

    /// <summary>One resource only (the day view of a single resource).</summary>
    public Guid? ResourceId { get; init; }

    /// <summary>From the query string only: in a Razor page a route value is also called "page" and would win.</summary>

    [Microsoft.AspNetCore.Mvc.FromQuery(Name = "page")]

    public int? Page { get; init; }

    public int? PageSize { get; init; }
}

public sealed record ResourceDto(
    Guid Id,
    Guid CenterId,
    string CenterName,
    Guid OwnerOrganizationId,
    string OwnerName,
    string Name,
    string Category,
    string CategoryLabel,
    string? Model,
    string? Location,
    string? Description,
    string OpeningHours,
    bool NeedsApproval,
    bool NeedsTraining,
    bool OpenToOutside,
    FeeUnit FeeUnit,
    decimal MemberFee,
    decimal OutsideFee,
    decimal SmeFee,
    bool IsRetired,
    int Version,
    bool CanManage);

public sealed record BookingRequest
{
    public DateTimeOffset? Starts { get; init; }

    public DateTimeOffset? Ends { get; init; }

    public string? Purpose { get; init; }
}

public sealed record DecisionRequest
{
    public string? Reason { get; init; }

    public int? Version { get; init; }
}

public sealed record UsageRequest
{
    public decimal? UsedHours { get; init; }

    public int? Samples { get; init; }

    public bool NoShow { get; init; }

    public int? Version { get; init; }
}

public sealed record BlackoutRequest
{
    public DateTimeOffset? Starts { get; init; }

    public DateTimeOffset? Ends { get; init; }

    public string? Reason { get; init; }
}

public sealed record TrainingRequest
{
    public string? Email { get; init; }

    public DateOnly? TrainedOn { get; init; }
}

public sealed record BookingDto(
    Guid Id,
    Guid ResourceId,
    string ResourceName,
    Guid BookerUserId,
    Guid BookerOrganizationId,
    string BookerOrganizationName,
    BookerKind BookerKind,
    FeeRate Rate,
    decimal UnitFee,
    FeeUnit FeeUnit,
    DateTimeOffset Starts,
    DateTimeOffset Ends,
    BookingStatus Status,
    DateTimeOffset? ExpiresAt,
    bool LateCancel,
    int? UsedMinutes,
    int? Samples,
    decimal Charge,
    string? Purpose,
    int Version,
    Guid? SeriesId)
{
    /// <summary>有效工作机时 of this booking, in hours.</summary>
    public decimal? UsedHours => UsedMinutes is { } m ? decimal.Round(m / 60m, 2) : null;
}

public sealed record BookingFilter
{
    public Guid? ResourceId { get; init; }

    public string? Status { get; init; }

    /// <summary>From the query string only: in a Razor page a route value is also called "page" and would win.</summary>

    [Microsoft.AspNetCore.Mvc.FromQuery(Name = "page")]

    public int? Page { get; init; }

    public int? PageSize { get; init; }
}

public sealed record FreeSlotQuery
{
    public string? Category { get; init; }

    public string? Q { get; init; }

    public decimal? Hours { get; init; }

    public int? Days { get; init; }
}

public sealed record FreeSlotDto(Guid ResourceId, string ResourceName, string CenterName, string CategoryLabel, DateTimeOffset Starts, DateTimeOffset Ends);

public sealed record BlackoutDto(Guid Id, DateTimeOffset Starts, DateTimeOffset Ends, string Reason);
