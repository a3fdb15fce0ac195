using InnoCenter.Domain.Funds;
using InnoCenter.Domain.Policy;
using InnoCenter.Web.Data;
using InnoCenter.Web.Features.Centers;
using InnoCenter.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Funds;

/// <summary>
/// A grant's money figures and the holds on its tranches. Every sum is taken by the database over the whole-fen
/// columns (decimals are text on SQLite), grouped by line or source, so no entry is added up in memory.
/// </summary>
public sealed class FundFigures(AppDbContext db, TimeProvider clock)
{
    public sealed record Sums(
        IReadOnlyDictionary<Guid, long> SpentByLine,
        IReadOnlyDictionary<string, long> PlannedBySource,
        IReadOnlyDictionary<string, long> ReceivedBySource,
        long ClawedBackFen,
        bool OpenClawback,
        long SpentFen,
        long ReceivedFen,
        DateOnly? LastSpentOn,
        DateOnly? FirstReceivedOn);

    /// <summary>The grant's sums taken now from its entries: what a write checks its rule against.</summary>
    public async Task<Sums> SumsAsync(Guid grantId, CancellationToken ct)
    {
        var spent = await db.FundExpenditures.AsNoTracking().Where(e => e.GrantId == grantId)
            .GroupBy(e => e.LineId).Select(g => new { g.Key, Fen = g.Sum(e => e.AmountFen), Last = g.Max(e => e.SpentOn) }).ToListAsync(ct);
        var planned = await db.FundGrantLineShares.AsNoTracking().Where(s => s.GrantId == grantId)
            .GroupBy(s => s.Source).Select(g => new { g.Key, Fen = g.Sum(s => s.AmountFen) }).ToDictionaryAsync(x => x.Key, x => x.Fen, ct);
        var received = await db.FundReceipts.AsNoTracking().Where(r => r.GrantId == grantId)
            .GroupBy(r => r.Source).Select(g => new { g.Key, Fen = g.Sum(r => r.AmountFen), First = g.Min(r => r.ReceivedOn) }).ToListAsync(ct);
        var clawbacks = await db.FundGrants.AsNoTracking().Where(g => g.Id == grantId).Select(g => new
        {
            Fen = db.FundClawbacks.Where(c => c.GrantId == g.Id).Sum(c => (long?)c.AmountFen) ?? 0,
            Open = db.FundClawbacks.Any(c => c.GrantId == g.Id && c.SettledOn == null),
        }).FirstOrDefaultAsync(ct);
        var (clawed, open) = (clawbacks?.Fen ?? 0, clawbacks?.Open ?? false);

        // The totals are the sums of the few per-line and per-source totals the database just took, not of entries.
        return new Sums(
            spent.ToDictionary(x => x.Key, x => x.Fen), planned, received.ToDictionary(x => x.Key, x => x.Fen), clawed, open,
            spent.Sum(x => x.Fen), received.Sum(x => x.Fen),
            spent.Count == 0 ? null : spent.Max(x => x.Last), received.Count == 0 ? null : received.Min(x => x.First));
    }

    /// <summary>
    /// The same sums read from the rows the writes keep (<see cref="FundGrantSums"/>): one indexed read instead of
    /// four grouped ones. For pages and the API; a write checks its rule against <see cref="SumsAsync"/>.
    /// </summary>
    public async Task<Sums> KeptSumsAsync(Guid grantId, CancellationToken ct) => FromKept(await FundGrantSums.ReadAsync(db, grantId, ct));

    public static Sums FromKept(IReadOnlyCollection<FundGrantSum> rows)
    {
        Dictionary<string, long> Of(string kind) => rows.Where(r => r.Kind == kind).ToDictionary(r => r.Code, r => r.Value, StringComparer.Ordinal);
        long? One(string kind) => rows.FirstOrDefault(r => r.Kind == kind)?.Value;
        var spent = rows.Where(r => r.Kind == FundGrantSum.Spent).ToDictionary(r => Guid.Parse(r.Code), r => r.Value);
        var received = Of(FundGrantSum.Received);
        return new Sums(
            spent, Of(FundGrantSum.Planned), received, One(FundGrantSum.ClawedBack) ?? 0, One(FundGrantSum.OpenClawbacks) > 0,
            spent.Values.Sum(), received.Values.Sum(),
            One(FundGrantSum.LastSpent) is { } last ? DateOnly.FromDayNumber((int)last) : null,
            One(FundGrantSum.FirstReceived) is { } first ? DateOnly.FromDayNumber((int)first) : null);
    }

    /// <summary>Received, spent, balance (received − spent − clawed back), execution (spent ÷ received), matching and remaining days.</summary>
    public GrantFigures Figures(Grant grant, Sums sums, FundRules rules, bool english)
    {
        var received = sums.ReceivedFen;
        var spent = sums.SpentFen;
        var sources = sums.PlannedBySource.Keys.Union(sums.ReceivedBySource.Keys).OrderBy(s => rules.Sources.ToList().FindIndex(x => x.Code == s))
            .Select(s => new SourceFigure(
                s, rules.Sources.LabelOf(s, english), FundMoney.Yuan(sums.PlannedBySource.GetValueOrDefault(s)),
                FundMoney.Yuan(sums.ReceivedBySource.GetValueOrDefault(s)),
                FundMoney.Percent(sums.ReceivedBySource.GetValueOrDefault(s), sums.PlannedBySource.GetValueOrDefault(s))))
            .ToList();
        // Two or three group totals the database already summed, taken together.
        var matchedPlanned = rules.Matching.MatchedSources.Sum(s => sums.PlannedBySource.GetValueOrDefault(s));
        var matchedReceived = rules.Matching.MatchedSources.Sum(s => sums.ReceivedBySource.GetValueOrDefault(s));
        var today = clock.TodayInBeijing();
        return new GrantFigures(
            grant.Amount,
            FundMoney.Yuan(received),
            FundMoney.Yuan(spent),
            FundMoney.Yuan(sums.ClawedBackFen),
            FundMoney.Yuan(received - spent - sums.ClawedBackFen),
            FundMoney.Percent(spent, received),
            FundMoney.Percent(matchedReceived, matchedPlanned),
            FundMoney.Percent(sums.ReceivedBySource.GetValueOrDefault(grant.Source), sums.PlannedBySource.GetValueOrDefault(grant.Source)),
            Math.Max(0, grant.PeriodTo.DayNumber - today.DayNumber),
            sources);
    }

    /// <summary>
    /// Why a tranche may not be released now (暂缓拨付): matching money behind the fiscal money's proportion, a published
    /// grade the pack says holds support, an open clawback, or a final tranche with no acceptance evidence on file.
    /// </summary>
    public async Task<IReadOnlyList<TrancheHold>> HoldsAsync(Grant grant, Tranche tranche, Sums sums, PolicyPack pack, bool english, CancellationToken ct)
    {
        var latest = await db.AssessmentResults.AsNoTracking()
            .Where(r => r.CenterId == grant.CenterId && r.PublishedAt != null)
            .OrderByDescending(r => r.Year).Select(r => new { r.Year, r.Grade }).FirstOrDefaultAsync(ct);
        var context = new HoldContext(latest?.Year, latest?.Grade, tranche.IsFinal && await HasAcceptanceEvidenceAsync(grant, ct));
        return Holds(tranche, sums, pack, english, context);
    }

    /// <summary>What the holds ask of the database besides the sums: the center's latest published grade, and acceptance evidence on file.</summary>
    public sealed record HoldContext(int? LatestYear, string? LatestGrade, bool HasAcceptanceEvidence);

    /// <summary>The holds of <see cref="HoldsAsync"/> from what was read already (the grant's page reads it once for all its tranches).</summary>
    public static IReadOnlyList<TrancheHold> Holds(Tranche tranche, Sums sums, PolicyPack pack, bool english, HoldContext context)
    {
        var rules = pack.Funds;
        var holds = new List<TrancheHold>();
        var fiscal = rules.Matching.FiscalSource;
        var fiscalRatio = Ratio(sums.ReceivedBySource.GetValueOrDefault(fiscal), sums.PlannedBySource.GetValueOrDefault(fiscal));
        foreach (var source in rules.Matching.MatchedSources)
        {
            var planned = sums.PlannedBySource.GetValueOrDefault(source);
            if (planned <= 0)
            {
                continue;
            }

            var ratio = Ratio(sums.ReceivedBySource.GetValueOrDefault(source), planned);
            if (ratio < fiscalRatio - rules.Matching.TolerancePercent)
            {
                holds.Add(new TrancheHold("funds.hold.matching", rules.Sources.LabelOf(source, english), ratio, fiscalRatio));
            }
        }

        if (context is { LatestYear: { } year, LatestGrade: { } grade } && rules.HoldingGrades.Contains(grade))
        {
            holds.Add(new TrancheHold("funds.hold.grade", year, pack.Assessment.FindGrade(grade)?.Label(english) ?? grade));
        }

        if (sums.OpenClawback)
        {
            holds.Add(new TrancheHold("funds.hold.clawback"));
        }

        if (tranche.IsFinal && !context.HasAcceptanceEvidence)
        {
            holds.Add(new TrancheHold("funds.hold.acceptance"));
        }

        return holds;
    }

    /// <summary>An acceptance file on the grant, or a submitted self-evaluation (its evidence was checked when it was submitted).</summary>
    public async Task<bool> HasAcceptanceEvidenceAsync(Grant grant, CancellationToken ct) =>
        grant.EvaluationSubmittedAt is not null
        || await db.StoredFiles.AsNoTracking().AnyAsync(f => f.OwnerType == FundsAccess.GrantOwner && f.OwnerId == grant.Id && f.Slot == "acceptance" && f.IsCurrent, ct);

    private static decimal Ratio(long part, long whole) => whole <= 0 ? 0m : Math.Round(part * 100m / whole, 2, MidpointRounding.AwayFromZero);
}
