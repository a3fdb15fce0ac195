using InnoCenter.Domain.Common;

namespace InnoCenter.Domain.Centers;

/// <summary>
/// 成员变更: joins, leaves and share changes of the consortium, each opening or closing a membership period, with equity
/// totalling 100 % on every day of the center's life.
/// </summary>
public sealed partial class Center
{
    /// <summary>
    /// Applies joins, leaves and share changes that take effect together on <paramref name="effectiveOn"/>. The whole
    /// change is checked first — membership state, and equity totalling 100 % on every day — and only then applied,
    /// so a refused change leaves the center untouched. Returns the periods it opened.
    /// </summary>
    public Result<IReadOnlyList<CenterMembership>> ChangeMembership(
        DateOnly effectiveOn, IReadOnlyList<MembershipStep> steps, DateOnly today, DateTimeOffset now)
    {
        var errors = new List<Error>();
        if (steps.Count == 0)
        {
            errors.Add(new Error("centers.change_empty", "steps"));
        }

        if (effectiveOn < ApprovedOn || !IsWithinLife(effectiveOn, today) || Status == CenterStatus.Revoked)
        {
            errors.Add(new Error("centers.date_outside_life", "effectiveOn", effectiveOn.ToString("yyyy-MM-dd")));
        }

        foreach (var duplicate in steps.GroupBy(s => s.OrganizationId).Where(g => g.Count() > 1))
        {
            errors.Add(new Error("centers.step_duplicate", "steps", duplicate.Key));
        }

        if (errors.Count > 0)
        {
            return Failure.Validation(errors);
        }

        // Simulate on a copy of the periods: (existing period or null for a new one, the period as it would be).
        var simulated = _memberships.Select(m => (Existing: (CenterMembership?)m, Period: new EquityPeriod(m.OrganizationId, m.JoinedOn, m.LeftOn, m.EquitySharePercent))).ToList();
        var ends = new List<CenterMembership>();
        var corrections = new List<(CenterMembership Membership, decimal? Share)>();
        var starts = new List<(Guid Org, MemberKind Kind, string Region, decimal? Share, bool IsLead)>();

        foreach (var step in steps)
        {
            var open = _memberships.FirstOrDefault(m => m.OrganizationId == step.OrganizationId && m.LeftOn is null);
            var current = open is not null && open.JoinedOn <= effectiveOn ? open : null;
            var share = step switch
            {
                JoinStep j => j.EquitySharePercent,
                ShareStep s => s.EquitySharePercent,
                _ => null,
            };
            if (share is { } p && !Shares.IsValidPercent(p))
            {
                errors.Add(new Error("centers.share_invalid", "steps", p));
                continue;
            }

            switch (step)
            {
                case JoinStep join:
                    if (_memberships.Any(m => m.OrganizationId == join.OrganizationId && (m.LeftOn is null || m.LeftOn > effectiveOn)))
                    {
                        errors.Add(new Error("centers.already_member", "steps", join.OrganizationId));
                        break;
                    }

                    if (!Enum.IsDefined(join.Kind))
                    {
                        errors.Add(new Error("centers.member_kind_unknown", "steps", join.Kind));
                        break;
                    }

                    starts.Add((join.OrganizationId, join.Kind, join.Region, join.EquitySharePercent, false));
                    simulated.Add((null, new EquityPeriod(join.OrganizationId, effectiveOn, null, join.EquitySharePercent)));
                    break;

                case LeaveStep:
                    if (current is null || current.JoinedOn >= effectiveOn)
                    {
                        errors.Add(new Error("centers.not_member_on", "steps", step.OrganizationId, effectiveOn.ToString("yyyy-MM-dd")));
                        break;
                    }

                    if (current.IsLead)
                    {
                        errors.Add(new Error("centers.lead_cannot_leave", "steps"));
                        break;
                    }

                    ends.Add(current);
                    Replace(simulated, current, p => p with { To = effectiveOn });
                    break;

                case ShareStep:
                    if (current is null)
                    {
                        errors.Add(new Error("centers.not_member_on", "steps", step.OrganizationId, effectiveOn.ToString("yyyy-MM-dd")));
                        break;
                    }

                    if (current.JoinedOn == effectiveOn)
                    {
                        // A share given on the very day the period began corrects that period rather than splitting it.
                        corrections.Add((current, share));
                        Replace(simulated, current, p => p with { Share = share });
                    }
                    else
                    {
                        ends.Add(current);
                        Replace(simulated, current, p => p with { To = effectiveOn });
                        starts.Add((current.OrganizationId, current.Kind, current.Region, share, current.IsLead));
                        simulated.Add((null, new EquityPeriod(current.OrganizationId, effectiveOn, null, share)));
                    }

                    break;
            }
        }

        if (errors.Count > 0)
        {
            return Failure.Validation(errors);
        }

        if (EquityRule.FirstBreach(simulated.Select(s => s.Period).ToList()) is { } breach)
        {
            return Failure.Validation(new Error("centers.equity_total", "steps", breach.Day.ToString("yyyy-MM-dd"), breach.Total));
        }

        foreach (var m in ends)
        {
            m.End(effectiveOn);
        }

        foreach (var (m, share) in corrections)
        {
            m.CorrectShare(share);
        }

        var opened = starts.Select(s => CenterMembership.Start(Id, s.Org, s.Kind, s.Region, s.Share, s.IsLead, effectiveOn)).ToList();
        _memberships.AddRange(opened);
        UpdatedAt = now;
        return opened;
    }

    private static void Replace(
        List<(CenterMembership? Existing, EquityPeriod Period)> simulated, CenterMembership membership, Func<EquityPeriod, EquityPeriod> change)
    {
        var i = simulated.FindIndex(s => ReferenceEquals(s.Existing, membership));
        simulated[i] = (membership, change(simulated[i].Period));
    }
}
