using InnoCenter.Domain.Policy;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Infrastructure.Policy;

/// <summary>
/// Stored policy pack versions by code and version (the pack in force when none is named). A stored version is never
/// rewritten, so a version once read is kept parsed (in <see cref="PolicyVersionCache"/>, one per app) for good. A case
/// (an application, an assessment cycle) names the version it began under and reads its rules through here.
/// </summary>
public sealed class PolicyVersions(AppDbContext db, PolicyProvider policy, PolicyVersionCache cache, TimeProvider clock)
{
    private System.Collections.Concurrent.ConcurrentDictionary<(string Code, int Version), PolicyPack> Parsed => cache.Packs;

    public async Task<PolicyPack?> FindAsync(string? code, int? version, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(code) && version is { } exact && Parsed.TryGetValue((code.Trim(), exact), out var known))
        {
            return known;
        }

        var current = policy.Current;
        var wanted = string.IsNullOrWhiteSpace(code) ? current.Code : code.Trim();
        if (wanted == current.Code && (version is null || version == current.Version))
        {
            return current;
        }

        string? json;
        if (version is { } v)
        {
            json = await db.PolicyPacks.AsNoTracking().Where(p => p.Code == wanted && p.Version == v).Select(p => p.Json).FirstOrDefaultAsync(ct);
        }
        else
        {
            // A pack named without a version: the version of it in force, never one only proposed.
            json = await InForce(db.PolicyPacks.AsNoTracking(), wanted, clock.TodayInBeijing()).Select(p => p.Json).FirstOrDefaultAsync(ct);
        }

        if (json is null)
        {
            return null;
        }

        var pack = PolicyProvider.Parse(json);
        Parsed.TryAdd((pack.Code, pack.Version), pack);
        return pack;
    }

    /// <summary>The rules a case began under; the pack in force where the case names none (rows older than the field).</summary>
    public async Task<PolicyPack> ForCaseAsync(string? code, int version, CancellationToken ct) =>
        version > 0 && await FindAsync(code, version, ct) is { } pack ? pack : policy.Current;

    /// <summary>The version of a code in force on a day: applied, begun, the latest start first, then the one applied last.</summary>
    public static IQueryable<PolicyPackRecord> InForce(IQueryable<PolicyPackRecord> packs, string code, DateOnly today) =>
        packs.Where(p => p.Code == code && p.AppliedAt != null && p.EffectiveFrom <= today)
            .OrderByDescending(p => p.EffectiveFrom).ThenByDescending(p => p.AppliedAt);

    /// <summary>The version in force of every code (the pack table is small: one read, chosen in memory).</summary>
    public static async Task<HashSet<Guid>> InForceIdsAsync(AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var today = clock.TodayInBeijing();
        var applied = await db.PolicyPacks.AsNoTracking().Where(p => p.AppliedAt != null && p.EffectiveFrom <= today)
            .Select(p => new { p.Id, p.Code, p.EffectiveFrom, p.AppliedAt }).ToListAsync(ct);
        return applied.GroupBy(p => p.Code)
            .Select(g => g.OrderByDescending(p => p.EffectiveFrom).ThenByDescending(p => p.AppliedAt).First().Id)
            .ToHashSet();
    }
}

/// <summary>Parsed stored pack versions of this app's database (a singleton: one database per app).</summary>
public sealed class PolicyVersionCache
{
    public System.Collections.Concurrent.ConcurrentDictionary<(string Code, int Version), PolicyPack> Packs { get; } = new();
}
