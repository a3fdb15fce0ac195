using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Domain.Funds;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Funds;

/// <summary>
/// The daily warning sweep (预警): computes every warning over all grants at once (the set-based queries of
/// <see cref="FundWarnings"/>, in Chinese and in English) and brings the stored set in step in one transaction — new
/// warnings raised, lasting ones refreshed only where a figure moved, vanished ones marked resolved with their follow-up
/// kept. Under the database lease, so of several nodes one sweeps; running it twice changes nothing the second time.
/// </summary>
public sealed class FundWarningSweep(AppDbContext db, FundWarnings warnings, JobLeases leases, TimeProvider clock)
{
    public const string LeaseName = "fund-warnings";

    private static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(30);

    public sealed record Outcome(int Raised, int Refreshed, int Resolved);

    /// <summary>One sweep; null when another node holds the lease.</summary>
    public async Task<Outcome?> RunAsync(CancellationToken ct)
    {
        if (!await leases.TryAcquireAsync(LeaseName, LeaseDuration, ct))
        {
            return null;
        }

        try
        {
            return await SweepAsync(ct);
        }
        finally
        {
            await leases.ReleaseAsync(LeaseName, ct);
        }
    }

    private async Task<Outcome> SweepAsync(CancellationToken ct)
    {
        var zh = await InCultureAsync("zh-CN", ct);
        var en = await InCultureAsync("en-US", ct);
        var now = clock.GetUtcNow();

        // Both passes run the same queries in the same order, so the n-th warning of a grant and kind is the same one in both.
        var found = Keyed(zh).Join(Keyed(en), a => a.Key, b => b.Key, (a, b) => (a.Key, Zh: a.Warning, En: b.Warning))
            .ToDictionary(x => (x.Key.GrantId, x.Key.Kind, x.Zh.Subject));
        var open = await db.FundWarningRecords.Where(w => w.ResolvedAt == null).ToListAsync(ct);
        int raised = 0, refreshed = 0, resolved = 0;
        foreach (var record in open)
        {
            if (found.Remove((record.GrantId, record.Kind, record.SubjectZh), out var still))
            {
                refreshed += record.Refresh(still.Zh.CenterName, still.Zh.GrantTitle, still.Zh.Figure, still.Zh.Message, still.En.Message) ? 1 : 0;
            }
            else
            {
                record.Resolve(now);
                resolved++;
            }
        }

        foreach (var (_, (_, w, e)) in found)
        {
            db.FundWarningRecords.Add(FundWarningRecord.Raise(w.GrantId, w.CenterId, w.CenterName, w.GrantTitle, w.Kind, w.Subject, e.Subject, w.Figure, w.Message, e.Message, now));
            raised++;
        }

        await db.SaveChangesAsync(ct);
        return new Outcome(raised, refreshed, resolved);
    }

    private Task<IReadOnlyList<FundWarning>> InCultureAsync(string culture, CancellationToken ct) =>
        Bilingual.InCultureAsync(culture, () => warnings.AllAsync(null, null, ct));

    private static IEnumerable<((Guid GrantId, string Kind, int Nth) Key, FundWarning Warning)> Keyed(IReadOnlyList<FundWarning> list) =>
        list.GroupBy(w => (w.GrantId, w.Kind)).SelectMany(g => g.Select((w, i) => ((g.Key.GrantId, g.Key.Kind, i), w)));
}
