using InnoCenter.Domain.Common;

namespace InnoCenter.Web.Infrastructure.Policy;

/// <summary>
/// A stored version of a policy pack. The JSON is kept as saved, so a past decision can name the rules it used, and a
/// version is never rewritten. A version is proposed (from a release's pack file or by an Admin), then applied from a
/// date; the version in force for a code is the applied one with the latest start that has begun (ties: the one applied
/// last). Changes are audited like every other regulated record.
/// </summary>
public sealed class PolicyPackRecord : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string Code { get; set; } = string.Empty;

    public int Version { get; set; }

    public string Json { get; set; } = string.Empty;

    /// <summary>SHA-256 of the pack's content without its version number: a release's file that matches a stored version is not stored again.</summary>
    public string ContentHash { get; set; } = string.Empty;

    /// <summary>Where the version came from: a release's pack file or an Admin's edit.</summary>
    public PolicySource Source { get; set; }

    /// <summary>When the version was stored.</summary>
    public DateTimeOffset LoadedAt { get; set; }

    public string? ProposedBy { get; set; }

    /// <summary>Why the version was made (an Admin's reason, or the file it came from).</summary>
    public string? Note { get; set; }

    /// <summary>Set when the version is applied; null while it is only proposed.</summary>
    public DateTimeOffset? AppliedAt { get; set; }

    public string? AppliedBy { get; set; }

    /// <summary>The Beijing calendar day from which an applied version is in force.</summary>
    public DateOnly? EffectiveFrom { get; set; }
}

public enum PolicySource
{
    File,
    Admin,
}
