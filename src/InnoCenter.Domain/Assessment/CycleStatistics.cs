using System.Text.Json;

namespace InnoCenter.Domain.Assessment;

/// <summary>A result as the cycle's statistics read it: its total, grade, completeness and points per dimension.</summary>
public sealed record RankedResult(Guid ReportId, string CenterName, decimal Total, string Grade, bool IsComplete, bool Unfiled, IReadOnlyList<ResultDimension> Dimensions);

/// <summary>One dimension's spread over the scored reports.</summary>
public sealed record DimensionFigures(string Code, decimal? Mean, decimal? Min, decimal? Max);

/// <summary>
/// What the overview of a cycle (考核总览) shows above its table: counts, the spread of totals, how many got each grade,
/// each dimension's spread, and the results' order (total, highest first, then the center's name) that the table pages by.
/// </summary>
public sealed record CycleFigures(
    int Results, int Complete, decimal? Mean, decimal? Min, decimal? Max,
    IReadOnlyDictionary<string, int> GradeCounts, IReadOnlyList<DimensionFigures> Dimensions, IReadOnlyList<Guid> Ranking)
{
    /// <summary>
    /// The figures of a cycle's results. Statistics describe the reports that were scored: an unfiled report's 0 says
    /// nothing about the centers' performance, so it counts among the results and grades only.
    /// </summary>
    public static CycleFigures Compute(IReadOnlyList<string> dimensionCodes, IReadOnlyCollection<RankedResult> results)
    {
        var scored = results.Where(r => !r.Unfiled).ToList();
        var totals = scored.Select(r => r.Total).ToList();
        var dimensions = dimensionCodes.Select(code =>
        {
            var points = scored.Select(r => r.Dimensions.FirstOrDefault(d => d.Dimension == code)?.Points ?? 0m).ToList();
            return new DimensionFigures(code, MeanOf(points), points.Count == 0 ? null : points.Min(), points.Count == 0 ? null : points.Max());
        }).ToList();
        var grades = results.GroupBy(r => r.Grade, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var ranking = results.OrderByDescending(r => r.Total).ThenBy(r => r.CenterName, StringComparer.Ordinal).ThenBy(r => r.ReportId)
            .Select(r => r.ReportId).ToList();
        return new CycleFigures(
            results.Count, results.Count(r => r.IsComplete), MeanOf(totals), totals.Count == 0 ? null : totals.Min(), totals.Count == 0 ? null : totals.Max(),
            grades, dimensions, ranking);
    }

    public static decimal? MeanOf(IReadOnlyList<decimal> values) =>
        values.Count == 0 ? null : Math.Round(values.Sum() / values.Count, 2, MidpointRounding.AwayFromZero);
}

/// <summary>
/// The kept statistics of a cycle's results, written in the transaction that scores the cycle (results change only
/// then), so the overview reads one row instead of every result's breakdown. Derived data like the ledger roll-up: the
/// results are the truth (and are audited); this row is recomputed from them, so it is not audited itself.
/// </summary>
public sealed class CycleStatistics
{
    private CycleFigures? _figures;

    private CycleStatistics()
    {
    }

    public Guid CycleId { get; private set; }

    public string FiguresJson { get; private set; } = "{}";

    public DateTimeOffset ComputedAt { get; private set; }

    public CycleFigures Figures => _figures ??= Read(FiguresJson);

    public static CycleFigures Read(string json) =>
        JsonSerializer.Deserialize<CycleFigures>(json, AssessmentCycle.Json) ?? throw new InvalidOperationException("Unreadable cycle statistics");

    public static CycleStatistics For(Guid cycleId, CycleFigures figures, DateTimeOffset now) => new()
    {
        CycleId = cycleId,
        FiguresJson = JsonSerializer.Serialize(figures, AssessmentCycle.Json),
        ComputedAt = now,
        _figures = figures,
    };

    /// <summary>The cycle was scored again: its results, and so its figures, are new.</summary>
    public void Replace(CycleFigures figures, DateTimeOffset now)
    {
        FiguresJson = JsonSerializer.Serialize(figures, AssessmentCycle.Json);
        ComputedAt = now;
        _figures = figures;
    }
}
