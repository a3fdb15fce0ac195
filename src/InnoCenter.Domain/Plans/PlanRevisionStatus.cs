namespace InnoCenter.Domain.Plans;

/// <summary>Where a revision of a center's construction plan stands: proposed by the center, then approved or rejected by an Admin.</summary>
public enum PlanRevisionStatus
{
    Proposed,
    Approved,
    Rejected,
}
