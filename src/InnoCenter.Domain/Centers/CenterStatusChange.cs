using InnoCenter.Domain.Common;
using InnoCenter.Domain.Organizations;

namespace InnoCenter.Domain.Centers;

/// <summary>A recorded status change: from, to, on what basis (文号 or rule), why, effective when, by whom.</summary>
public sealed class CenterStatusChange : IAudited
{
    private CenterStatusChange()
    {
    }

    public Guid Id { get; private set; }

    public Guid CenterId { get; private set; }

    public CenterStatus From { get; private set; }

    public CenterStatus To { get; private set; }

    public StatusBasis Basis { get; private set; }

    /// <summary>The decision's document number, or the policy rule's code.</summary>
    public string Reference { get; private set; } = string.Empty;

    public string Reason { get; private set; } = string.Empty;

    public DateOnly EffectiveOn { get; private set; }

    public Guid? ChangedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    internal static CenterStatusChange Record(
        Guid centerId, CenterStatus from, CenterStatus to, StatusBasis basis, string reference, string reason, DateOnly on, Guid? by, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        CenterId = centerId,
        From = from,
        To = to,
        Basis = basis,
        Reference = reference,
        Reason = reason,
        EffectiveOn = on,
        ChangedBy = by,
        RecordedAt = now,
    };
}
