using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace InnoCenter.Domain.Audit;

/// <summary>What a signed head says about the chain.</summary>
public static class SignedHeadKind
{
    /// <summary>The chain reached this sequence with this hash (a checkpoint; certificate transparency's signed tree head).</summary>
    public const string Head = "head";

    /// <summary>A restore from a backup set the chain back to this sequence: heads written before it past this sequence no longer apply.</summary>
    public const string Restore = "restore";

    /// <summary>The rows up to this sequence were sealed with the unkeyed SHA-256 of the first releases, before the key was adopted.</summary>
    public const string Legacy = "legacy";
}

/// <summary>
/// A checkpoint of the audit chain kept outside the database (the shared file store, each backup's manifest) and signed
/// with the audit key: removing the newest rows, or rewriting the chain, is found by comparing the chain with it.
/// </summary>
public sealed record SignedHead(string Kind, long Sequence, string Hash, DateTimeOffset At, string Algorithm, string Signature)
{
    public static SignedHead Sign(string kind, long sequence, string hash, DateTimeOffset at, IAuditMac mac)
    {
        var unsigned = new SignedHead(kind, sequence, hash, AuditChain.Truncate(at), mac.Algorithm, string.Empty);
        return unsigned with { Signature = unsigned.SignatureWith(mac) };
    }

    public bool IsSignedWith(IAuditMac mac) =>
        mac.Algorithm == Algorithm &&
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(SignatureWith(mac)), Encoding.ASCII.GetBytes(Signature));

    private string SignatureWith(IAuditMac mac)
    {
        // The prefix keeps a head's signature apart from any row hash made with the same key (a row's canonical form starts with a length).
        var text = string.Join(
            ';', "innocenter-audit-head", Kind, Sequence.ToString(CultureInfo.InvariantCulture), Hash,
            At.UtcTicks.ToString(CultureInfo.InvariantCulture), Algorithm);
        return Convert.ToHexStringLower(mac.Compute(Encoding.UTF8.GetBytes(text)));
    }
}
