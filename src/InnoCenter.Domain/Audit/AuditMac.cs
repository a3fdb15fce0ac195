using System.Security.Cryptography;

namespace InnoCenter.Domain.Audit;

/// <summary>A message authentication code under the audit key (HMAC-SHA256 by default; HMAC-SM3 where 商用密码 rules apply).</summary>
public interface IAuditMac
{
    /// <summary>The name stored with every sealed row, so a later change of algorithm still verifies the older rows.</summary>
    string Algorithm { get; }

    byte[] Compute(byte[] data);
}

public sealed class HmacSha256AuditMac(byte[] key) : IAuditMac
{
    public const string Name = "HMAC-SHA256";

    private readonly byte[] _key = key.Length >= 16 ? key : throw new ArgumentException("The audit key must have at least 16 bytes.", nameof(key));

    public string Algorithm => Name;

    public byte[] Compute(byte[] data) => HMACSHA256.HashData(_key, data);
}
