using InnoCenter.Domain.Common;
using InnoCenter.Domain.Policy;

namespace InnoCenter.Domain.Resources;

/// <summary>
/// A booking (预约) of one resource for one period. Pending and approved bookings hold their slot, and the database
/// refuses two of them overlapping on one resource (an exclusion constraint on PostgreSQL, triggers on SQLite). The fee
/// schedule in force when it was booked travels with it, so a later change of fees never changes its charge.
/// </summary>
public sealed class ResourceBooking : IAudited, IVersioned
{
    private ResourceBooking()
    {
    }

    public Guid Id { get; private set; }

    public Guid ResourceId { get; private set; }

    public Guid CenterId { get; private set; }

    /// <summary>The resource's owner when booked, so the figures per owner need no join.</summary>
    public Guid OwnerOrganizationId { get; private set; }

    public Guid BookerUserId { get; private set; }

    public Guid BookerOrganizationId { get; private set; }

    public BookerKind BookerKind { get; private set; }

    public FeeRate Rate { get; private set; }

    public FeeUnit FeeUnit { get; private set; }

    /// <summary>The unit price of the booker's rate when booked (yuan per hour or per sample).</summary>
    public decimal UnitFee { get; private set; }

    public DateTimeOffset Starts { get; private set; }

    public DateTimeOffset Ends { get; private set; }

    public int BookedMinutes { get; private set; }

    public string? Purpose { get; private set; }

    public BookingStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When a pending booking stops holding its slot (pack's pendingExpiryHours).</summary>
    public DateTimeOffset? ExpiresAt { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public Guid? DecidedBy { get; private set; }

    public string? DecisionReason { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    /// <summary>Cancelled after the pack's cancellation deadline.</summary>
    public bool LateCancel { get; private set; }

    /// <summary>有效工作机时 in minutes, as the owner confirmed them.</summary>
    public int? UsedMinutes { get; private set; }

    public int? Samples { get; private set; }

    public DateTimeOffset? UsageConfirmedAt { get; private set; }

    public Guid? UsageConfirmedBy { get; private set; }

    /// <summary>The charge in yuan; zero until usage, a no-show or a late cancellation fixes it.</summary>
    public decimal Charge { get; private set; }

    /// <summary>The charge in whole fen, for sums in the database.</summary>
    public long ChargeFen { get; private set; }

    /// <summary>The booking this one replaced (改期).</summary>
    public Guid? RescheduledFromId { get; private set; }

    /// <summary>The series (周期预约) this booking was placed in, all-or-nothing with its siblings.</summary>
    public Guid? SeriesId { get; private set; }

    public int Version { get; set; }

    public bool IsActive => Status.IsActive();

    /// <summary>A pending booking past its expiry counts as expired even before the sweep marks it.</summary>
    public bool IsExpiredAt(DateTimeOffset now) => Status == BookingStatus.Pending && ExpiresAt is { } e && now >= e;

    /// <summary>The fee of the booked period at the booked rate: the base of no-show and late-cancellation charges.</summary>
    public decimal BookedFee => FeeUnit == FeeUnit.PerHour ? UnitFee * BookedMinutes / 60m : 0m;

    public static ResourceBooking Place(
        ResearchResource resource, Guid userId, Guid organizationId, BookerKind kind, FeeRate rate,
        DateTimeOffset starts, DateTimeOffset ends, string? purpose, ResourceRules rules, DateTimeOffset now, Guid? rescheduledFrom = null, Guid? seriesId = null)
    {
        var approval = resource.NeedsApproval && kind != BookerKind.Owner;
        return new ResourceBooking
        {
            Id = Guid.CreateVersion7(),
            ResourceId = resource.Id,
            CenterId = resource.CenterId,
            OwnerOrganizationId = resource.OwnerOrganizationId,
            BookerUserId = userId,
            BookerOrganizationId = organizationId,
            BookerKind = kind,
            Rate = rate,
            FeeUnit = resource.FeeUnit,
            UnitFee = resource.FeeFor(rate),
            Starts = starts.ToUniversalTime(),
            Ends = ends.ToUniversalTime(),
            BookedMinutes = (int)(ends - starts).TotalMinutes,
            Purpose = string.IsNullOrWhiteSpace(purpose) ? null : purpose.Trim(),
            Status = approval ? BookingStatus.Pending : BookingStatus.Approved,
            ExpiresAt = approval ? now.ToUniversalTime().AddHours(rules.PendingExpiryHours) : null,
            CreatedAt = now.ToUniversalTime(),
            RescheduledFromId = rescheduledFrom,
            SeriesId = seriesId,
        };
    }

    public Result<bool> Approve(Guid by, DateTimeOffset now)
    {
        if (Status != BookingStatus.Pending)
        {
            return Failure.IllegalTransition("resources.booking_not_pending");
        }

        if (IsExpiredAt(now))
        {
            return Failure.IllegalTransition("resources.booking_expired");
        }

        Status = BookingStatus.Approved;
        Decide(by, null, now);
        return true;
    }

    public Result<bool> Reject(Guid by, string? reason, DateTimeOffset now)
    {
        if (Status != BookingStatus.Pending)
        {
            return Failure.IllegalTransition("resources.booking_not_pending");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Failure.Validation(new Error("validation.required", "reason"));
        }

        Status = BookingStatus.Rejected;
        Decide(by, reason.Trim(), now);
        return true;
    }

    /// <summary>Frees the slot of a pending booking nobody decided in time.</summary>
    public Result<bool> Expire(DateTimeOffset now)
    {
        if (!IsExpiredAt(now))
        {
            return Failure.IllegalTransition("resources.booking_not_expired");
        }

        Status = BookingStatus.Expired;
        DecidedAt = now;
        return true;
    }

    /// <summary>Cancels; after the pack's deadline an approved booking is a late cancellation and charged the pack's share.</summary>
    public Result<bool> Cancel(DateTimeOffset now, ResourceRules rules)
    {
        if (!IsActive)
        {
            return Failure.IllegalTransition("resources.booking_not_active");
        }

        if (now >= Starts)
        {
            return Failure.IllegalTransition("resources.booking_started");
        }

        LateCancel = Status == BookingStatus.Approved && Starts - now < TimeSpan.FromHours(rules.CancellationDeadlineHours);
        Status = BookingStatus.Cancelled;
        CancelledAt = now;
        if (LateCancel)
        {
            SetCharge(BookedFee * rules.LateCancelChargePercent / 100m);
        }

        return true;
    }

    /// <summary>The owner's record of use: actual minutes (有效工作机时) and samples; fixes the charge at the booked rate.</summary>
    public Result<bool> RecordUsage(int usedMinutes, int? samples, Guid by, DateTimeOffset now)
    {
        if (Status != BookingStatus.Approved)
        {
            return Failure.IllegalTransition("resources.booking_not_approved");
        }

        if (now < Starts)
        {
            return Failure.IllegalTransition("resources.booking_not_started");
        }

        var errors = new List<Error>();
        if (usedMinutes < 0 || usedMinutes > 24 * 60 * 31)
        {
            errors.Add(new Error("resources.used_hours_invalid", "usedHours"));
        }

        if (FeeUnit == FeeUnit.PerSample && samples is null or < 0)
        {
            errors.Add(new Error("resources.samples_required", "samples"));
        }

        if (samples is < 0)
        {
            errors.Add(new Error("resources.samples_required", "samples"));
        }

        if (errors.Count > 0)
        {
            return Failure.Validation(errors);
        }

        UsedMinutes = usedMinutes;
        Samples = samples;
        UsageConfirmedAt = now;
        UsageConfirmedBy = by;
        Status = BookingStatus.Completed;
        SetCharge(FeeUnit == FeeUnit.PerHour ? UnitFee * usedMinutes / 60m : UnitFee * (samples ?? 0));
        return true;
    }

    /// <summary>爽约: the booker did not come; charged the pack's share of the booked fee.</summary>
    public Result<bool> RecordNoShow(Guid by, DateTimeOffset now, ResourceRules rules)
    {
        if (Status != BookingStatus.Approved)
        {
            return Failure.IllegalTransition("resources.booking_not_approved");
        }

        if (now < Starts)
        {
            return Failure.IllegalTransition("resources.booking_not_started");
        }

        Status = BookingStatus.NoShow;
        UsedMinutes = 0;
        UsageConfirmedAt = now;
        UsageConfirmedBy = by;
        SetCharge(BookedFee * rules.NoShowChargePercent / 100m);
        return true;
    }

    private void Decide(Guid by, string? reason, DateTimeOffset now)
    {
        DecidedAt = now;
        DecidedBy = by;
        DecisionReason = reason;
    }

    private void SetCharge(decimal yuan)
    {
        Charge = decimal.Round(yuan, 2, MidpointRounding.AwayFromZero);
        ChargeFen = (long)(Charge * 100m);
    }
}
