namespace InnoCenter.Web.Features.Experts;

/// <summary>Invites one or many pool experts; <see cref="Email"/> may be given only for one expert (else the pool's e-mail is used).</summary>
public sealed record InviteRequest(IReadOnlyList<Guid>? ExpertIds, string? Culture, string? Email = null);

/// <summary>What an invitation run did: who got a mail and who was left out, and why (a string key).</summary>
public sealed record InviteReport(IReadOnlyList<Guid> Invited, IReadOnlyList<InviteSkip> Skipped);

public sealed record InviteSkip(Guid ExpertId, string Name, string Reason);

/// <summary>An expert's invitation as the pool list and the expert's page show it.</summary>
public sealed record InvitationDto(
    Guid ExpertId, string State, string? Email, string? Culture, DateTimeOffset? SentAt, DateTimeOffset? ExpiresAt, int SendCount, DateTimeOffset? AcceptedAt);

/// <summary>What the anonymous accept page shows before the password is set.</summary>
public sealed record InvitationPreview(string ExpertName, string Email, string Culture, DateTimeOffset ExpiresAt);

public sealed record AcceptInvitationRequest(string? Token, string? Password, string? ConfirmPassword);

/// <summary>How long an invitation link stays valid (configuration <c>Experts:Invitations:ValidDays</c>).</summary>
public sealed class ExpertInvitationOptions
{
    public const string Section = "Experts:Invitations";

    /// <summary>The defaults hold when no settings file is found (a server started from another directory).</summary>
    public int ValidDays { get; set; } = 7;

    /// <summary>How many experts one invitation run may take (the pool list's selection).</summary>
    public int MaxPerRun { get; set; } = 200;
}

public sealed record InvitationRow(string ExpertName, string Affiliation, InvitationDto Invitation);
