using InnoCenter.Domain.Policy;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Policy;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Applications;

/// <summary>
/// The rules of every stored pack version, for reads over many applications at once: each application is judged by the
/// version it began under (its stage days, its cross-region rule), in SQL, as <see cref="CaseRuleSet"/> builds it. The
/// pack table is small and a parsed version is cached, so this is one short read per request.
/// </summary>
public sealed class ApplicationCaseRules(AppDbContext db, PolicyVersions versions, PolicyProvider policy)
{
    public async Task<CaseRuleSet> LoadAsync(CancellationToken ct)
    {
        var stored = await db.PolicyPacks.AsNoTracking().Select(p => new { p.Code, p.Version }).ToListAsync(ct);
        var current = policy.Current;
        var packs = new Dictionary<(string Code, int Version), PolicyPack> { [(current.Code, current.Version)] = current };
        foreach (var v in stored)
        {
            if (!packs.ContainsKey((v.Code, v.Version)) && await versions.FindAsync(v.Code, v.Version, ct) is { } pack)
            {
                packs[(v.Code, v.Version)] = pack;
            }
        }

        return new CaseRuleSet(packs, current);
    }
}
