using InnoCenter.Domain.Centers;
using InnoCenter.Domain.Ledger;
using InnoCenter.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Ledger.Rollup;

/// <summary>
/// The raw figures the roll-up keeps, and their computation from the records: per center, year and raw dimension, by
/// grouped queries. The figures are policy-free on purpose — IP by kind, standards by level, talent by category, members
/// by region — so that a policy change (which talent categories are high-level, which regions are cross-region) is
/// applied when the rows are read and never makes the kept rows stale. One family per kind of record, so a write
/// recomputes only the family it touched.
/// </summary>
public static class LedgerRollupFigures
{
    public const string Ip = "ip";
    public const string Projects = "projects";
    public const string Deals = "deals";
    public const string Receipts = "receipts";
    public const string Incubated = "incubated";
    public const string Sme = "sme";
    public const string Standards = "standards";
    public const string Staff = "staff";
    public const string Talent = "talent";
    public const string Training = "training";
    public const string Intl = "intl";
    public const string Members = "members";

    public static readonly IReadOnlyList<string> Families = [Ip, Projects, Deals, Receipts, Incubated, Sme, Standards, Staff, Talent, Training, Intl, Members];

    public const string IpFiled = "ip/filed/";
    public const string IpGranted = "ip/granted";
    public const string ProjectsRunning = "projects/running";
    public const string ProjectsBreakthroughs = "projects/breakthroughs";
    public const string DealsCount = "deals/count";
    public const string DealsSme = "deals/sme";
    public const string DealsFirst = "deals/first";
    public const string DealsValueFen = "deals/value_fen";
    public const string ReceiptsFen = "receipts/fen";
    public const string IncubatedCount = "incubated/count";
    public const string SmeServed = "sme/served";
    public const string StandardsLevel = "standards/";
    public const string StaffAll = "staff/all";
    public const string StaffRd = "staff/rd";
    public const string TalentCategory = "talent/";
    public const string TrainingPersonTimes = "training/person_times";
    public const string IntlKind = "intl/";
    public const string MembersRegion = "members/";

    /// <summary>
    /// A row no center has, left by the migration that created the table: the next start rebuilds the rows from the
    /// records that were there before (the backfill) and removes it.
    /// </summary>
    public const string RebuildPending = "rebuild/pending";

    /// <summary>The family a kept record belongs to; null for every other entity.</summary>
    public static string? FamilyOf(object entity) => entity switch
    {
        IpRecord => Ip,
        RdProject => Projects,
        TransferDeal => Deals,
        DealReceipt => Receipts,
        IncubatedEnterprise => Incubated,
        SmeService => Sme,
        StandardRecord => Standards,
        StaffYear => Staff,
        TalentRecord => Talent,
        TrainingRecord => Training,
        IntlCooperation => Intl,
        CenterMembership => Members,
        _ => null,
    };

    /// <summary>
    /// The rows of one family from the records: for one center and the given years, or (both null) for everything.
    /// A row is returned only where its value is not zero.
    /// </summary>
    public static async Task<List<LedgerRollupRow>> ComputeAsync(
        AppDbContext db, string family, Guid? center, IReadOnlyCollection<int>? years, CancellationToken ct)
    {
        var rows = new List<LedgerRollupRow>();
        var ys = years?.ToList();

        IQueryable<T> Of<T>(IQueryable<T> q)
            where T : LedgerRecord
        {
            q = q.AsNoTracking();
            if (center is { } c)
            {
                q = q.Where(x => x.CenterId == c);
            }

            return ys is null ? q : q.Where(x => ys.Contains(x.Year));
        }

        void Add(Guid c, int year, string figure, long value, bool running = false)
        {
            if (value != 0)
            {
                rows.Add(new LedgerRollupRow(c, year, figure, running, value));
            }
        }

        switch (family)
        {
            case Ip:
            {
                // An IP record's year is its filing year.
                foreach (var r in await Of(db.LedgerIp).GroupBy(x => new { x.CenterId, x.Year, x.Kind })
                             .Select(g => new { g.Key.CenterId, g.Key.Year, g.Key.Kind, Count = g.Count() }).ToListAsync(ct))
                {
                    Add(r.CenterId, r.Year, IpFiled + r.Kind, r.Count);
                }

                var grants = db.LedgerIp.AsNoTracking().Where(x => x.Kind == IpKind.InventionGrant && x.GrantDate != null);
                grants = center is { } c ? grants.Where(x => x.CenterId == c) : grants;
                grants = ys is null ? grants : grants.Where(x => ys.Contains(x.GrantDate!.Value.Year));
                foreach (var r in await grants.GroupBy(x => new { x.CenterId, x.GrantDate!.Value.Year })
                             .Select(g => new { g.Key.CenterId, g.Key.Year, Count = g.Count() }).ToListAsync(ct))
                {
                    Add(r.CenterId, r.Year, IpGranted, r.Count);
                }

                break;
            }

            case Projects:
            {
                // A project runs in every year from its start year to its end year (open-ended: on and on). It adds one in its
                // start year and takes it away in the year after its end; one that ends before the year it starts never runs.
                var all = db.LedgerProjects.AsNoTracking();
                all = center is { } c ? all.Where(x => x.CenterId == c) : all;
                var net = new Dictionary<(Guid, int), long>();
                foreach (var r in await Of(db.LedgerProjects).Where(x => x.EndedOn == null || x.EndedOn.Value.Year >= x.Year)
                             .GroupBy(x => new { x.CenterId, x.Year }).Select(g => new { g.Key.CenterId, g.Key.Year, Count = g.Count() }).ToListAsync(ct))
                {
                    net[(r.CenterId, r.Year)] = net.GetValueOrDefault((r.CenterId, r.Year)) + r.Count;
                }

                var ended = all.Where(x => x.EndedOn != null && x.EndedOn.Value.Year >= x.Year);
                foreach (var r in await (ys is null ? ended : ended.Where(x => ys.Contains(x.EndedOn!.Value.Year + 1)))
                             .GroupBy(x => new { x.CenterId, Year = x.EndedOn!.Value.Year + 1 }).Select(g => new { g.Key.CenterId, g.Key.Year, Count = g.Count() }).ToListAsync(ct))
                {
                    net[(r.CenterId, r.Year)] = net.GetValueOrDefault((r.CenterId, r.Year)) - r.Count;
                }

                foreach (var ((id, y), value) in net)
                {
                    Add(id, y, ProjectsRunning, value, running: true);
                }

                // A breakthrough: a common-key project completed in the year at its target TRL.
                var done = ended.Where(x => x.Type == ProjectType.CommonKey && x.Status == ProjectStatus.Completed && x.TrlReached >= x.TrlTarget);
                foreach (var r in await (ys is null ? done : done.Where(x => ys.Contains(x.EndedOn!.Value.Year)))
                             .GroupBy(x => new { x.CenterId, x.EndedOn!.Value.Year }).Select(g => new { g.Key.CenterId, g.Key.Year, Count = g.Count() }).ToListAsync(ct))
                {
                    Add(r.CenterId, r.Year, ProjectsBreakthroughs, r.Count);
                }

                break;
            }

            case Deals:
                foreach (var r in await Of(db.LedgerDeals).GroupBy(x => new { x.CenterId, x.Year })
                             .Select(g => new
                             {
                                 g.Key.CenterId,
                                 g.Key.Year,
                                 Count = g.Count(),
                                 Sme = g.Count(x => x.IsSme),
                                 First = g.Count(x => x.IsFirstCommercial),
                                 ValueFen = g.Sum(x => x.ContractValueFen),
                             }).ToListAsync(ct))
                {
                    Add(r.CenterId, r.Year, DealsCount, r.Count);
                    Add(r.CenterId, r.Year, DealsSme, r.Sme);
                    Add(r.CenterId, r.Year, DealsFirst, r.First);
                    Add(r.CenterId, r.Year, DealsValueFen, r.ValueFen);
                }

                break;

            case Receipts:
            {
                // Revenue counts in the year it was received, whenever the deal was signed.
                var q = db.LedgerReceipts.AsNoTracking();
                q = center is { } c ? q.Where(x => x.CenterId == c) : q;
                q = ys is null ? q : q.Where(x => ys.Contains(x.Year));
                foreach (var r in await q.GroupBy(x => new { x.CenterId, x.Year })
                             .Select(g => new { g.Key.CenterId, g.Key.Year, Fen = g.Sum(x => x.AmountFen) }).ToListAsync(ct))
                {
                    Add(r.CenterId, r.Year, ReceiptsFen, r.Fen);
                }

                break;
            }

            case Incubated:
                foreach (var r in await Of(db.LedgerIncubated).GroupBy(x => new { x.CenterId, x.Year })
                             .Select(g => new { g.Key.CenterId, g.Key.Year, Count = g.Count() }).ToListAsync(ct))
                {
                    Add(r.CenterId, r.Year, IncubatedCount, r.Count);
                }

                break;

            case Sme:
                // Enterprises, not services, typed in the ledger or known from confirmed SMEs' bookings: each counts once a year.
                foreach (var (smeCenter, year, count) in await SmeServedFigure.ComputeAsync(db, center, ys, ct))
                {
                    Add(smeCenter, year, SmeServed, count);
                }

                break;

            case Standards:
                foreach (var r in await Of(db.LedgerStandards).GroupBy(x => new { x.CenterId, x.Year, x.Level })
                             .Select(g => new { g.Key.CenterId, g.Key.Year, g.Key.Level, Count = g.Count() }).ToListAsync(ct))
                {
                    Add(r.CenterId, r.Year, StandardsLevel + r.Level, r.Count);
                }

                break;

            case Staff:
                foreach (var r in await Of(db.LedgerStaff).GroupBy(x => new { x.CenterId, x.Year })
                             .Select(g => new { g.Key.CenterId, g.Key.Year, All = g.Sum(x => x.AllStaff), Rd = g.Sum(x => x.RdStaff) }).ToListAsync(ct))
                {
                    Add(r.CenterId, r.Year, StaffAll, r.All);
                    Add(r.CenterId, r.Year, StaffRd, r.Rd);
                }

                break;

            case Talent:
                foreach (var r in await Of(db.LedgerTalent).GroupBy(x => new { x.CenterId, x.Year, x.Category })
                             .Select(g => new { g.Key.CenterId, g.Key.Year, g.Key.Category, Headcount = g.Sum(x => x.Headcount) }).ToListAsync(ct))
                {
                    Add(r.CenterId, r.Year, TalentCategory + r.Category, r.Headcount);
                }

                break;

            case Training:
                foreach (var r in await Of(db.LedgerTraining).GroupBy(x => new { x.CenterId, x.Year })
                             .Select(g => new { g.Key.CenterId, g.Key.Year, Times = g.Sum(x => x.PersonTimes) }).ToListAsync(ct))
                {
                    Add(r.CenterId, r.Year, TrainingPersonTimes, r.Times);
                }

                break;

            case Intl:
                foreach (var r in await Of(db.LedgerIntl).GroupBy(x => new { x.CenterId, x.Year, x.Kind })
                             .Select(g => new { g.Key.CenterId, g.Key.Year, g.Key.Kind, Count = g.Count() }).ToListAsync(ct))
                {
                    Add(r.CenterId, r.Year, IntlKind + r.Kind, r.Count);
                }

                break;

            case Members:
            {
                // A member counts in a year when it is one on the year's last day: it adds one in the year it joined and takes
                // it away in the year it left. Periods of one organisation never overlap (a share change closes one period on
                // the day the next begins), so counting periods counts organisations.
                var all = db.CenterMemberships.AsNoTracking();
                all = center is { } c ? all.Where(x => x.CenterId == c) : all;
                var net = new Dictionary<(Guid, int, string), long>();
                var joined = all.Where(m => m.LeftOn == null || m.LeftOn.Value.Year > m.JoinedOn.Year);
                foreach (var r in await (ys is null ? joined : joined.Where(m => ys.Contains(m.JoinedOn.Year)))
                             .GroupBy(m => new { m.CenterId, m.JoinedOn.Year, m.Region }).Select(g => new { g.Key.CenterId, g.Key.Year, g.Key.Region, Count = g.Count() }).ToListAsync(ct))
                {
                    net[(r.CenterId, r.Year, r.Region)] = net.GetValueOrDefault((r.CenterId, r.Year, r.Region)) + r.Count;
                }

                var left = all.Where(m => m.LeftOn != null && m.LeftOn.Value.Year > m.JoinedOn.Year);
                foreach (var r in await (ys is null ? left : left.Where(m => ys.Contains(m.LeftOn!.Value.Year)))
                             .GroupBy(m => new { m.CenterId, m.LeftOn!.Value.Year, m.Region }).Select(g => new { g.Key.CenterId, g.Key.Year, g.Key.Region, Count = g.Count() }).ToListAsync(ct))
                {
                    net[(r.CenterId, r.Year, r.Region)] = net.GetValueOrDefault((r.CenterId, r.Year, r.Region)) - r.Count;
                }

                foreach (var ((id, y, region), value) in net)
                {
                    Add(id, y, MembersRegion + region, value, running: true);
                }

                break;
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(family), family, "Not a roll-up family.");
        }

        return rows;
    }

    /// <summary>The years of a record's values (before or after a change) whose rows of its family depend on it.</summary>
    public static IEnumerable<int> YearsOf(string family, Func<string, object?> value)
    {
        int? YearOf(string property) => value(property) switch
        {
            DateOnly d => d.Year,
            int y => y,
            _ => null,
        };

        IEnumerable<int?> years = family switch
        {
            Ip => [YearOf("Year"), YearOf("GrantDate")],
            Projects => [YearOf("Year"), YearOf("EndedOn"), YearOf("EndedOn") + 1],
            Members => [YearOf("JoinedOn"), YearOf("LeftOn")],
            _ => [YearOf("Year")],
        };
        return years.Where(y => y is not null).Select(y => y!.Value);
    }
}
