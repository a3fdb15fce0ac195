using InnoCenter.Domain.Common;

namespace InnoCenter.Domain.Reviews;

/// <summary>Where an invitation stands as people see it; <see cref="Expired"/> is derived from the clock, never stored.</summary>
public enum ExpertInvitationState
{
    /// <summary>未邀请</summary>
    NotInvited,

    /// <summary>已邀请, the link not used yet.</summary>
    Invited,

    /// <summary>已接受: the account exists and is linked.</summary>
    Accepted,

    /// <summary>已过期</summary>
    Expired,

    /// <summary>已撤销</summary>
    Revoked,
}

/// <summary>What is stored; the expiry is read against the clock.</summary>
public enum ExpertInvitationStatus
{
    Pending,
    Accepted,
    Revoked,
}

/// <summary>
/// 专家账号邀请: a single-use, expiring link that lets a pool expert set a password and so become a user with the Expert
/// role, linked to the pool record. Only a hash of the link's token is stored. One row per expert: resending issues a new
/// token (the old link stops working) and re-arms a revoked or expired invitation; the audit log keeps the history.
/// </summary>
public sealed class ExpertInvitation : IAudited, IVersioned
{
    private ExpertInvitation()
    {
    }

    public Guid Id { get; private set; }

    public Guid ExpertId { get; private set; }

    /// <summary>The address the link went to; it becomes the account's e-mail and sign-in name.</summary>
    public string Email { get; private set; } = string.Empty;

    /// <summary>zh-CN or en-US: the language of the mail and of the account.</summary>
    public string Culture { get; private set; } = "zh-CN";

    /// <summary>SHA-256 of the token, hex; the token itself is only in the mail.</summary>
    public string TokenHash { get; private set; } = string.Empty;

    public ExpertInvitationStatus Status { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset SentAt { get; private set; }

    public int SendCount { get; private set; }

    public Guid? InvitedBy { get; private set; }

    public DateTimeOffset? AcceptedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    /// <summary>The account made when the link was used.</summary>
    public Guid? UserId { get; private set; }

    public int Version { get; set; }

    public static ExpertInvitation Create(Guid expertId, string email, string culture, string tokenHash, DateTimeOffset expiresAt, Guid? by, DateTimeOffset now)
    {
        var invitation = new ExpertInvitation { Id = Guid.CreateVersion7(), ExpertId = expertId, CreatedAt = now };
        invitation.Arm(email, culture, tokenHash, expiresAt, by, now);
        return invitation;
    }

    public ExpertInvitationState StateAt(DateTimeOffset now) => Status switch
    {
        ExpertInvitationStatus.Accepted => ExpertInvitationState.Accepted,
        ExpertInvitationStatus.Revoked => ExpertInvitationState.Revoked,
        _ => now >= ExpiresAt ? ExpertInvitationState.Expired : ExpertInvitationState.Invited,
    };

    /// <summary>A new token and expiry: the previous link stops working. Refused once the invitation was accepted.</summary>
    public Result<bool> Resend(string email, string culture, string tokenHash, DateTimeOffset expiresAt, Guid? by, DateTimeOffset now)
    {
        if (Status == ExpertInvitationStatus.Accepted)
        {
            return Failure.IllegalTransition("experts.invitation.already_accepted");
        }

        Arm(email, culture, tokenHash, expiresAt, by, now);
        return true;
    }

    public Result<bool> Revoke(DateTimeOffset now)
    {
        if (Status != ExpertInvitationStatus.Pending)
        {
            return Failure.IllegalTransition(Status == ExpertInvitationStatus.Accepted ? "experts.invitation.already_accepted" : "experts.invitation.not_pending");
        }

        Status = ExpertInvitationStatus.Revoked;
        RevokedAt = now;
        return true;
    }

    /// <summary>Uses the link: only a pending invitation before its expiry, once.</summary>
    public Result<bool> Accept(Guid userId, DateTimeOffset now)
    {
        if (StateAt(now) != ExpertInvitationState.Invited)
        {
            return Failure.Validation(new Error("experts.invitation.link_invalid", "token"));
        }

        Status = ExpertInvitationStatus.Accepted;
        AcceptedAt = now;
        UserId = userId;
        return true;
    }

    private void Arm(string email, string culture, string tokenHash, DateTimeOffset expiresAt, Guid? by, DateTimeOffset now)
    {
        if (expiresAt <= now)
        {
            throw new ArgumentOutOfRangeException(nameof(expiresAt), "An invitation must expire after it is sent.");
        }

        Email = email.Trim();
        Culture = culture;
        TokenHash = tokenHash;
        ExpiresAt = expiresAt;
        Status = ExpertInvitationStatus.Pending;
        RevokedAt = null;
        InvitedBy = by;
        SentAt = now;
        SendCount++;
    }
}
