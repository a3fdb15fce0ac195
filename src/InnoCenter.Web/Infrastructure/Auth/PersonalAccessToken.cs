using System.Security.Cryptography;
using System.Text;

namespace InnoCenter.Web.Infrastructure.Auth;

/// <summary>A token an integration client sends as <c>Authorization: Bearer …</c>. Only its SHA-256 hash is stored (and masked in the audit log, where issuing and revoking are recorded).</summary>
public sealed class PersonalAccessToken : InnoCenter.Domain.Common.IAudited
{
    public const string Prefix = "ict_";

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid UserId { get; set; }

    public string Name { get; set; } = string.Empty;

    public string TokenHash { get; set; } = string.Empty;

    /// <summary>The first characters of the token, shown so the owner can tell tokens apart.</summary>
    public string Hint { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public bool IsUsable(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);

    public static string NewSecret() =>
        Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
