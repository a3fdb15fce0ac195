using InnoCenter.Domain.Policy;
using InnoCenter.Domain.Resources;
using InnoCenter.Web.Data;
using InnoCenter.Web.Features.Assessment;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Resources;

/// <summary>
/// Fills the assessment indicators the cycle's pack names in <c>resources.reportIndicators</c> (共享资源对外服务机时,
/// say) from the year's usage records, summed by the database: the completed bookings that started in the year (Beijing
/// time), their hours used, split by who used them. A center with no resource catalogued by the year's end is not
/// filled: its resources are not on the platform, so it enters the value itself.
/// </summary>
public sealed class ResourceReportPrefill(AppDbContext db) : IReportPrefill
{
    public IReadOnlyCollection<string> CodesFor(PolicyPack pack) => pack.Resources.ReportIndicators.Select(i => i.Indicator).ToList();

    public async Task<IReadOnlyDictionary<Guid, IReadOnlyDictionary<string, decimal>>> ValuesAsync(
        PolicyPack pack, int year, IReadOnlyCollection<Guid> centerIds, CancellationToken ct)
    {
        var result = new Dictionary<Guid, Dictionary<string, decimal>>();
        if (pack.Resources.ReportIndicators.Count == 0 || centerIds.Count == 0)
        {
            return new Dictionary<Guid, IReadOnlyDictionary<string, decimal>>();
        }

        var (from, to) = ResourceFigures.YearBounds(year);
        var ids = centerIds.ToList();
        var catalogued = await db.ResearchResources.AsNoTracking()
            .Where(r => ids.Contains(r.CenterId) && r.CreatedAt < to).Select(r => r.CenterId).Distinct().ToListAsync(ct);
        foreach (var indicator in pack.Resources.ReportIndicators)
        {
            var figures = await SumsAsync(ids, from, to, indicator.Categories, ct);
            foreach (var center in catalogued)
            {
                var f = figures.GetValueOrDefault(center);
                decimal? value = indicator.Figure switch
                {
                    ResourceReportIndicator.ExternalHours => decimal.Round(f.External / 60m, 2),
                    ResourceReportIndicator.UsedHours => decimal.Round(f.Used / 60m, 2),
                    ResourceReportIndicator.SharingRatePercent => f.Used == 0 ? null : decimal.Round(f.External * 100m / f.Used, 1),
                    _ => null,
                };
                if (value is { } v)
                {
                    if (!result.TryGetValue(center, out var values))
                    {
                        result[center] = values = new Dictionary<string, decimal>(StringComparer.Ordinal);
                    }

                    values[indicator.Indicator] = v;
                }
            }
        }

        return result.ToDictionary(kv => kv.Key, kv => (IReadOnlyDictionary<string, decimal>)kv.Value);
    }

    /// <summary>Minutes used and minutes used by others than the owner, per center, over the given categories (all when none).</summary>
    private async Task<Dictionary<Guid, (long Used, long External)>> SumsAsync(
        List<Guid> centers, DateTimeOffset from, DateTimeOffset to, IReadOnlyList<string> categories, CancellationToken ct)
    {
        var bookings = db.ResourceBookings.AsNoTracking()
            .Where(b => centers.Contains(b.CenterId) && b.Status == BookingStatus.Completed && b.Starts >= from && b.Starts < to);
        if (categories.Count > 0)
        {
            var cats = categories.ToList();
            bookings = bookings.Where(b => db.ResearchResources.Any(r => r.Id == b.ResourceId && cats.Contains(r.Category)));
        }

        var sums = await bookings.GroupBy(b => b.CenterId).Select(g => new
        {
            g.Key,
            Used = g.Sum(b => (long)(b.UsedMinutes ?? 0)),
            External = g.Sum(b => b.BookerKind != BookerKind.Owner ? (long)(b.UsedMinutes ?? 0) : 0L),
        }).ToListAsync(ct);
        return sums.ToDictionary(s => s.Key, s => (s.Used, s.External));
    }
}
