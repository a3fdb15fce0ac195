using InnoCenter.Domain.Common;

namespace InnoCenter.Domain.Ledger;

/// <summary>
/// A record of a center's ledger (成果台账). Every record belongs to one center and counts in one year, the year its
/// principal date falls in (or the year it is about, for yearly figures); edits are audited and versioned.
/// </summary>
public abstract class LedgerRecord : IAudited, IVersioned
{
    public Guid Id { get; protected set; } = Guid.CreateVersion7();

    public Guid CenterId { get; protected set; }

    public int Year { get; protected set; }

    public DateTimeOffset CreatedAt { get; protected set; }

    public DateTimeOffset UpdatedAt { get; protected set; }

    public int Version { get; set; }

    protected void Created(Guid centerId, DateTimeOffset now)
    {
        CenterId = centerId;
        CreatedAt = now;
        UpdatedAt = now;
    }
}
