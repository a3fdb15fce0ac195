using System.Security.Cryptography;

namespace InnoCenter.Web.Infrastructure.Files;

/// <summary>Where file bytes live, by their SHA-256. On disk by default; an object store can take its place.</summary>
public interface IFileStore
{
    /// <summary>Stores the content (idempotent: the same bytes are stored once) and returns its SHA-256.</summary>
    Task<string> PutAsync(Stream content, CancellationToken ct);

    Stream OpenRead(string sha256);
}

public sealed class DiskFileStore : IFileStore
{
    private readonly string _root;

    public DiskFileStore(IConfiguration config, IHostEnvironment env)
    {
        var root = config["Files:Root"] ?? "data/files";
        _root = Path.IsPathRooted(root) ? root : Path.Combine(env.ContentRootPath, root);
        Directory.CreateDirectory(_root);
    }

    public async Task<string> PutAsync(Stream content, CancellationToken ct)
    {
        content.Position = 0;
        var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(content, ct));
        var path = PathOf(hash);
        if (File.Exists(path))
        {
            return hash;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".part";
        content.Position = 0;
        await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            await content.CopyToAsync(file, ct);
        }

        // Content addressing makes a concurrent writer of the same bytes harmless: whoever moves second finds it there.
        try
        {
            File.Move(temp, path);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temp);
        }

        return hash;
    }

    public Stream OpenRead(string sha256)
    {
        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException("Not a SHA-256 name.", nameof(sha256));
        }

        return new FileStream(PathOf(sha256), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
    }

    private string PathOf(string hash) => Path.Combine(_root, hash[..2], hash);
}
