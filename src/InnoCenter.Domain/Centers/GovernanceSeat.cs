using InnoCenter.Domain.Common;

namespace InnoCenter.Domain.Centers;

/// <summary>
/// A seat on the decision body (决策机构: member representatives and independent figures from industry and science) or
/// on the advisory committee (咨询机构: experts). A seat ends rather than being deleted, so the composition has a history.
/// </summary>
public sealed class GovernanceSeat : IAudited
{
    private GovernanceSeat()
    {
    }

    public Guid Id { get; private set; }

    public Guid CenterId { get; private set; }

    public GovernanceBody Body { get; private set; }

    public SeatKind Kind { get; private set; }

    public string PersonName { get; private set; } = string.Empty;

    /// <summary>职务, e.g. 理事长, 主任委员.</summary>
    public string? Position { get; private set; }

    /// <summary>工作单位 as the person gives it.</summary>
    public string? Affiliation { get; private set; }

    /// <summary>For a member representative: the member organisation represented.</summary>
    public Guid? RepresentedOrganizationId { get; private set; }

    public DateOnly Since { get; private set; }

    public DateOnly? Until { get; private set; }

    public bool IsCurrentOn(DateOnly day) => Since <= day && (Until is null || day < Until);

    public static bool KindFits(GovernanceBody body, SeatKind kind) => body switch
    {
        GovernanceBody.DecisionBody => kind is SeatKind.MemberRepresentative or SeatKind.IndependentIndustry or SeatKind.IndependentScientist,
        GovernanceBody.AdvisoryCommittee => kind == SeatKind.Expert,
        _ => false,
    };

    public static bool IsIndependent(SeatKind kind) => kind is SeatKind.IndependentIndustry or SeatKind.IndependentScientist;

    public static Result<GovernanceSeat> Create(
        Guid centerId, GovernanceBody body, SeatKind kind, string? personName, string? position, string? affiliation,
        Guid? representedOrganizationId, DateOnly since)
    {
        var errors = new List<Error>();
        if (!Enum.IsDefined(body))
        {
            errors.Add(new Error("centers.body_unknown", "body"));
        }
        else if (!Enum.IsDefined(kind) || !KindFits(body, kind))
        {
            errors.Add(new Error("centers.seat_kind_mismatch", "kind"));
        }

        if (string.IsNullOrWhiteSpace(personName))
        {
            errors.Add(new Error("validation.required", "personName"));
        }
        else if (personName.Trim().Length > FieldLengths.PersonName)
        {
            errors.Add(new Error("validation.too_long", "personName", FieldLengths.PersonName));
        }

        if (position?.Trim().Length > FieldLengths.PersonName)
        {
            errors.Add(new Error("validation.too_long", "position", FieldLengths.PersonName));
        }

        if (affiliation?.Trim().Length > FieldLengths.OrganizationName)
        {
            errors.Add(new Error("validation.too_long", "affiliation", FieldLengths.OrganizationName));
        }

        if (kind == SeatKind.MemberRepresentative && representedOrganizationId is null)
        {
            errors.Add(new Error("centers.representative_needs_member", "representedOrganization"));
        }

        if (kind != SeatKind.MemberRepresentative && representedOrganizationId is not null)
        {
            // An independent figure represents no member: that is what makes them independent.
            errors.Add(new Error("centers.independent_represents_member", "representedOrganization"));
        }

        if (errors.Count > 0)
        {
            return Failure.Validation(errors);
        }

        return new GovernanceSeat
        {
            Id = Guid.CreateVersion7(),
            CenterId = centerId,
            Body = body,
            Kind = kind,
            PersonName = personName!.Trim(),
            Position = string.IsNullOrWhiteSpace(position) ? null : position.Trim(),
            Affiliation = string.IsNullOrWhiteSpace(affiliation) ? null : affiliation.Trim(),
            RepresentedOrganizationId = representedOrganizationId,
            Since = since,
        };
    }

    public Result<GovernanceSeat> End(DateOnly until)
    {
        if (Until is not null)
        {
            return Failure.IllegalTransition("centers.seat_already_ended");
        }

        if (until <= Since)
        {
            return Failure.Validation(new Error("centers.seat_end_before_start", "until", Since.ToString("yyyy-MM-dd")));
        }

        Until = until;
        return this;
    }
}

public static class GovernanceRules
{
    /// <summary>The seed asks for independent industry and science figures on the decision body; their absence is a warning.</summary>
    public static bool DecisionBodyLacksIndependent(IEnumerable<GovernanceSeat> seats, DateOnly day) =>
        !seats.Any(s => s.Body == GovernanceBody.DecisionBody && s.IsCurrentOn(day) && GovernanceSeat.IsIndependent(s.Kind));
}
