using InnoCenter.Domain.Common;
using InnoCenter.Domain.Organizations;

namespace InnoCenter.Domain.Centers;

/// <summary>
/// One period of one organisation's membership (成员单位) of a center: from the day it joined up to, not including,
/// the day it left. A change of equity share closes one period and opens the next, so history is never overwritten.
/// </summary>
public sealed class CenterMembership : IAudited
{
    private CenterMembership()
    {
    }

    public Guid Id { get; private set; }

    public Guid CenterId { get; private set; }

    public Guid OrganizationId { get; private set; }

    public MemberKind Kind { get; private set; }

    /// <summary>The organisation's region when the period began, for the 京津冀 view over time.</summary>
    public string Region { get; private set; } = "";

    /// <summary>Equity share in percent; null for a member that holds no equity.</summary>
    public decimal? EquitySharePercent { get; private set; }

    public bool IsLead { get; private set; }

    public DateOnly JoinedOn { get; private set; }

    /// <summary>The first day the organisation is no longer a member under this period; null while it lasts.</summary>
    public DateOnly? LeftOn { get; private set; }

    public bool IsMemberOn(DateOnly day) => JoinedOn <= day && (LeftOn is null || day < LeftOn);

    internal static CenterMembership Start(
        Guid centerId, Guid organizationId, MemberKind kind, string region, decimal? share, bool isLead, DateOnly joinedOn) => new()
    {
        Id = Guid.CreateVersion7(),
        CenterId = centerId,
        OrganizationId = organizationId,
        Kind = kind,
        Region = region,
        EquitySharePercent = share,
        IsLead = isLead,
        JoinedOn = joinedOn,
    };

    internal void End(DateOnly leftOn) => LeftOn = leftOn;

    internal void CorrectShare(decimal? share) => EquitySharePercent = share;
}

/// <summary>One period as the equity rule sees it.</summary>
public readonly record struct EquityPeriod(Guid OrganizationId, DateOnly From, DateOnly? To, decimal? Share);

/// <summary>The shares of the members holding equity total exactly 100 % on every day from the first join on.</summary>
public static class EquityRule
{
    /// <summary>The first day the shares do not total 100 %, with the total found there; null when every day is right.</summary>
    public static (DateOnly Day, decimal Total)? FirstBreach(IReadOnlyCollection<EquityPeriod> periods)
    {
        if (periods.Count == 0)
        {
            return null;
        }

        // The total can only change where a period starts or ends, so those days are the ones to check.
        var days = periods.Select(p => p.From)
            .Concat(periods.Where(p => p.To is not null).Select(p => p.To!.Value))
            .Distinct()
            .Order();
        foreach (var day in days)
        {
            var total = periods
                .Where(p => p.Share is not null && p.From <= day && (p.To is null || day < p.To))
                .Sum(p => p.Share!.Value);
            if (total != Shares.Whole)
            {
                return (day, total);
            }
        }

        return null;
    }
}

/// <summary>One step of a membership change; all steps of a change take effect on the same day, together.</summary>
public abstract record MembershipStep(Guid OrganizationId);

public sealed record JoinStep(Guid OrganizationId, MemberKind Kind, string Region, decimal? EquitySharePercent) : MembershipStep(OrganizationId);

public sealed record LeaveStep(Guid OrganizationId) : MembershipStep(OrganizationId);

public sealed record ShareStep(Guid OrganizationId, decimal? EquitySharePercent) : MembershipStep(OrganizationId);
