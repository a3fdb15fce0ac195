using InnoCenter.Domain.Audit;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Parameters;

namespace InnoCenter.Web.Infrastructure.Audit;

/// <summary>HMAC over SM3 (GB/T 32905), for a commission that must use 商用密码 algorithms (Audit:Algorithm = HMAC-SM3).</summary>
public sealed class Sm3AuditMac(byte[] key) : IAuditMac
{
    public const string Name = "HMAC-SM3";

    public string Algorithm => Name;

    public byte[] Compute(byte[] data)
    {
        var hmac = new HMac(new SM3Digest());
        hmac.Init(new KeyParameter(key));
        hmac.BlockUpdate(data, 0, data.Length);
        var result = new byte[hmac.GetMacSize()];
        hmac.DoFinal(result, 0);
        return result;
    }
}
