using InnoCenter.Domain.Centers;
using InnoCenter.Web.Data;
using InnoCenter.Web.Features.Centers;
using InnoCenter.Web.Features.Notices;
using InnoCenter.Web.Features.Assessment;
using InnoCenter.Web.Features.Ledger.Rollup;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Policy;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Portal;

/// <summary>A recognised center on the home page with its key figures from the kept roll-up.</summary>
public sealed record HomeCenter(Guid Id, string Name, CenterStatus Status, DateOnly ApprovedOn, long Members, long IpFiled, decimal TransferIncome);

public sealed record PortalHome(
    string ProgrammeName,
    IReadOnlyList<NoticeHeading> Notices,
    IReadOnlyList<AssessmentNoticeRow> Results,
    IReadOnlyList<PublicCaseRow> FeaturedCases,
    IReadOnlyList<HomeCenter> Centers,
    IReadOnlyList<DocumentRow> Documents,
    DateTimeOffset? LastUpdated);

/// <summary>
/// The public home page in a handful of queries: the latest notices and results, featured cases, the recognised
/// centers with their figures read from the roll-up rows (never the ledger), the policy documents, and when any of
/// them last changed.
/// </summary>
public sealed class PortalHomeQueries(
    AppDbContext db, NoticeQueries publicNotices, ScorecardQueries assessment, PublicCaseQueries cases,
    PublicDocumentQueries documents, PolicyProvider policy, TimeProvider clock)
{
    public const int Take = 6;

    public async Task<PortalHome> GetAsync(CancellationToken ct)
    {
        var notices = await publicNotices.LatestHeadingsAsync(Take, ct);
        var results = (await assessment.NoticeListAsync(ct)).Take(Take).ToList();
        var featured = await cases.FeaturedAsync(Take, ct);
        if (featured.Count == 0)
        {
            featured = await cases.LatestAsync(Take, ct);
        }

        var docs = await documents.LatestAsync(Take, ct);
        var centers = await CentersAsync(ct);
        var caseUpdated = await db.PortalCases.Where(c => c.PublishedAt != null).MaxAsync(c => c.PublishedAt, ct);
        var stamps = new List<DateTimeOffset?>
        {
            caseUpdated,
            docs.Count > 0 ? docs.Max(d => d.PublishedAt) : null,
            results.Count > 0 ? results.Max(r => r.PublishedAt) : null,
            notices.Count > 0 ? StartOfDay(notices.Max(n => n.StartsOn)) : null,
        };
        var last = stamps.Where(s => s is not null).Select(s => s!.Value).DefaultIfEmpty().Max();
        return new PortalHome(
            policy.Current.Applications.ProgrammeName.For(LocalizationSetup.IsEnglish), notices, results, featured, centers, docs,
            last == default ? null : last);
    }

    /// <summary>
    /// Has nothing new (notice, results, case, document) reached the home page for the pack's <c>portal.freshnessDays</c>?
    /// Four indexed MAX reads, cheap enough for the Admin's workbench.
    /// </summary>
    public async Task<bool> IsStaleAsync(CancellationToken ct)
    {
        var since = clock.GetUtcNow() - TimeSpan.FromDays(policy.Current.Portal.FreshnessDays);
        var sinceDay = since.BeijingDate();
        var fresh = await db.PortalCases.AnyAsync(c => c.PublishedAt != null && c.PublishedAt > since, ct)
                    || await db.PortalDocuments.AnyAsync(d => d.PublishedAt > since && d.WithdrawnAt == null, ct)
                    || await db.Applications.AnyAsync(a => a.NoticeStartsOn != null && a.NoticeStartsOn > sinceDay, ct)
                    || await db.AssessmentCycles.AnyAsync(c => c.PublishedAt != null && c.PublishedAt > since, ct);
        return !fresh;
    }

    private async Task<IReadOnlyList<HomeCenter>> CentersAsync(CancellationToken ct)
    {
        var centers = await db.Centers.AsNoTracking()
            .Where(c => c.Status != CenterStatus.Revoked)
            .OrderByDescending(c => c.ApprovedOn).ThenBy(c => c.Name).Take(Take)
            .Select(c => new { c.Id, c.Name, c.Status, c.ApprovedOn }).ToListAsync(ct);
        var ids = centers.Select(c => c.Id).ToList();
        var year = clock.TodayInBeijing().Year;
        // One grouped read of the kept rows: member changes (running), IP filed per year, receipts in fen.
        var sums = await db.LedgerRollupRows.AsNoTracking()
            .Where(r => ids.Contains(r.CenterId) && r.Year <= year
                        && (r.Figure.StartsWith(LedgerRollupFigures.MembersRegion) || r.Figure.StartsWith(LedgerRollupFigures.IpFiled) || r.Figure == LedgerRollupFigures.ReceiptsFen))
            .GroupBy(r => new { r.CenterId, r.Figure })
            .Select(g => new { g.Key.CenterId, g.Key.Figure, Value = g.Sum(r => r.Value) })
            .ToListAsync(ct);
        long Sum(Guid id, Func<string, bool> figure) => sums.Where(s => s.CenterId == id && figure(s.Figure)).Sum(s => s.Value);
        return centers.Select(c => new HomeCenter(
            c.Id, c.Name, c.Status, c.ApprovedOn,
            Sum(c.Id, f => f.StartsWith(LedgerRollupFigures.MembersRegion, StringComparison.Ordinal)),
            Sum(c.Id, f => f.StartsWith(LedgerRollupFigures.IpFiled, StringComparison.Ordinal)),
            Sum(c.Id, f => f == LedgerRollupFigures.ReceiptsFen) / 100m)).ToList();
    }

    private static DateTimeOffset StartOfDay(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), LocalizationSetup.Beijing.BaseUtcOffset).ToUniversalTime();
}
