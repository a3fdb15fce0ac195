using InnoCenter.Domain.Common;
using InnoCenter.Domain.Policy;

namespace InnoCenter.Domain.Resources;

/// <summary>The editable details of a shared resource, as a form or the API sends them.</summary>
public sealed record ResourceDetails(
    string Name,
    string Category,
    string? Model,
    string? Location,
    string? Description,
    OpeningHours OpeningHours,
    bool NeedsApproval,
    bool NeedsTraining,
    bool OpenToOutside,
    FeeUnit FeeUnit,
    decimal MemberFee,
    decimal OutsideFee,
    decimal SmeFee);

/// <summary>
/// A shared research resource (共享科研资源) of a center: an instrument, pilot line, lab, test service, data set or
/// software that a member organisation owns and opens to the center's members and, where it says so, to outside users,
/// at a published fee schedule (收费标准).
/// </summary>
public sealed class ResearchResource : IAudited, IVersioned
{
    private ResearchResource()
    {
    }

    public Guid Id { get; private set; }

    public Guid CenterId { get; private set; }

    /// <summary>The member organisation that owns and runs it.</summary>
    public Guid OwnerOrganizationId { get; private set; }

    public string Name { get; private set; } = string.Empty;

    /// <summary>A category code of the pack's <see cref="ResourceRules.Categories"/>.</summary>
    public string Category { get; private set; } = string.Empty;

    /// <summary>型号规格</summary>
    public string? Model { get; private set; }

    public string? Location { get; private set; }

    public string? Description { get; private set; }

    /// <summary>Weekly opening hours in Beijing time, as <see cref="Resources.OpeningHours"/> text.</summary>
    public string OpeningHoursText { get; private set; } = string.Empty;

    public bool NeedsApproval { get; private set; }

    public bool NeedsTraining { get; private set; }

    public bool OpenToOutside { get; private set; }

    public FeeUnit FeeUnit { get; private set; }

    public decimal MemberFee { get; private set; }

    public long MemberFeeFen { get; private set; }

    public decimal OutsideFee { get; private set; }

    public long OutsideFeeFen { get; private set; }

    public decimal SmeFee { get; private set; }

    public long SmeFeeFen { get; private set; }

    public bool IsRetired { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public int Version { get; set; }

    public OpeningHours OpeningHours => Resources.OpeningHours.Parse(OpeningHoursText).Value;

    public static ResearchResource Create(Guid centerId, Guid ownerOrganizationId, ResourceDetails details, DateTimeOffset now)
    {
        var r = new ResearchResource
        {
            Id = Guid.CreateVersion7(),
            CenterId = centerId,
            OwnerOrganizationId = ownerOrganizationId,
            CreatedAt = now,
        };
        r.Apply(details, now);
        return r;
    }

    public void Update(ResourceDetails details, DateTimeOffset now) => Apply(details, now);

    public void Retire(DateTimeOffset now)
    {
        IsRetired = true;
        UpdatedAt = now;
    }

    /// <summary>The unit price of a rate (yuan).</summary>
    public decimal FeeFor(FeeRate rate) => rate switch
    {
        FeeRate.Member => MemberFee,
        FeeRate.Sme => SmeFee,
        _ => OutsideFee,
    };

    private void Apply(ResourceDetails d, DateTimeOffset now)
    {
        Name = d.Name.Trim();
        Category = d.Category;
        Model = Blank(d.Model);
        Location = Blank(d.Location);
        Description = Blank(d.Description);
        OpeningHoursText = d.OpeningHours.ToString();
        NeedsApproval = d.NeedsApproval;
        NeedsTraining = d.NeedsTraining;
        OpenToOutside = d.OpenToOutside;
        FeeUnit = d.FeeUnit;
        MemberFee = d.MemberFee;
        MemberFeeFen = Ledger.Money.ToFen(d.MemberFee, out _) ?? 0;
        OutsideFee = d.OutsideFee;
        OutsideFeeFen = Ledger.Money.ToFen(d.OutsideFee, out _) ?? 0;
        SmeFee = d.SmeFee;
        SmeFeeFen = Ledger.Money.ToFen(d.SmeFee, out _) ?? 0;
        UpdatedAt = now;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>A period in which a resource cannot be booked (停机维护、检定).</summary>
public sealed class ResourceBlackout : IAudited
{
    private ResourceBlackout()
    {
    }

    public Guid Id { get; private set; }

    public Guid ResourceId { get; private set; }

    public DateTimeOffset Starts { get; private set; }

    public DateTimeOffset Ends { get; private set; }

    public string Reason { get; private set; } = string.Empty;

    public static Result<ResourceBlackout> Create(Guid resourceId, DateTimeOffset starts, DateTimeOffset ends, string? reason)
    {
        if (ends <= starts)
        {
            return Failure.Validation(new Error("resources.range_invalid", "ends"));
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > FieldLengths.Reason)
        {
            return Failure.Validation(new Error("validation.required", "reason"));
        }

        return new ResourceBlackout
        {
            Id = Guid.CreateVersion7(),
            ResourceId = resourceId,
            Starts = starts.ToUniversalTime(),
            Ends = ends.ToUniversalTime(),
            Reason = reason.Trim(),
        };
    }
}

/// <summary>A user's training on a resource (上机培训), recorded by the owner; a resource that needs training admits only them.</summary>
public sealed class ResourceTraining : IAudited
{
    private ResourceTraining()
    {
    }

    public Guid Id { get; private set; }

    public Guid ResourceId { get; private set; }

    public Guid UserId { get; private set; }

    public DateOnly TrainedOn { get; private set; }

    public Guid RecordedBy { get; private set; }

    public static ResourceTraining Record(Guid resourceId, Guid userId, DateOnly trainedOn, Guid recordedBy) => new()
    {
        Id = Guid.CreateVersion7(),
        ResourceId = resourceId,
        UserId = userId,
        TrainedOn = trainedOn,
        RecordedBy = recordedBy,
    };
}

/// <summary>
/// An organisation's SME status (中小企业) for the SME rate: declared by the organisation, counted once an Admin
/// confirms it. Kept by this module until Organizations carries the national SME classification itself.
/// </summary>
public sealed class OrganizationSmeStatus : IAudited, IVersioned
{
    private OrganizationSmeStatus()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganizationId { get; private set; }

    public DateTimeOffset DeclaredAt { get; private set; }

    public DateTimeOffset? ConfirmedAt { get; private set; }

    public Guid? ConfirmedBy { get; private set; }

    public int Version { get; set; }

    public bool IsConfirmed => ConfirmedAt is not null;

    public static OrganizationSmeStatus Declare(Guid organizationId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        OrganizationId = organizationId,
        DeclaredAt = now,
    };

    public void Confirm(Guid adminId, DateTimeOffset now)
    {
        ConfirmedAt = now;
        ConfirmedBy = adminId;
    }
}

/// <summary>
/// The secret of a private calendar feed (.ics): a calendar client carries neither cookie nor bearer token, so the
/// address holds a token of its own. Only its SHA-256 is kept; renewing replaces it, and the old address stops at once.
/// A feed is the user's own bookings (<see cref="ResourceId"/> null) or one resource's bookings for a user who manages it.
/// </summary>
public sealed class ResourceFeedToken : IAudited
{
    private ResourceFeedToken()
    {
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public Guid? ResourceId { get; private set; }

    public string TokenHash { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    public static ResourceFeedToken Issue(Guid userId, Guid? resourceId, string tokenHash, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        UserId = userId,
        ResourceId = resourceId,
        TokenHash = tokenHash,
        CreatedAt = now,
    };

    public void Renew(string tokenHash, DateTimeOffset now)
    {
        TokenHash = tokenHash;
        CreatedAt = now;
    }
}
