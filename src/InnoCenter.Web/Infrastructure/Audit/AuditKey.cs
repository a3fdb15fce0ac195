using System.Security.Cryptography;
using InnoCenter.Domain.Audit;

namespace InnoCenter.Web.Infrastructure.Audit;

/// <summary>
/// The audit key, which is never in the database: <c>Audit:Key</c> (base64 of at least 32 bytes), or the file named by
/// <c>Audit:KeyFile</c>; when neither is set, a key file is made under the data folder at first start. Every web node
/// must use the same key (a shared key file or the same setting). <c>Audit:Algorithm</c> chooses HMAC-SHA256 (default)
/// or HMAC-SM3 for new rows and heads; rows sealed under the other one still verify.
/// </summary>
public sealed class AuditKey
{
    public const string DefaultKeyFile = "data/audit.key";

    private readonly byte[] _key;

    public AuditKey(IConfiguration config, IHostEnvironment env, ILogger<AuditKey> logger)
    {
        var algorithm = (config["Audit:Algorithm"] ?? HmacSha256AuditMac.Name).Trim().ToUpperInvariant();
        if (algorithm is not (HmacSha256AuditMac.Name or Sm3AuditMac.Name))
        {
            throw new InvalidOperationException($"Audit:Algorithm '{algorithm}' is not supported; use {HmacSha256AuditMac.Name} or {Sm3AuditMac.Name}.");
        }

        _key = Load(config, env, logger);
        Mac = For(algorithm)!;
    }

    /// <summary>The MAC that new rows and heads are sealed with.</summary>
    public IAuditMac Mac { get; }

    /// <summary>The MAC of a stored algorithm name, or null for one this release does not know.</summary>
    public IAuditMac? For(string algorithm) => algorithm switch
    {
        HmacSha256AuditMac.Name => new HmacSha256AuditMac(_key),
        Sm3AuditMac.Name => new Sm3AuditMac(_key),
        _ => null,
    };

    private static byte[] Load(IConfiguration config, IHostEnvironment env, ILogger logger)
    {
        if (config["Audit:Key"] is { Length: > 0 } configured)
        {
            return Decode(configured, "Audit:Key");
        }

        var file = config["Audit:KeyFile"] is { Length: > 0 } named ? named : DefaultKeyFile;
        var path = Path.IsPathRooted(file) ? file : Path.Combine(env.ContentRootPath, file);
        if (File.Exists(path))
        {
            return ReadWritten(path);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = RandomNumberGenerator.GetBytes(32);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            // Readable by the app's user only, from its first byte.
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            // CreateNew: a second node starting at the same moment on a shared folder must not overwrite the first's key.
            using var writer = new StreamWriter(path, options);
            writer.Write(Convert.ToBase64String(key));
        }
        catch (IOException) when (File.Exists(path))
        {
            return ReadWritten(path);
        }

        logger.LogWarning(
            "No audit key was configured: made a new one in {Path}. Keep it safe and outside the database and its backups " +
            "(without it the audit chain cannot be verified); give every web node the same key (Audit:Key or Audit:KeyFile)",
            path);
        return key;
    }

    /// <summary>
    /// The key in a file that another node may have made a moment ago: between its creation and its key being written the
    /// file is empty (a node that read it then took an empty key for a broken one) or still locked by its writer, so a
    /// key that does not read or decode is read again for a while before it is refused. Ten seconds, not one: on a busy
    /// machine the writer was once descheduled for longer than a second between creating the file and writing the key.
    /// (A write under another name moved into place would avoid the wait, but .NET's move without overwrite is not atomic
    /// on every file system: measured here, a second node's move replaced the first's key.)
    /// </summary>
    private static byte[] ReadWritten(string path)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                return Decode(File.ReadAllText(path).Trim(), path);
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException && DateTime.UtcNow < until)
            {
                Thread.Sleep(10);
            }
        }
    }

    private static byte[] Decode(string text, string source)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"The audit key in {source} is not base64.");
        }

        return key.Length >= 32 ? key : throw new InvalidOperationException($"The audit key in {source} has fewer than 32 bytes.");
    }
}
