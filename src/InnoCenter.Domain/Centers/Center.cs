using InnoCenter.Domain.Common;

namespace InnoCenter.Domain.Centers;

/// <summary>
/// A recognised Manufacturing Innovation Center (制造业创新中心). It exists only because an application was approved
/// (<see cref="Found"/>); its status moves only by a recorded decision or a policy rule (<see cref="ChangeStatus"/>).
/// </summary>
public sealed partial class Center : IAudited, IVersioned
{
    private static readonly Dictionary<CenterStatus, CenterStatus[]> Transitions = new()
    {
        [CenterStatus.Active] = [CenterStatus.UnderRectification, CenterStatus.Revoked, CenterStatus.RecommendedNational],
        [CenterStatus.UnderRectification] = [CenterStatus.Active, CenterStatus.Revoked],
        [CenterStatus.RecommendedNational] = [CenterStatus.National, CenterStatus.Active, CenterStatus.Revoked],
        [CenterStatus.National] = [CenterStatus.Revoked],
        [CenterStatus.Revoked] = [],
    };

    private readonly List<CenterMembership> _memberships = [];

    private Center()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The approved application the center was founded from; one center per application.</summary>
    public Guid ApplicationId { get; private set; }

    public string Name { get; private set; } = string.Empty;

    /// <summary>重点领域: a key-area code of the policy pack.</summary>
    public string KeyArea { get; private set; } = string.Empty;

    /// <summary>牵头单位</summary>
    public Guid LeadOrganizationId { get; private set; }

    /// <summary>批复文号, e.g. 津工信科〔2025〕8号.</summary>
    public string ApprovalNumber { get; private set; } = string.Empty;

    /// <summary>授牌编号</summary>
    public string PlaqueNumber { get; private set; } = string.Empty;

    public DateOnly ApprovedOn { get; private set; }

    /// <summary>The independent legal person (独立法人) that runs the center; completed after approval.</summary>
    public string? LegalEntityName { get; private set; }

    public string? LegalEntityCreditCode { get; private set; }

    /// <summary>The organisation record of the legal entity, when one is registered under its credit code.</summary>
    public Guid? LegalEntityOrganizationId { get; private set; }

    /// <summary>注册资本 in fen (分), so that sums stay exact in any database.</summary>
    public long? RegisteredCapitalFen { get; private set; }

    public DateOnly? FoundedOn { get; private set; }

    public CenterStatus Status { get; private set; }

    public DateOnly StatusSince { get; private set; }

    public DateOnly? RevokedOn { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public int Version { get; set; }

    public IReadOnlyList<CenterMembership> Memberships => _memberships;

    /// <summary>The first day of the center's life: the legal entity's founding, or the approval if that came first.</summary>
    public DateOnly LifeStart => FoundedOn is { } founded && founded < ApprovedOn ? founded : ApprovedOn;

    /// <summary>Ledger events happen within the center's life: from its start to its revocation, never in the future.</summary>
    public bool IsWithinLife(DateOnly day, DateOnly today) => day >= LifeStart && day <= LifeEnd(today);

    public DateOnly LifeEnd(DateOnly today) => RevokedOn is { } revoked && revoked < today ? revoked : today;

    public bool IsYearWithinLife(int year, DateOnly today) => year >= LifeStart.Year && year <= LifeEnd(today).Year;

    public IEnumerable<CenterMembership> MembersOn(DateOnly day) => _memberships.Where(m => m.IsMemberOn(day));

    /// <summary>
    /// Founds a center from an approved application. <paramref name="regions"/> holds the region of every member
    /// organisation, read from the organisation records; a member without one is unknown.
    /// </summary>
    public static Result<Center> Found(CenterFounding f, IReadOnlyDictionary<Guid, string> regions, DateTimeOffset now)
    {
        var errors = new List<Error>();
        Required(f.Name, FieldLengths.OrganizationName, "name", errors);
        Required(f.KeyArea, FieldLengths.Code, "keyArea", errors);
        Required(f.ApprovalNumber, FieldLengths.Code, "approvalNumber", errors);
        Required(f.PlaqueNumber, FieldLengths.Code, "plaqueNumber", errors);
        if (f.ApplicationId == Guid.Empty)
        {
            errors.Add(new Error("validation.required", "applicationId"));
        }

        var members = f.Members ?? [];
        if (members.Count == 0)
        {
            errors.Add(new Error("centers.members_required", "members"));
        }

        if (members.All(m => m.OrganizationId != f.LeadOrganizationId))
        {
            errors.Add(new Error("centers.lead_not_member", "leadOrganizationId"));
        }

        foreach (var duplicate in members.GroupBy(m => m.OrganizationId).Where(g => g.Count() > 1))
        {
            errors.Add(new Error("centers.member_duplicate", "members", duplicate.Key));
        }

        foreach (var m in members)
        {
            if (!regions.ContainsKey(m.OrganizationId))
            {
                errors.Add(new Error("centers.organization_unknown", "members", m.OrganizationId));
            }

            if (!Enum.IsDefined(m.Kind))
            {
                errors.Add(new Error("centers.member_kind_unknown", "members", m.Kind));
            }

            if (m.EquitySharePercent is { } share && !Shares.IsValidPercent(share))
            {
                errors.Add(new Error("centers.share_invalid", "members", share));
            }
        }

        var shares = members.Where(m => m.EquitySharePercent is not null).Select(m => m.EquitySharePercent!.Value).ToList();
        if (members.Count > 0 && !Shares.TotalsWhole(shares))
        {
            errors.Add(new Error("centers.equity_total", "members", f.ApprovedOn.ToString("yyyy-MM-dd"), shares.Sum()));
        }

        if (errors.Count > 0)
        {
            return Failure.Validation(errors);
        }

        var center = new Center
        {
            Id = Guid.CreateVersion7(),
            ApplicationId = f.ApplicationId,
            Name = f.Name.Trim(),
            KeyArea = f.KeyArea.Trim(),
            LeadOrganizationId = f.LeadOrganizationId,
            ApprovalNumber = f.ApprovalNumber.Trim(),
            PlaqueNumber = f.PlaqueNumber.Trim(),
            ApprovedOn = f.ApprovedOn,
            Status = CenterStatus.Active,
            StatusSince = f.ApprovedOn,
            CreatedAt = now,
            UpdatedAt = now,
        };
        foreach (var m in members)
        {
            center._memberships.Add(CenterMembership.Start(
                center.Id, m.OrganizationId, m.Kind, regions[m.OrganizationId], m.EquitySharePercent,
                m.OrganizationId == f.LeadOrganizationId, f.ApprovedOn));
        }

        return center;
    }

    /// <summary>Completes or corrects the legal entity's details (名称、统一社会信用代码、注册资本、成立日期).</summary>
    public Result<Center> CompleteLegalEntity(LegalEntityDetails d, DateOnly today, DateTimeOffset now)
    {
        var errors = new List<Error>();
        Required(d.Name, FieldLengths.OrganizationName, "name", errors);
        if (d.RegisteredCapitalFen < 0)
        {
            errors.Add(new Error("ledger.amount_negative", "registeredCapital"));
        }

        if (d.FoundedOn > today)
        {
            errors.Add(new Error("centers.founded_in_future", "foundedOn"));
        }

        if (d.FoundedOn > ApprovedOn)
        {
            // The applicant had to be a legal person; a founding after approval is a typo.
            errors.Add(new Error("centers.founded_after_approval", "foundedOn", ApprovedOn.ToString("yyyy-MM-dd")));
        }

        if (errors.Count > 0)
        {
            return Failure.Validation(errors);
        }

        LegalEntityName = d.Name.Trim();
        LegalEntityCreditCode = d.CreditCode.Value;
        LegalEntityOrganizationId = d.OrganizationId;
        RegisteredCapitalFen = d.RegisteredCapitalFen;
        FoundedOn = d.FoundedOn;
        UpdatedAt = now;
        return this;
    }

    public bool CanMoveTo(CenterStatus to) => Transitions[Status].Contains(to);

    public IReadOnlyList<CenterStatus> AllowedNext => Transitions[Status];

    /// <summary>
    /// Moves the status, recording on what basis: a decision names its document (文号), a rule names the policy rule.
    /// An illegal move is refused, and so is a change dated before the current status began or in the future.
    /// </summary>
    public Result<CenterStatusChange> ChangeStatus(
        CenterStatus to, StatusBasis basis, string? reference, string? reason, DateOnly effectiveOn, DateOnly today, Guid? by, DateTimeOffset now)
    {
        if (!CanMoveTo(to))
        {
            return Failure.IllegalTransition("centers.status_illegal", Status.ToString(), to.ToString());
        }

        var errors = new List<Error>();
        Required(reference, FieldLengths.Code, "reference", errors);
        Required(reason, FieldLengths.Reason, "reason", errors);
        if (effectiveOn < StatusSince || effectiveOn > today)
        {
            errors.Add(new Error("centers.status_date", "effectiveOn", StatusSince.ToString("yyyy-MM-dd")));
        }

        if (errors.Count > 0)
        {
            return Failure.Validation(errors);
        }

        var change = CenterStatusChange.Record(Id, Status, to, basis, reference!.Trim(), reason!.Trim(), effectiveOn, by, now);
        Status = to;
        StatusSince = effectiveOn;
        RevokedOn = to == CenterStatus.Revoked ? effectiveOn : RevokedOn;
        UpdatedAt = now;
        return change;
    }

    private static void Required(string? value, int max, string field, List<Error> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new Error("validation.required", field));
        }
        else if (value.Trim().Length > max)
        {
            errors.Add(new Error("validation.too_long", field, max));
        }
    }
}
