using InnoCenter.Domain.Common;
using InnoCenter.Domain.Resources;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Resources;

/// <summary>Figures per resource, owner or center for a year, summed by the database over whole minutes and fen.</summary>
public sealed record ResourceFigureRow(
    Guid Key,
    string Name,
    int BookedMinutes,
    int UsedMinutes,
    int MemberMinutes,
    int OutsideMinutes,
    long IncomeFen,
    long AvailableMinutes = 0)
{
    /// <summary>可用机时: opening hours less blackouts in the year (<see cref="Domain.Resources.AvailableHours"/>).</summary>
    public decimal AvailableHours => decimal.Round(AvailableMinutes / 60m, 2);

    /// <summary>有效工作机时</summary>
    public decimal UsedHours => decimal.Round(UsedMinutes / 60m, 2);

    public decimal BookedHours => decimal.Round(BookedMinutes / 60m, 2);

    /// <summary>对外服务机时: hours used by others than the owner (members and outside organisations).</summary>
    public decimal ExternalHours => decimal.Round((MemberMinutes + OutsideMinutes) / 60m, 2);

    public decimal MemberHours => decimal.Round(MemberMinutes / 60m, 2);

    public decimal OutsideHours => decimal.Round(OutsideMinutes / 60m, 2);

    /// <summary>共享率 = 对外服务机时 ÷ 有效工作机时, in percent; null where nothing was used.</summary>
    public decimal? SharingRatePercent => UsedMinutes == 0 ? null : decimal.Round((MemberMinutes + OutsideMinutes) * 100m / UsedMinutes, 1);

    /// <summary>服务收入 in yuan.</summary>
    public decimal Income => IncomeFen / 100m;
}

public sealed record StatementLine(
    Guid BookingId, string ResourceName, DateTimeOffset Starts, DateTimeOffset Ends, BookingStatus Status, bool LateCancel,
    FeeRate Rate, FeeUnit FeeUnit, decimal UnitFee, int? UsedMinutes, int? Samples, decimal Charge)
{
    public decimal? UsedHours => UsedMinutes is { } m ? decimal.Round(m / 60m, 2) : null;
}

public sealed record Statement(Guid OrganizationId, string OrganizationName, int Year, int Month, IReadOnlyList<StatementLine> Lines, decimal Total);

public enum FigureGrouping
{
    Resource,
    Owner,
    Center,
}

public sealed class ResourceFigures(AppDbContext db, ResourceAccess access, ResourceAvailability availability)
{
    /// <summary>The year's figures grouped as asked, over the bookings the user may see (all for an Admin).</summary>
    public async Task<Result<IReadOnlyList<ResourceFigureRow>>> ForYearAsync(int year, FigureGrouping by, Guid? centerId, CancellationToken ct)
    {
        var sums = await SumsAsync(year, by, centerId, ct);
        if (!sums.IsSuccess)
        {
            return sums.Failure!;
        }

        var rows = await NamedAsync(by, await sums.Value.ToListAsync(ct), year, ct);
        return rows.OrderByDescending(r => r.UsedMinutes).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>A page of the year's figures, most used first, sorted and cut by the database (the statement page's table).</summary>
    public async Task<Result<PagedResult<ResourceFigureRow>>> PageForYearAsync(int year, FigureGrouping by, Guid? centerId, int? page, int? pageSize, CancellationToken ct)
    {
        var sums = await SumsAsync(year, by, centerId, ct);
        if (!sums.IsSuccess)
        {
            return sums.Failure!;
        }

        var (p, size) = Paging.Normalize(page, pageSize);
        if (by == FigureGrouping.Resource && centerId is null && access.IsAdmin)
        {
            return await AllResourcesPageAsync(year, p, size, ct);
        }

        var total = await sums.Value.CountAsync(ct);
        var named = by switch
        {
            FigureGrouping.Owner => sums.Value.Select(s => new { Sum = s, Name = db.Organizations.Where(o => o.Id == s.Key).Select(o => o.Name).FirstOrDefault() }),
            FigureGrouping.Center => sums.Value.Select(s => new { Sum = s, Name = db.Centers.Where(o => o.Id == s.Key).Select(o => o.Name).FirstOrDefault() }),
            _ => sums.Value.Select(s => new { Sum = s, Name = db.ResearchResources.Where(o => o.Id == s.Key).Select(o => o.Name).FirstOrDefault() }),
        };
        var items = await named.OrderByDescending(x => x.Sum.Used).ThenBy(x => x.Name).ThenBy(x => x.Sum.Key)
            .Skip((p - 1) * size).Take(size).Select(x => x.Sum).ToListAsync(ct);
        var rows = await NamedAsync(by, items, year, ct);
        return new PagedResult<ResourceFigureRow>(rows, p, size, total);
    }

    /// <summary>
    /// The page of every resource (an Admin's statement page): the kept lead rows, one per resource, carry its used minutes
    /// and name, so the page's keys come in order from their index and only the page's rows are summed; the same order
    /// and count as grouping every row.
    /// </summary>
    private async Task<PagedResult<ResourceFigureRow>> AllResourcesPageAsync(int year, int p, int size, CancellationToken ct)
    {
        var leads = db.ResourceYearFigures.AsNoTracking().Where(f => f.Year == year && f.Lead);
        var total = await leads.CountAsync(ct);
        var keys = await leads.OrderByDescending(f => f.ResourceUsedMinutes).ThenBy(f => f.ResourceName).ThenBy(f => f.ResourceId)
            .Skip((p - 1) * size).Take(size).Select(f => f.ResourceId).ToListAsync(ct);
        var page = await Grouped(db.ResourceYearFigures.AsNoTracking().Where(f => f.Year == year && keys.Contains(f.ResourceId)), FigureGrouping.Resource)
            .ToDictionaryAsync(s => s.Key, ct);
        var rows = await NamedAsync(FigureGrouping.Resource, [.. keys.Where(page.ContainsKey).Select(k => page[k])], year, ct);
        return new PagedResult<ResourceFigureRow>(rows, p, size, total);
    }

    private async Task<Result<IQueryable<FigureSum>>> SumsAsync(int year, FigureGrouping by, Guid? centerId, CancellationToken ct)
    {
        if (year is < 2000 or > 2200)
        {
            return Failure.Validation(new Error("resources.year_invalid", "year"));
        }

        if (!access.IsAdmin && access.OrganizationId is null)
        {
            return Failure.Forbidden();
        }

        // Kept by the writes (ResourceFigureKeeper): rows per resource, owner and year, not the year's bookings.
        var q = db.ResourceYearFigures.AsNoTracking().Where(f => f.Year == year);
        if (!access.IsAdmin)
        {
            var org = access.OrganizationId ?? Guid.Empty;
            var centers = await access.CentersEditedAsync(ct);
            q = q.Where(f => f.OwnerOrganizationId == org || centers.Contains(f.CenterId));
        }

        if (centerId is { } c)
        {
            q = q.Where(f => f.CenterId == c);
        }

        return Result<IQueryable<FigureSum>>.Ok(Grouped(q, by));
    }

    private static IQueryable<FigureSum> Grouped(IQueryable<ResourceYearFigure> q, FigureGrouping by)
    {
        var grouped = by switch
        {
            FigureGrouping.Owner => q.GroupBy(f => f.OwnerOrganizationId),
            FigureGrouping.Center => q.GroupBy(f => f.CenterId),
            _ => q.GroupBy(f => f.ResourceId),
        };
        return grouped.Select(g => new FigureSum
        {
            Key = g.Key,
            Booked = g.Sum(f => f.BookedMinutes),
            Used = g.Sum(f => f.UsedMinutes),
            Member = g.Sum(f => f.MemberMinutes),
            Outside = g.Sum(f => f.OutsideMinutes),
            Income = g.Sum(f => f.IncomeFen),
        });
    }

    /// <summary>The rows of the sums with their names and the kept availability (可用机时) of the year.</summary>
    private async Task<List<ResourceFigureRow>> NamedAsync(FigureGrouping by, List<FigureSum> sums, int year, CancellationToken ct)
    {
        var keys = sums.Select(s => s.Key).ToList();
        var names = keys.Count > ResourceAvailability.WholeYearAbove && by != FigureGrouping.Owner ? await AllNamesAsync(by, ct) : by switch
        {
            FigureGrouping.Owner => await db.Organizations.AsNoTracking().Where(o => keys.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct),
            FigureGrouping.Center => await db.Centers.AsNoTracking().Where(o => keys.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct),
            _ => await db.ResearchResources.AsNoTracking().Where(o => keys.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct),
        };
        var available = await availability.MinutesAsync(by, keys, year, ct);
        return sums.Select(s => new ResourceFigureRow(s.Key, names.GetValueOrDefault(s.Key, s.Key.ToString()), (int)s.Booked, (int)s.Used, (int)s.Member, (int)s.Outside, s.Income, available.GetValueOrDefault(s.Key))).ToList();
    }

    /// <summary>Every center's or resource's name (a thousand centers, a few thousand resources): read whole rather than by a list of keys.</summary>
    private Task<Dictionary<Guid, string>> AllNamesAsync(FigureGrouping by, CancellationToken ct) => by == FigureGrouping.Center
        ? db.Centers.AsNoTracking().Select(o => new { o.Id, o.Name }).ToDictionaryAsync(o => o.Id, o => o.Name, ct)
        : db.ResearchResources.AsNoTracking().Select(o => new { o.Id, o.Name }).ToDictionaryAsync(o => o.Id, o => o.Name, ct);

    private sealed class FigureSum
    {
        public Guid Key { get; init; }

        public long Booked { get; init; }

        public long Used { get; init; }

        public long Member { get; init; }

        public long Outside { get; init; }

        public long Income { get; init; }
    }

    /// <summary>The monthly statement (对账单) of an organisation: every charged booking that started in the month.</summary>
    public async Task<Result<Statement>> StatementAsync(Guid organizationId, int year, int month, CancellationToken ct)
    {
        if (year is < 2000 or > 2200 || month is < 1 or > 12)
        {
            return access.IsAdmin || access.OrganizationId == organizationId
                ? Failure.Validation(new Error("resources.month_invalid", "month"))
                : Failure.Forbidden();
        }

        if (!access.IsAdmin && access.OrganizationId != organizationId && !await ManagesAllChargesAsync(organizationId, year, month, ct))
        {
            return Failure.Forbidden();
        }

        var name = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId).Select(o => o.Name).FirstOrDefaultAsync(ct);
        if (name is null)
        {
            return Failure.NotFound("organization.not_found");
        }

        var q = StatementQuery(organizationId, year, month);
        var totalFen = await q.SumAsync(b => b.ChargeFen, ct);
        var lines = await Lines(q).Take(2000).ToListAsync(ct);
        return new Statement(organizationId, name, year, month, lines, totalFen / 100m);
    }

    public IAsyncEnumerable<StatementLine> StreamStatement(Guid organizationId, int year, int month) =>
        Lines(StatementQuery(organizationId, year, month)).AsAsyncEnumerable();

    public static (DateTimeOffset From, DateTimeOffset To) YearBounds(int year) =>
        (BeijingTime.At(new DateOnly(year, 1, 1), TimeSpan.Zero), BeijingTime.At(new DateOnly(year + 1, 1, 1), TimeSpan.Zero));

    public static (DateTimeOffset From, DateTimeOffset To) MonthBounds(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return (BeijingTime.At(first, TimeSpan.Zero), BeijingTime.At(first.AddMonths(1), TimeSpan.Zero));
    }

    /// <summary>
    /// Whether the user runs every resource charged on the statement (its owner's users or its center's staff): they see
    /// the statement and record it paid. A statement charged by several owners is theirs only together (or an Admin's),
    /// so nobody records another owner's money as received.
    /// </summary>
    public async Task<bool> ManagesAllChargesAsync(Guid organizationId, int year, int month, CancellationToken ct)
    {
        if (access.OrganizationId is null)
        {
            return false;
        }

        var charged = await StatementQuery(organizationId, year, month).Where(b => b.ChargeFen > 0)
            .Select(b => new { b.CenterId, b.OwnerOrganizationId }).Distinct().Take(100).ToListAsync(ct);
        return charged.Count > 0 && await access.ManagesAllAsync(charged.Select(c => (c.CenterId, c.OwnerOrganizationId)), ct);
    }

    /// <summary>The bookings a monthly statement charges: completed, no-shows and late cancellations that started in the month.</summary>
    public IQueryable<ResourceBooking> StatementQuery(Guid? organizationId, int year, int month)
    {
        var (from, to) = MonthBounds(year, month);
        var q = Charged(db.ResourceBookings.AsNoTracking()).Where(b => b.Starts >= from && b.Starts < to);
        return organizationId is { } org ? q.Where(b => b.BookerOrganizationId == org) : q;
    }

    /// <summary>The bookings a statement charges, whatever their month: completed, no-shows and late cancellations.</summary>
    public static IQueryable<ResourceBooking> Charged(IQueryable<ResourceBooking> q) =>
        q.Where(b => b.Status == BookingStatus.Completed || b.Status == BookingStatus.NoShow || (b.Status == BookingStatus.Cancelled && b.LateCancel));

    private IQueryable<StatementLine> Lines(IQueryable<ResourceBooking> q) =>
        from b in q
        join r in db.ResearchResources on b.ResourceId equals r.Id
        orderby b.Starts, b.Id
        select new StatementLine(b.Id, r.Name, b.Starts, b.Ends, b.Status, b.LateCancel, b.Rate, b.FeeUnit, b.UnitFee, b.UsedMinutes, b.Samples, b.Charge);

    public IReadOnlyList<SheetColumn> StatementColumns(Text text) =>
        new[] { "resources.resource", "resources.starts", "resources.ends", "resources.status", "resources.rate", "resources.unitFee", "resources.usedHours", "resources.samples", "resources.charge" }
            .Select(k => new SheetColumn(text[k])).ToList();

    public static IDictionary<string, object?> StatementRow(StatementLine l, Text text) => new Dictionary<string, object?>
    {
        [text["resources.resource"]] = l.ResourceName,
        [text["resources.starts"]] = l.Starts.ToBeijing(),
        [text["resources.ends"]] = l.Ends.ToBeijing(),
        [text["resources.status"]] = text[$"resources.status.{l.Status}"] + (l.LateCancel ? " (" + text["resources.lateCancel"] + ")" : string.Empty),
        [text["resources.rate"]] = text[$"resources.rate.{l.Rate}"],
        [text["resources.unitFee"]] = l.UnitFee,
        [text["resources.usedHours"]] = l.UsedHours,
        [text["resources.samples"]] = l.Samples,
        [text["resources.charge"]] = l.Charge,
    };
}
