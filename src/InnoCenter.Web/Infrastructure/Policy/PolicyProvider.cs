using System.Text.Json;
using InnoCenter.Domain.Policy;
using InnoCenter.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Infrastructure.Policy;

/// <summary>Holds the policy pack in force. Read on every request, so it is cached; it changes only when a pack version is activated.</summary>
public sealed class PolicyProvider
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private PolicyPack? _current;

    public PolicyPack Current => _current ?? throw new InvalidOperationException("No policy pack has been loaded.");

    public void Activate(PolicyPack pack) => _current = pack;

    public static PolicyPack Parse(string json) =>
        JsonSerializer.Deserialize<PolicyPack>(json, JsonOptions)
        ?? throw new InvalidOperationException("The policy pack is empty.");
}

/// <summary>
/// At start, stores the pack file as a version if that version is not stored yet, then activates the newest stored
/// version of that pack. A stored version is never overwritten: to change the rules, raise the pack's version.
/// The other pack files beside it (the national rules, say) are stored too, inactive, so that a cycle can be run on
/// one of them by naming it; a file among them that does not load or validate is skipped with a warning.
/// </summary>
public static class PolicyPackLoader
{
    public static async Task LoadAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var config = sp.GetRequiredService<IConfiguration>();
        var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PolicyPackLoader));
        var db = sp.GetRequiredService<AppDbContext>();
        var clock = sp.GetRequiredService<TimeProvider>();

        var file = config["Policy:File"] ?? "policies/tianjin-2020.json";
        var path = Path.IsPathRooted(file) ? file : Path.Combine(AppContext.BaseDirectory, file);
        var json = await File.ReadAllTextAsync(path, ct);
        var pack = PolicyProvider.Parse(json);
        var problems = pack.Validate();
        if (problems.Count > 0)
        {
            // A pack that cannot score a cycle correctly must not go live; say exactly what is wrong with it.
            throw new InvalidOperationException(
                $"Policy pack {path} is not valid: {string.Join("; ", problems.Select(p => $"{p.Field}: {p.Code} {string.Join(",", p.Args)}"))}");
        }

        var stored = await db.PolicyPacks.AnyAsync(p => p.Code == pack.Code && p.Version == pack.Version, ct);
        if (!stored)
        {
            await db.PolicyPacks.Where(p => p.Code == pack.Code && p.IsActive)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.IsActive, false), ct);
            db.PolicyPacks.Add(new PolicyPackRecord
            {
                Code = pack.Code,
                Version = pack.Version,
                Json = json,
                IsActive = true,
                LoadedAt = clock.GetUtcNow(),
            });
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Stored policy pack {Code} version {Version} from {Path}", pack.Code, pack.Version, path);
        }

        await StoreSiblingsAsync(db, path, pack.Code, clock, logger, ct);

        var active = await db.PolicyPacks.AsNoTracking()
            .Where(p => p.Code == pack.Code && p.IsActive)
            .OrderByDescending(p => p.Version)
            .FirstAsync(ct);
        sp.GetRequiredService<PolicyProvider>().Activate(PolicyProvider.Parse(active.Json));
    }

    private static async Task StoreSiblingsAsync(
        AppDbContext db, string configuredPath, string configuredCode, TimeProvider clock, ILogger logger, CancellationToken ct)
    {
        var folder = Path.GetDirectoryName(configuredPath);
        if (folder is null || !Directory.Exists(folder))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            if (Path.GetFullPath(file) == Path.GetFullPath(configuredPath))
            {
                continue;
            }

            PolicyPack other;
            string json;
            try
            {
                json = await File.ReadAllTextAsync(file, ct);
                other = PolicyProvider.Parse(json);
            }
            catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException or NotSupportedException)
            {
                logger.LogWarning("Policy pack {Path} was not stored: {Message}", file, ex.Message);
                continue;
            }

            if (other.Code == configuredCode || other.Validate().Count > 0)
            {
                logger.LogWarning("Policy pack {Path} was not stored: same code as the configured pack, or invalid rules", file);
                continue;
            }

            if (!await db.PolicyPacks.AnyAsync(p => p.Code == other.Code && p.Version == other.Version, ct))
            {
                db.PolicyPacks.Add(new PolicyPackRecord
                {
                    Code = other.Code,
                    Version = other.Version,
                    Json = json,
                    IsActive = false,
                    LoadedAt = clock.GetUtcNow(),
                });
                await db.SaveChangesAsync(ct);
                logger.LogInformation("Stored policy pack {Code} version {Version} from {Path} (not active)", other.Code, other.Version, file);
            }
        }
    }
}
