using InnoCenter.Domain.Assessment;
using InnoCenter.Domain.Centers;
using InnoCenter.Domain.Common;
using InnoCenter.Domain.Ledger;
using InnoCenter.Domain.Organizations;
using InnoCenter.Web.Data;
using InnoCenter.Web.Features.Ledger;
using InnoCenter.Web.Infrastructure.Policy;
using Microsoft.EntityFrameworkCore;

using static InnoCenter.Domain.Assessment.LedgerRollupKeys;

namespace InnoCenter.Web.Tests.Ledger;

/// <summary>
/// The oracle of the kept roll-up: the roll-up as it was computed before it was kept, by grouped scans of the records
/// themselves (moved here unchanged). The yearly summary of each center's ledger, in the figures the assessment's indicators read, keyed by
/// <see cref="LedgerRollupKeys"/>. Computed by grouped queries — one per ledger table, whatever the number of centers or records — and money
/// is summed as whole fen, which every database adds exactly.
/// </summary>
public sealed class LedgerRollupScan(AppDbContext db, PolicyProvider policy)
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
        (await ComputeAsync(year, centerId, ct)).GetValueOrDefault(centerId) ?? Zeros();

    /// <summary>Every center's summary for the year, in a fixed number of queries.</summary>
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyDictionary<string, decimal>>> ForYearAsync(int year, CancellationToken ct) =>
        (await ComputeAsync(year, null, ct)).ToDictionary(kv => kv.Key, kv => kv.Value);

    private static Dictionary<string, decimal> Zeros() => Keys.ToDictionary(k => k, _ => 0m);

    private async Task<Dictionary<Guid, IReadOnlyDictionary<string, decimal>>> ComputeAsync(int year, Guid? only, CancellationToken ct)
    {
        if (CheckYear(year) is not null)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "Callers check the year with CheckYear first.");
        }

        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var sums = new Dictionary<Guid, Dictionary<string, decimal>>();
        Dictionary<string, decimal> Of(Guid center)
        {
            if (!sums.TryGetValue(center, out var d))
            {
                d = Zeros();
                sums[center] = d;
            }

            return d;
        }

        IQueryable<T> Scoped<T>(IQueryable<T> q, Func<IQueryable<T>, Guid, IQueryable<T>> byCenter) => only is { } c ? byCenter(q, c) : q;

        foreach (var id in await Scoped(db.Centers.AsNoTracking(), (q, c) => q.Where(x => x.Id == c)).Select(x => x.Id).ToListAsync(ct))
        {
            Of(id);
        }

        // IP: applications count in the year they were filed, grants in the year they were granted — two grouped reads, each
        // answered from an index (filing date with center and kind; kind and grant date with center).
        var filed = await Scoped(db.LedgerIp.AsNoTracking(), (q, c) => q.Where(x => x.CenterId == c))
            .Where(x => x.FilingDate >= from && x.FilingDate <= to)
            .GroupBy(x => new { x.CenterId, x.Kind })
            .Select(g => new { g.Key.CenterId, g.Key.Kind, Count = g.Count() })
            .ToListAsync(ct);
        foreach (var r in filed)
        {
            var d = Of(r.CenterId);
            switch (r.Kind)
            {
                // A granted invention was an application too, in the year it was filed.
                case IpKind.InventionApplication or IpKind.InventionGrant:
                    d[InventionApplications] += r.Count;
                    break;
                case IpKind.Pct:
                    d[PctApplications] += r.Count;
                    break;
                case IpKind.UtilityModel:
                    d[UtilityModels] += r.Count;
                    break;
                case IpKind.SoftwareCopyright:
                    d[SoftwareCopyrights] += r.Count;
                    break;
            }
        }

        var granted = await Scoped(db.LedgerIp.AsNoTracking(), (q, c) => q.Where(x => x.CenterId == c))
            .Where(x => x.Kind == IpKind.InventionGrant && x.GrantDate >= from && x.GrantDate <= to)
            .GroupBy(x => x.CenterId)
            .Select(g => new { CenterId = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        foreach (var r in granted)
        {
            Of(r.CenterId)[InventionGrants] += r.Count;
        }

        // Projects: those running at any time in the year; breakthroughs: common-key projects completed in it at their target TRL.
        var projects = await Scoped(db.LedgerProjects.AsNoTracking(), (q, c) => q.Where(x => x.CenterId == c))
            .Where(x => x.StartedOn <= to && (x.EndedOn == null || x.EndedOn >= from))
            .GroupBy(x => x.CenterId)
            .Select(g => new
            {
                CenterId = g.Key,
                Total = g.Count(),
                Breakthroughs = g.Count(x => x.Type == ProjectType.CommonKey && x.Status == ProjectStatus.Completed
                                             && x.EndedOn >= from && x.EndedOn <= to && x.TrlReached >= x.TrlTarget),
            })
            .ToListAsync(ct);
        foreach (var r in projects)
        {
            Of(r.CenterId)[ProjectsTotal] = r.Total;
            Of(r.CenterId)[CommonKeyBreakthroughs] = r.Breakthroughs;
        }

        var deals = await Scoped(db.LedgerDeals.AsNoTracking(), (q, c) => q.Where(x => x.CenterId == c))
            .Where(x => x.Year == year)
            .GroupBy(x => x.CenterId)
            .Select(g => new
            {
                CenterId = g.Key,
                Count = g.Count(),
                Sme = g.Count(x => x.IsSme),
                First = g.Count(x => x.IsFirstCommercial),
                ValueFen = g.Sum(x => x.ContractValueFen),
            })
            .ToListAsync(ct);
        foreach (var r in deals)
        {
            var d = Of(r.CenterId);
            d[TransferDeals] = r.Count;
            d[TransferSmeDeals] = r.Sme;
            d[TransferFirstCommercial] = r.First;
            d[TransferContractValueWan] = Money.ToWan(r.ValueFen);
        }

        // Revenue counts in the year it was received, whenever the deal was signed.
        var revenue = await Scoped(db.LedgerReceipts.AsNoTracking(), (q, c) => q.Where(x => x.CenterId == c))
            .Where(x => x.Year == year)
            .GroupBy(x => x.CenterId)
            .Select(g => new { CenterId = g.Key, Fen = g.Sum(x => x.AmountFen) })
            .ToListAsync(ct);
        foreach (var r in revenue)
        {
            Of(r.CenterId)[TransferRevenueWan] = Money.ToWan(r.Fen);
        }

        var incubated = await Scoped(db.LedgerIncubated.AsNoTracking(), (q, c) => q.Where(x => x.CenterId == c))
            .Where(x => x.Year == year).GroupBy(x => x.CenterId).Select(g => new { CenterId = g.Key, Count = g.Count() }).ToListAsync(ct);
        foreach (var r in incubated)
        {
            Of(r.CenterId)[IncubatedEnterprises] = r.Count;
        }

        var served = await Scoped(db.LedgerSmeServices.AsNoTracking(), (q, c) => q.Where(x => x.CenterId == c))
            .Where(x => x.Year == year).GroupBy(x => x.CenterId)
            .Select(g => new { CenterId = g.Key, Count = g.Select(x => x.EnterpriseKey).Distinct().Count() }).ToListAsync(ct);
        foreach (var r in served)
        {
            Of(r.CenterId)[SmeServed] = r.Count;
        }

        var standards = await Scoped(db.LedgerStandards.AsNoTracking(), (q, c) => q.Where(x => x.CenterId == c))
            .Where(x => x.Year == year).GroupBy(x => new { x.CenterId, x.Level })
            .Select(g => new { g.Key.CenterId, g.Key.Level, Count = g.Count() }).ToListAsync(ct);
        foreach (var r in standards)
        {
            Of(r.CenterId)[StandardKeys[r.Level]] = r.Count;
        }

        var staff = await Scoped(db.LedgerStaff.AsNoTracking(), (q, c) => q.Where(x => x.CenterId == c))
            .Where(x => x.Year == year).Select(x => new { x.CenterId, x.AllStaff, x.RdStaff }).ToListAsync(ct);
        foreach (var r in staff)
        {
            Of(r.CenterId)[StaffTotal] = r.AllStaff;
            Of(r.CenterId)[StaffRd] = r.RdStaff;
        }

        var highLevel = policy.Current.Ledger.TalentCategories.Where(c => c.HighLevel).Select(c => c.Code).ToList();
        var talent = await Scoped(db.LedgerTalent.AsNoTracking(), (q, c) => q.Where(x => x.CenterId == c))
            .Where(x => x.Year == year && highLevel.Contains(x.Category)).GroupBy(x => x.CenterId)
            .Select(g => new { CenterId = g.Key, Headcount = g.Sum(x => x.Headcount) }).ToListAsync(ct);
        foreach (var r in talent)
        {
            Of(r.CenterId)[TalentHighLevel] = r.Headcount;
        }

        var training = await Scoped(db.LedgerTraining.AsNoTracking(), (q, c) => q.Where(x => x.CenterId == c))
            .Where(x => x.Year == year).GroupBy(x => x.CenterId)
            .Select(g => new { CenterId = g.Key, Times = g.Sum(x => x.PersonTimes) }).ToListAsync(ct);
        foreach (var r in training)
        {
            Of(r.CenterId)[TrainingPersonTimes] = r.Times;
        }

        var intl = await Scoped(db.LedgerIntl.AsNoTracking(), (q, c) => q.Where(x => x.CenterId == c))
            .Where(x => x.Year == year).GroupBy(x => new { x.CenterId, x.Kind })
            .Select(g => new { g.Key.CenterId, g.Key.Kind, Count = g.Count() }).ToListAsync(ct);
        foreach (var r in intl)
        {
            var d = Of(r.CenterId);
            d[IntlProjects] += r.Count;
            if (r.Kind is CooperationKind.JointRdCenter or CooperationKind.JointLab)
            {
                d[IntlJointLabs] += r.Count;
            }

            if (r.Kind is CooperationKind.TechnologyIntroduction or CooperationKind.TalentIntroduction or CooperationKind.PatentCrossLicence)
            {
                d[IntlIntroductions] += r.Count;
            }
        }

        // Members on the last day of the year; the cross-region view counts the regions the policy names (京津冀: Beijing, Hebei).
        var crossRegions = (policy.Current.RegionScope.CrossCodes ?? []).ToList();
        var members = await Scoped(db.CenterMemberships.AsNoTracking(), (q, c) => q.Where(x => x.CenterId == c))
            .Where(m => m.JoinedOn <= to && (m.LeftOn == null || m.LeftOn > to))
            .GroupBy(m => m.CenterId)
            .Select(g => new
            {
                CenterId = g.Key,
                Total = g.Select(m => m.OrganizationId).Distinct().Count(),
                Cross = g.Where(m => crossRegions.Contains(m.Region)).Select(m => m.OrganizationId).Distinct().Count(),
            })
            .ToListAsync(ct);
        foreach (var r in members)
        {
            Of(r.CenterId)[MembersTotal] = r.Total;
            Of(r.CenterId)[MembersCrossRegion] = r.Cross;
        }

        return sums.ToDictionary(kv => kv.Key, kv => (IReadOnlyDictionary<string, decimal>)kv.Value);
    }
}
