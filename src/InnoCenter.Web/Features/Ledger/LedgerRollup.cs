using InnoCenter.Domain.Assessment;
using InnoCenter.Domain.Centers;
using InnoCenter.Domain.Common;
using InnoCenter.Domain.Ledger;
using InnoCenter.Domain.Organizations;
using InnoCenter.Domain.Policy;
using InnoCenter.Web.Data;
using InnoCenter.Web.Features.Ledger.Rollup;
using InnoCenter.Web.Infrastructure.Policy;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

using static InnoCenter.Domain.Assessment.LedgerRollupKeys;

namespace InnoCenter.Web.Features.Ledger;

/// <summary>
/// The yearly summary of each center's ledger, in the figures the assessment's indicators read, keyed by
/// <see cref="LedgerRollupKeys"/>. Read from the rows the ledger writes keep (<see cref="LedgerRollupRow"/>, kept by
/// <see cref="Rollup.LedgerRollupKeeper"/>): one grouped read of summary rows, whatever the number of centers or records;
/// money is kept and summed as whole fen, which every database adds exactly.
/// </summary>
public sealed class LedgerRollup(AppDbContext db, PolicyProvider policy)
{
    /// <summary>The keys in the order pages show them.</summary>
    public static IReadOnlyList<string> Keys => LedgerRollupKeys.Ordered;

    private static readonly Dictionary<StandardLevel, string> StandardKeys = new()
    {
        [StandardLevel.International] = StandardsInternational,
        [StandardLevel.National] = StandardsNational,
        [StandardLevel.Industry] = StandardsIndustry,
        [StandardLevel.Local] = StandardsLocal,
        [StandardLevel.Group] = StandardsGroup,
    };

    /// <summary>The years a roll-up may be asked for: a calendar year the ledger can hold, never one a date cannot represent.</summary>
    public const int MinYear = 1900;

    public const int MaxYear = 2100;

    /// <summary>A year outside <see cref="MinYear"/>–<see cref="MaxYear"/> is the caller's error, named by its field.</summary>
    public static Error? CheckYear(int year, string field = "year") =>
        year is < MinYear or > MaxYear ? new Error("validation.range", field, MinYear, MaxYear) : null;

    public async Task<IReadOnlyDictionary<string, decimal>> ForCenterYearAsync(Guid centerId, int year, CancellationToken ct) =>
        (await ComputeAsync(year, [centerId], ct)).GetValueOrDefault(centerId) ?? Zeros();

    /// <summary>Every center's summary for the year, in a fixed number of queries.</summary>
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyDictionary<string, decimal>>> ForYearAsync(int year, CancellationToken ct) =>
        (await ComputeAsync(year, null, ct)).ToDictionary(kv => kv.Key, kv => kv.Value);

    /// <summary>A page of the centers, by name, each with its summary for the year: only that page's kept rows are read.</summary>
    public async Task<PagedResult<CenterYearRollup>> PageForYearAsync(int year, int page, int size, CancellationToken ct)
    {
        var total = await db.Centers.CountAsync(ct);
        var centers = await db.Centers.AsNoTracking().OrderBy(c => c.Name).ThenBy(c => c.Id)
            .Skip((page - 1) * size).Take(size).Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        var sums = await ComputeAsync(year, [.. centers.Select(c => c.Id)], ct);
        return new(centers.Select(c => new CenterYearRollup(c.Id, c.Name, sums[c.Id])).ToList(), page, size, total);
    }

    private static Dictionary<string, decimal> Zeros() => Keys.ToDictionary(k => k, _ => 0m);

    private async Task<Dictionary<Guid, IReadOnlyDictionary<string, decimal>>> ComputeAsync(int year, IReadOnlyCollection<Guid>? only, CancellationToken ct)
    {
        if (CheckYear(year) is not null)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "Callers check the year with CheckYear first.");
        }

        var sums = new Dictionary<Guid, Dictionary<string, decimal>>();
        foreach (var id in await (only is { } some ? db.Centers.AsNoTracking().Where(x => some.Contains(x.Id)) : db.Centers.AsNoTracking()).Select(x => x.Id).ToListAsync(ct))
        {
            sums[id] = Zeros();
        }

        // The year's rows, and the running rows (projects under way, members) up to it, summed per center and figure.
        var rows = db.LedgerRollupRows.AsNoTracking();
        if (only is { Count: 1 })
        {
            var one = only.First();
            rows = rows.Where(r => r.CenterId == one);
        }
        else if (only is not null)
        {
            rows = rows.Where(r => only.Contains(r.CenterId));
        }
        var figures = await rows
            .Where(r => r.Year == year || (r.Running && r.Year <= year))
            .GroupBy(r => new { r.CenterId, r.Figure })
            .Select(g => new { g.Key.CenterId, g.Key.Figure, Value = g.Sum(r => r.Value) })
            .ToListAsync(ct);

        // Policy is applied here, on the raw dimensions, so changing it never leaves a kept row stale.
        var highLevel = policy.Current.Ledger.TalentCategories.Where(t => t.HighLevel).Select(t => t.Code).ToHashSet(StringComparer.Ordinal);
        var crossRegions = policy.Current.RegionScope;
        foreach (var r in figures)
        {
            if (sums.TryGetValue(r.CenterId, out var d))
            {
                Apply(d, r.Figure, r.Value, highLevel, crossRegions);
            }
        }

        return sums.ToDictionary(kv => kv.Key, kv => (IReadOnlyDictionary<string, decimal>)kv.Value);
    }

    private static void Apply(Dictionary<string, decimal> d, string figure, long value, HashSet<string> highLevel, RegionScope crossRegions)
    {
        static string Rest(string figure, string prefix) => figure[prefix.Length..];

        switch (figure)
        {
            case LedgerRollupFigures.IpGranted:
                d[InventionGrants] += value;
                break;
            case LedgerRollupFigures.ProjectsRunning:
                d[ProjectsTotal] += value;
                break;
            case LedgerRollupFigures.ProjectsBreakthroughs:
                d[CommonKeyBreakthroughs] += value;
                break;
            case LedgerRollupFigures.DealsCount:
                d[TransferDeals] += value;
                break;
            case LedgerRollupFigures.DealsSme:
                d[TransferSmeDeals] += value;
                break;
            case LedgerRollupFigures.DealsFirst:
                d[TransferFirstCommercial] += value;
                break;
            case LedgerRollupFigures.DealsValueFen:
                d[TransferContractValueWan] += Money.ToWan(value);
                break;
            case LedgerRollupFigures.ReceiptsFen:
                d[TransferRevenueWan] += Money.ToWan(value);
                break;
            case LedgerRollupFigures.IncubatedCount:
                d[IncubatedEnterprises] += value;
                break;
            case LedgerRollupFigures.SmeServed:
                d[SmeServed] += value;
                break;
            case LedgerRollupFigures.StaffAll:
                d[StaffTotal] += value;
                break;
            case LedgerRollupFigures.StaffRd:
                d[StaffRd] += value;
                break;
            case LedgerRollupFigures.TrainingPersonTimes:
                d[TrainingPersonTimes] += value;
                break;
            case var f when f.StartsWith(LedgerRollupFigures.IpFiled, StringComparison.Ordinal)
                            && Enum.TryParse<IpKind>(Rest(f, LedgerRollupFigures.IpFiled), out var kind):
                switch (kind)
                {
                    // A granted invention was an application too, in the year it was filed.
                    case IpKind.InventionApplication or IpKind.InventionGrant:
                        d[InventionApplications] += value;
                        break;
                    case IpKind.Pct:
                        d[PctApplications] += value;
                        break;
                    case IpKind.UtilityModel:
                        d[UtilityModels] += value;
                        break;
                    case IpKind.SoftwareCopyright:
                        d[SoftwareCopyrights] += value;
                        break;
                }

                break;
            case var f when f.StartsWith(LedgerRollupFigures.StandardsLevel, StringComparison.Ordinal)
                            && Enum.TryParse<StandardLevel>(Rest(f, LedgerRollupFigures.StandardsLevel), out var level)
                            && StandardKeys.TryGetValue(level, out var standardKey):
                d[standardKey] += value;
                break;
            case var f when f.StartsWith(LedgerRollupFigures.TalentCategory, StringComparison.Ordinal):
                if (highLevel.Contains(Rest(f, LedgerRollupFigures.TalentCategory)))
                {
                    d[TalentHighLevel] += value;
                }

                break;
            case var f when f.StartsWith(LedgerRollupFigures.IntlKind, StringComparison.Ordinal)
                            && Enum.TryParse<CooperationKind>(Rest(f, LedgerRollupFigures.IntlKind), out var cooperation):
                d[IntlProjects] += value;
                if (cooperation is CooperationKind.JointRdCenter or CooperationKind.JointLab)
                {
                    d[IntlJointLabs] += value;
                }

                if (cooperation is CooperationKind.TechnologyIntroduction or CooperationKind.TalentIntroduction or CooperationKind.PatentCrossLicence)
                {
                    d[IntlIntroductions] += value;
                }

                break;
            case var f when f.StartsWith(LedgerRollupFigures.MembersRegion, StringComparison.Ordinal)
                            && Rest(f, LedgerRollupFigures.MembersRegion) is var region:
                // Members on the last day of the year; the cross-region figure counts the regions the pack names (RegionScope).
                d[MembersTotal] += value;
                if (crossRegions.IsCrossRegion(region))
                {
                    d[MembersCrossRegion] += value;
                }

                break;
        }
    }
}
