using InnoCenter.Domain.Audit;

namespace InnoCenter.Web.Infrastructure.Audit;

/// <summary>One row of the append-only, hash-chained audit log (审计日志).</summary>
public sealed class AuditEntry
{
    public long Sequence { get; set; }

    public DateTimeOffset At { get; set; }

    public string? UserId { get; set; }

    public string? UserName { get; set; }

    public string EntityType { get; set; } = string.Empty;

    public string EntityId { get; set; } = string.Empty;

    /// <summary>Insert, Update or Delete.</summary>
    public string Action { get; set; } = string.Empty;

    public string? Before { get; set; }

    public string? After { get; set; }

    public string PreviousHash { get; set; } = string.Empty;

    public string Hash { get; set; } = string.Empty;

    public AuditLink ToLink() => new(Sequence, At, UserId, UserName, EntityType, EntityId, Action, Before, After, PreviousHash);
}
