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
/// An organisation's SME status (中小企业) for the SME rate: declared by the organisation against the national SME
/// classification in its pack (industry, employees, yearly revenue) with an evidence file, and counted once an Admin
/// confirms it. A new declaration replaces the figures and waits for a new decision; a rejection keeps its reason.
/// Rows declared before the classification was asked carry no industry and cannot be confirmed until declared again.
/// </summary>
public sealed class OrganizationSmeStatus : IAudited, IVersioned
{
    private OrganizationSmeStatus()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganizationId { get; private set; }

    public DateTimeOffset DeclaredAt { get; private set; }

    public Guid? DeclaredBy { get; private set; }

    /// <summary>The code of the pack's <see cref="SmeIndustry"/> declared.</summary>
    public string? Industry { get; private set; }

    /// <summary>从业人员.</summary>
    public int? Employees { get; private set; }

    /// <summary>营业收入 of the last year, in yuan.</summary>
    public decimal? AnnualRevenue { get; private set; }

    /// <summary>The stored file that evidences the figures (e.g. the last year's financial statement).</summary>
    public Guid? EvidenceFileId { get; private set; }

    public DateTimeOffset? ConfirmedAt { get; private set; }

    public Guid? ConfirmedBy { get; private set; }

    public DateTimeOffset? RejectedAt { get; private set; }

    public string? RejectionReason { get; private set; }

    public int Version { get; set; }

    public bool IsConfirmed => ConfirmedAt is not null;

    public SmeStatusState State => ConfirmedAt is not null ? SmeStatusState.Confirmed : RejectedAt is not null ? SmeStatusState.Rejected : SmeStatusState.Declared;

    /// <summary>
    /// Checks a declaration against the classification: a known industry, figures that are not negative, and figures that
    /// make the organisation an SME of that industry.
    /// </summary>
    public static IReadOnlyList<Error> Check(IReadOnlyList<SmeIndustry> industries, string? industry, int? employees, decimal? revenue)
    {
        var errors = new List<Error>();
        var found = industries.FirstOrDefault(i => i.Code == industry);
        if (industries.Count == 0)
        {
            errors.Add(new Error("resources.sme_no_classification", "industry"));
            return errors;
        }

        if (found is null)
        {
            errors.Add(new Error(string.IsNullOrWhiteSpace(industry) ? "validation.required" : "resources.sme_unknown_industry", "industry"));
        }

        if (employees is null)
        {
            errors.Add(new Error("validation.required", "employees"));
        }
        else if (employees < 0)
        {
            errors.Add(new Error("resources.sme_negative", "employees"));
        }

        if (revenue is null)
        {
            errors.Add(new Error("validation.required", "annualRevenue"));
        }
        else if (revenue < 0 || decimal.Round(revenue.Value, 2) != revenue)
        {
            errors.Add(new Error("resources.sme_revenue_invalid", "annualRevenue"));
        }

        if (errors.Count == 0 && !found!.Qualifies(employees!.Value, revenue!.Value))
        {
            errors.Add(new Error("resources.sme_not_qualified", "employees", found.EmployeesBelow?.ToString() ?? "-", found.RevenueBelow?.ToString("N0") ?? "-"));
        }

        return errors;
    }

    public static OrganizationSmeStatus Declare(Guid organizationId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        OrganizationId = organizationId,
        DeclaredAt = now,
    };

    /// <summary>Records checked figures (see <see cref="Check"/>) and their evidence; any earlier decision no longer holds.</summary>
    public void Record(string industry, int employees, decimal revenue, Guid evidenceFileId, Guid userId, DateTimeOffset now)
    {
        Industry = industry;
        Employees = employees;
        AnnualRevenue = revenue;
        EvidenceFileId = evidenceFileId;
        DeclaredBy = userId;
        DeclaredAt = now;
        ConfirmedAt = null;
        ConfirmedBy = null;
        RejectedAt = null;
        RejectionReason = null;
    }

    /// <summary>An Admin confirms a declaration that carries the classification's figures and evidence and is not decided yet.</summary>
    public Result<bool> Confirm(Guid adminId, DateTimeOffset now)
    {
        if (Industry is null || EvidenceFileId is null)
        {
            return Failure.Validation(new Error("resources.sme_incomplete", "industry"));
        }

        if (State != SmeStatusState.Declared)
        {
            return Failure.Conflict("resources.sme_decided");
        }

        ConfirmedAt = now;
        ConfirmedBy = adminId;
        return true;
    }

    /// <summary>An Admin rejects an undecided declaration with a reason; the organisation may declare again.</summary>
    public Result<bool> Reject(Guid adminId, string? reason, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return Failure.Validation(new Error("validation.required", "reason"));
        }

        if (reason.Length > FieldLengths.Reason)
        {
            return Failure.Validation(new Error("validation.max_length", "reason", FieldLengths.Reason));
        }

        if (State != SmeStatusState.Declared)
        {
            return Failure.Conflict("resources.sme_decided");
        }

        RejectedAt = now;
        RejectionReason = reason.Trim();
        ConfirmedBy = adminId;
        return true;
    }
}

/// <summary>Where an SME declaration stands: waiting for an Admin, confirmed (the SME rate applies) or rejected.</summary>
public enum SmeStatusState
{
    Declared,
    Confirmed,
    Rejected,
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
