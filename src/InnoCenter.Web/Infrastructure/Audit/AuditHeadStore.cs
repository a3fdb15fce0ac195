using System.Globalization;
using System.Text.Json;
using InnoCenter.Domain.Audit;

namespace InnoCenter.Web.Infrastructure.Audit;

/// <summary>
/// The series of signed heads, one small JSON file each, in the shared file store (<c>Audit:HeadDirectory</c>, by default
/// <c>audit-heads</c> under <c>Files:Root</c>), so that every web node reads and extends one series. Heads are only ever
/// added; nothing in the app removes one, and a backup never brings old ones back.
/// </summary>
public sealed class AuditHeadStore
{
    public const string DefaultFolderName = "audit-heads";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public AuditHeadStore(IConfiguration config, IHostEnvironment env)
    {
        var filesRoot = config["Files:Root"] ?? "data/files";
        filesRoot = Path.IsPathRooted(filesRoot) ? filesRoot : Path.Combine(env.ContentRootPath, filesRoot);
        var configured = config["Audit:HeadDirectory"];
        Root = string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(filesRoot, DefaultFolderName)
            : Path.IsPathRooted(configured) ? configured : Path.Combine(env.ContentRootPath, configured);
    }

    public string Root { get; }

    public async Task AppendAsync(SignedHead head, CancellationToken ct)
    {
        var at = head.At.UtcDateTime;
        var folder = Path.Combine(Root, at.ToString("yyyy", CultureInfo.InvariantCulture), at.ToString("MM", CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        var name = string.Create(CultureInfo.InvariantCulture, $"{head.At.UtcTicks:D19}-{head.Sequence:D19}-{head.Kind}-{Guid.NewGuid():N}.json");
        var temp = Path.Combine(folder, name + ".part");
        await File.WriteAllBytesAsync(temp, JsonSerializer.SerializeToUtf8Bytes(head, Json), ct);
        File.Move(temp, Path.Combine(folder, name));
    }

    /// <summary>Every head in the store, oldest first; a file that does not parse is returned as an unsigned head, which verify reports.</summary>
    public async Task<IReadOnlyList<SignedHead>> ReadAllAsync(CancellationToken ct)
    {
        if (!Directory.Exists(Root))
        {
            return [];
        }

        var heads = new List<SignedHead>();
        foreach (var path in Directory.EnumerateFiles(Root, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            try
            {
                await using var stream = File.OpenRead(path);
                heads.Add(await JsonSerializer.DeserializeAsync<SignedHead>(stream, Json, ct)
                          ?? throw new JsonException("empty"));
            }
            catch (JsonException)
            {
                heads.Add(new SignedHead("unreadable", 0, string.Empty, DateTimeOffset.MinValue, string.Empty, string.Empty));
            }
        }

        return heads;
    }

    public static string Serialize(SignedHead head) => JsonSerializer.Serialize(head, Json);
}
