using InnoCenter.Web.Data;
using Microsoft.EntityFrameworkCore;
using InnoCenter.Web.Infrastructure.Localization;

namespace InnoCenter.Web.Infrastructure.Policy;

/// <summary>
/// At start, stores the release's pack file (<c>Policy:File</c>) as a new version when its content differs from every
/// stored version of its code, then activates the version in force. Once a pack is installed the database is the
/// source of truth: the file's version is applied at once only while the version in force came from a file too; when
/// an Admin's edit is in force, the file's version waits as a proposal for an Admin to apply. The other pack files
/// beside it (the national rules, say) are stored the same way, so a cycle can be run on one of them by naming it; a
/// file among them that does not load or validate is skipped with a warning.
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
        var parsed = PolicyStore.TryParse(json);
        var problems = parsed.IsSuccess ? parsed.Value.Validate() : parsed.Failure!.Errors;
        if (problems.Count > 0)
        {
            // A pack that cannot run the programme correctly must not go live; say exactly what is wrong with it.
            throw new InvalidOperationException(
                $"Policy pack {path} is not valid: {string.Join("; ", problems.Select(p => $"{p.Field}: {p.Code} {string.Join(",", p.Args)}"))}");
        }

        await BackfillHashesAsync(db, ct);
        var code = parsed.Value.Code;
        await InstallAsync(sp, json, path, logger, ct);
        foreach (var sibling in Siblings(path))
        {
            await InstallSiblingAsync(sp, sibling, code, logger, ct);
        }

        var active = await PolicyVersions.InForce(db.PolicyPacks.AsNoTracking(), code, clock.TodayInBeijing()).FirstOrDefaultAsync(ct)
            ?? throw new InvalidOperationException($"No version of policy pack {code} is in force.");
        sp.GetRequiredService<PolicyProvider>().Activate(PolicyProvider.Parse(active.Json), active.Id);
    }

    private static async Task InstallAsync(IServiceProvider sp, string json, string path, ILogger logger, CancellationToken ct)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var store = sp.GetRequiredService<PolicyStore>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var proposed = await store.ProposeAsync(json, PolicySource.File, "system", Path.GetFileName(path), ct);
        if (!proposed.IsSuccess)
        {
            // The same content is stored already: nothing to do.
            return;
        }

        var record = proposed.Value;
        var inForce = await PolicyVersions.InForce(db.PolicyPacks.AsNoTracking(), record.Code, clock.TodayInBeijing()).FirstOrDefaultAsync(ct);
        if (inForce is null || inForce.Source == PolicySource.File)
        {
            await store.ApplyAsync(record, clock.TodayInBeijing(), "system", ct);
            logger.LogInformation("Stored and applied policy pack {Code} version {Version} from {Path}", record.Code, record.Version, path);
        }
        else
        {
            logger.LogWarning(
                "Policy pack {Code} from {Path} differs from every stored version; stored as version {Version}, proposed only, because an Admin's edit (version {InForce}) is in force. An Admin applies it on /Policy.",
                record.Code, path, record.Version, inForce.Version);
        }

        await db.SaveChangesAsync(ct);
    }

    private static async Task InstallSiblingAsync(IServiceProvider sp, string file, string configuredCode, ILogger logger, CancellationToken ct)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var store = sp.GetRequiredService<PolicyStore>();
        var clock = sp.GetRequiredService<TimeProvider>();
        string json;
        try
        {
            json = await File.ReadAllTextAsync(file, ct);
        }
        catch (IOException ex)
        {
            logger.LogWarning("Policy pack {Path} was not stored: {Message}", file, ex.Message);
            return;
        }

        var parsed = PolicyStore.TryParse(json);
        if (!parsed.IsSuccess || parsed.Value.Code == configuredCode)
        {
            logger.LogWarning("Policy pack {Path} was not stored: it does not load, or has the configured pack's code", file);
            return;
        }

        var proposed = await store.ProposeAsync(json, PolicySource.File, "system", Path.GetFileName(file), ct);
        if (!proposed.IsSuccess)
        {
            if (proposed.Failure!.Kind != Domain.Common.FailureKind.Conflict)
            {
                logger.LogWarning("Policy pack {Path} was not stored: {Problems}", file, string.Join("; ", proposed.Failure.Errors));
            }

            return;
        }

        var inForce = await PolicyVersions.InForce(db.PolicyPacks.AsNoTracking(), proposed.Value.Code, clock.TodayInBeijing()).FirstOrDefaultAsync(ct);
        if (inForce is null || inForce.Source == PolicySource.File)
        {
            await store.ApplyAsync(proposed.Value, clock.TodayInBeijing(), "system", ct);
        }

        await db.SaveChangesAsync(ct);
        logger.LogInformation("Stored policy pack {Code} version {Version} from {Path}", proposed.Value.Code, proposed.Value.Version, file);
    }

    private static IEnumerable<string> Siblings(string configuredPath)
    {
        var folder = Path.GetDirectoryName(configuredPath);
        return folder is null || !Directory.Exists(folder)
            ? []
            : Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal).Where(f => Path.GetFullPath(f) != Path.GetFullPath(configuredPath));
    }

    /// <summary>Versions stored before content hashes were kept get theirs, so a release's file is compared with them too.</summary>
    private static async Task BackfillHashesAsync(AppDbContext db, CancellationToken ct)
    {
        var missing = await db.PolicyPacks.Where(p => p.ContentHash == "").ToListAsync(ct);
        foreach (var record in missing)
        {
            var parsed = PolicyStore.TryParse(record.Json);
            record.ContentHash = parsed.IsSuccess ? PolicyProvider.ContentHash(parsed.Value) : "unreadable:" + record.Id.ToString("N")[..20];
        }

        if (missing.Count > 0)
        {
            await db.SaveChangesAsync(ct);
        }
    }
}
