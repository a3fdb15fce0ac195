namespace InnoCenter.Web.Features.Policy;

/// <summary>Where a stored version stands: only proposed, applied from a later day, in force, or replaced by a later one.</summary>
public enum PolicyVersionState
{
    Proposed,
    Scheduled,
    InForce,
    Superseded,
}

public sealed record PolicyVersionRow(
    Guid Id, string Code, int Version, PolicyVersionState State, string Source, DateTimeOffset LoadedAt, string? ProposedBy, string? Note,
    DateTimeOffset? AppliedAt, string? AppliedBy, DateOnly? EffectiveFrom);

public sealed record PolicyVersionDto(PolicyVersionRow Version, string Json);

/// <summary>
/// A new version proposed against the version in force (<see cref="BaseVersion"/>, so two Admins editing at once do
/// not overwrite each other): either one top-level <see cref="Section"/> of the pack (its JSON in <see cref="Json"/>),
/// or, with no section, a whole pack.
/// </summary>
public sealed record ProposePolicyRequest
{
    public int? BaseVersion { get; init; }

    public string? Section { get; init; }

    public string? Json { get; init; }

    /// <summary>Why the rules change (recorded with the version).</summary>
    public string? Note { get; init; }
}

public sealed record ApplyPolicyRequest
{
    /// <summary>The Beijing day from which the version is in force: today or later.</summary>
    public DateOnly? EffectiveFrom { get; init; }
}

/// <summary>One line of a diff between two versions: unchanged, inserted or deleted, with its line number in each.</summary>
public sealed record PolicyDiffLine(string Kind, int? FromLine, int? ToLine, string Text);

public sealed record PolicyDiffDto(PolicyVersionRow From, PolicyVersionRow To, IReadOnlyList<PolicyDiffLine> Lines, int Inserted, int Deleted);
