using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace InnoCenter.Domain.Audit;

/// <summary>The fields of an audit entry that its hash covers, in a fixed order.</summary>
public sealed record AuditLink(
    long Sequence,
    DateTimeOffset At,
    string? UserId,
    string? UserName,
    string EntityType,
    string EntityId,
    string Action,
    string? Before,
    string? After,
    string PreviousHash);

/// <summary>
/// The append-only audit log is a hash chain: each entry's hash covers its content and the previous entry's hash,
/// so altering or removing any row breaks every link after it.
/// </summary>
public static class AuditChain
{
    /// <summary>The hash that the first entry points back to.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>The unkeyed SHA-256 of the first releases: kept to verify the rows sealed before the chain was keyed.</summary>
    public static string Hash(AuditLink e) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(e))));

    /// <summary>
    /// The keyed hash (an HMAC under a key that is not in the database): someone who can write the database but does not
    /// hold the key can alter a row, but cannot give it, or any row after it, a hash that verifies.
    /// </summary>
    public static string KeyedHash(AuditLink e, IAuditMac mac) =>
        Convert.ToHexStringLower(mac.Compute(Encoding.UTF8.GetBytes(Canonical(e))));

    private static string Canonical(AuditLink e)
    {
        // Each field is written with its length (or a null marker), so no content can slide from one field into the next.
        var canonical = new StringBuilder();
        foreach (var field in (string?[])
                 [
                     e.Sequence.ToString(CultureInfo.InvariantCulture),
                     e.At.UtcTicks.ToString(CultureInfo.InvariantCulture),
                     e.UserId, e.UserName, e.EntityType, e.EntityId, e.Action, e.Before, e.After, e.PreviousHash,
                 ])
        {
            if (field is null)
            {
                canonical.Append("-;");
            }
            else
            {
                canonical.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append(';');
            }
        }

        return canonical.ToString();
    }

    /// <summary>
    /// Returns the sequence number of the first entry that does not fit the chain (altered content, a wrong back-link,
    /// or a gap left by a removed row), or null when the chain is whole.
    /// </summary>
    public static long? FirstBrokenLink(IEnumerable<(AuditLink Link, string Hash)> entries)
    {
        var walker = new AuditChainWalker();
        foreach (var (link, hash) in entries)
        {
            if (!walker.Accept(link, hash))
            {
                return link.Sequence;
            }
        }

        return null;
    }

    /// <summary>Timestamps are kept to the millisecond so that every database stores exactly what was hashed.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset t) =>
        new(t.UtcTicks - t.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
}

/// <summary>Checks a chain one entry at a time, so a long log can be verified while it streams from the database.</summary>
public sealed class AuditChainWalker
{
    private string _expectedPrevious = AuditChain.Genesis;
    private long _expectedSequence = 1;

    public long Checked { get; private set; }

    public bool Accept(AuditLink link, string hash)
    {
        if (link.Sequence != _expectedSequence || link.PreviousHash != _expectedPrevious || AuditChain.Hash(link) != hash)
        {
            return false;
        }

        _expectedPrevious = hash;
        _expectedSequence++;
        Checked++;
        return true;
    }
}
