using InnoCenter.Domain.Audit;

namespace InnoCenter.Web.Infrastructure.Audit;

/// <summary>
/// One row of the append-only audit log (审计日志). A writer stores the content with an arrival id in its own
/// transaction; the sealer later gives the row its place in the chain (sequence, back-link, keyed hash). Until then the
/// chain fields are null and the row is "pending".
/// </summary>
public sealed class AuditEntry
{
    /// <summary>Arrival order, assigned by the database (identity / auto-increment): no writer waits for another.</summary>
    public long Id { get; set; }

    /// <summary>The place in the chain, from 1 without gaps; null until sealed.</summary>
    public long? Sequence { get; set; }

    public DateTimeOffset At { get; set; }

    public string? UserId { get; set; }

    public string? UserName { get; set; }

    public string EntityType { get; set; } = string.Empty;

    public string EntityId { get; set; } = string.Empty;

    /// <summary>Insert, Update or Delete (or Restore for the record of a restore from a backup).</summary>
    public string Action { get; set; } = string.Empty;

    public string? Before { get; set; }

    public string? After { get; set; }

    public string? PreviousHash { get; set; }

    public string? Hash { get; set; }

    /// <summary>How the hash was made: HMAC-SHA256, HMAC-SM3, or SHA-256 for the rows of the first releases.</summary>
    public string? Algorithm { get; set; }

    public AuditLink ToLink() =>
        new(Sequence ?? 0, At, UserId, UserName, EntityType, EntityId, Action, Before, After, PreviousHash ?? string.Empty);
}
