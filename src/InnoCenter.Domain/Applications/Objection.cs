using InnoCenter.Domain.Common;

namespace InnoCenter.Domain.Applications;

public enum ObjectionStatus
{
    /// <summary>待处理</summary>
    Pending,

    /// <summary>异议成立</summary>
    Upheld,

    /// <summary>异议不成立</summary>
    Dismissed,
}

/// <summary>An objection (异议) anyone may file against an application during its public notice.</summary>
public sealed class Objection : IAudited
{
    private Objection()
    {
    }

    public Guid Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public string Contact { get; private set; } = string.Empty;

    public string Content { get; private set; } = string.Empty;

    public DateTimeOffset FiledAt { get; private set; }

    public ObjectionStatus Status { get; private set; }

    public string? Resolution { get; private set; }

    public Guid? ResolvedBy { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public static Objection File(Guid applicationId, string name, string contact, string content, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        ApplicationId = applicationId,
        Name = name.Trim(),
        Contact = contact.Trim(),
        Content = content.Trim(),
        FiledAt = now,
        Status = ObjectionStatus.Pending,
    };

    /// <summary>Decides the objection once. Dismissing needs a reason; upholding records one when given.</summary>
    public Result<Objection> Resolve(bool upheld, string? reason, Guid resolvedBy, DateTimeOffset now)
    {
        if (Status != ObjectionStatus.Pending)
        {
            return Failure.IllegalTransition("objection.already_resolved", Status.ToString());
        }

        if (!upheld && string.IsNullOrWhiteSpace(reason))
        {
            return Failure.Validation(new Error("objection.reason_required", "reason"));
        }

        Status = upheld ? ObjectionStatus.Upheld : ObjectionStatus.Dismissed;
        Resolution = reason?.Trim();
        ResolvedBy = resolvedBy;
        ResolvedAt = now;
        return this;
    }
}
