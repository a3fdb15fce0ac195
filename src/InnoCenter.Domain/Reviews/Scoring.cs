using InnoCenter.Domain.Common;
using InnoCenter.Domain.Policy;

namespace InnoCenter.Domain.Reviews;

/// <summary>
/// 评分表 one expert submitted: points per criterion of the panel's scoring form, a comment and a recommendation.
/// Submitted once; a second submission is refused.
/// </summary>
public sealed class ScoreSheet : IAudited
{
    private readonly List<ScoreItem> _items = [];

    private ScoreSheet()
    {
    }

    public Guid Id { get; private set; }

    public Guid PanelId { get; private set; }

    /// <summary>The seat the sheet was scored from; one sheet per seat.</summary>
    public Guid PanelMemberId { get; private set; }

    public Guid ExpertId { get; private set; }

    public string Comment { get; private set; } = string.Empty;

    public Recommendation Recommendation { get; private set; }

    public DateTimeOffset SubmittedAt { get; private set; }

    public IReadOnlyList<ScoreItem> Items => _items;

    public decimal Total => _items.Sum(i => i.Points);

    /// <summary>Checks every criterion is scored within its maximum (at most one decimal place), then builds the sheet.</summary>
    public static Result<ScoreSheet> Submit(
        PanelMember member,
        ScoringForm form,
        IReadOnlyDictionary<string, decimal?>? points,
        string? comment,
        string? recommendation,
        DateTimeOffset now)
    {
        var errors = new List<Error>();
        points ??= new Dictionary<string, decimal?>();
        foreach (var unknown in points.Keys.Where(k => form.Criteria.All(c => c.Code != k)))
        {
            errors.Add(new Error("reviews.score.unknown_criterion", $"points[{unknown}]", unknown));
        }

        foreach (var c in form.Criteria)
        {
            var field = $"points[{c.Code}]";
            if (!points.TryGetValue(c.Code, out var p) || p is null)
            {
                errors.Add(new Error("validation.required", field));
            }
            else if (p < 0 || p > c.MaxPoints)
            {
                errors.Add(new Error("reviews.score.out_of_range", field, c.MaxPoints));
            }
            else if (decimal.Round(p.Value, form.PointsDecimals) != p.Value)
            {
                errors.Add(new Error("reviews.score.precision", field, form.PointsDecimals));
            }
        }

        if (string.IsNullOrWhiteSpace(comment))
        {
            errors.Add(new Error("validation.required", "comment"));
        }
        else if (comment.Trim().Length > FieldLengths.LongText)
        {
            errors.Add(new Error("validation.too_long", "comment", FieldLengths.LongText));
        }

        Recommendation rec = default;
        if (string.IsNullOrWhiteSpace(recommendation))
        {
            errors.Add(new Error("validation.required", "recommendation"));
        }
        else if (!Enum.TryParse(recommendation, true, out rec) || !Enum.IsDefined(rec))
        {
            errors.Add(new Error("reviews.recommendation_unknown", "recommendation", recommendation));
        }

        if (errors.Count > 0)
        {
            return Failure.Validation(errors);
        }

        var sheet = new ScoreSheet
        {
            Id = Guid.CreateVersion7(),
            PanelId = member.PanelId,
            PanelMemberId = member.Id,
            ExpertId = member.ExpertId,
            Comment = comment!.Trim(),
            Recommendation = rec,
            SubmittedAt = now,
        };
        foreach (var c in form.Criteria)
        {
            sheet._items.Add(new ScoreItem(sheet.Id, c.Code, points[c.Code]!.Value));
        }

        return sheet;
    }
}

public sealed class ScoreItem : IAudited
{
    private ScoreItem()
    {
    }

    internal ScoreItem(Guid sheetId, string criterionCode, decimal points)
    {
        Id = Guid.CreateVersion7();
        SheetId = sheetId;
        CriterionCode = criterionCode;
        Points = points;
    }

    public Guid Id { get; private set; }

    public Guid SheetId { get; private set; }

    public string CriterionCode { get; private set; } = string.Empty;

    public decimal Points { get; private set; }
}

/// <summary>One expert's points as aggregation reads them.</summary>
public sealed record SheetPoints(Guid SheetId, IReadOnlyDictionary<string, decimal> Points)
{
    public decimal Total => Points.Values.Sum();
}

public sealed record CriterionAggregate(string Code, decimal? Value, bool Trimmed, int Count);

/// <summary>The panel's result: per criterion and total, the method used, the median total and the outlying sheets.</summary>
public sealed record PanelAggregate(
    IReadOnlyList<CriterionAggregate> Criteria,
    decimal? Total,
    bool Trimmed,
    int Count,
    decimal? MedianTotal,
    decimal OutlierThreshold,
    IReadOnlyList<Guid> Outliers);

/// <summary>
/// 分数汇总: with at least <see cref="AggregationRules.TrimFromScores"/> scores, the trimmed mean (drop the
/// <see cref="AggregationRules.TrimEachSide"/> highest and lowest); below that, the plain mean — per criterion, and for
/// the total over the experts' totals. An expert whose total is further from the median total than the policy's
/// percentage of the form's maximum is flagged. Results are rounded to two decimals, half away from zero.
/// </summary>
public static class ScoreAggregation
{
    public static PanelAggregate Aggregate(IReadOnlyList<SheetPoints> sheets, ScoringForm form, AggregationRules rules)
    {
        var criteria = form.Criteria
            .Select(c =>
            {
                var values = sheets.Where(s => s.Points.ContainsKey(c.Code)).Select(s => s.Points[c.Code]).ToList();
                var (value, trimmed) = Mean(values, rules);
                return new CriterionAggregate(c.Code, value, trimmed, values.Count);
            })
            .ToList();
        var totals = sheets.Select(s => s.Total).ToList();
        var (total, trimmedTotal) = Mean(totals, rules);
        var median = Median(totals);
        var threshold = Round(form.MaxTotal * rules.OutlierDeviationPercent / 100m);
        var outliers = median is null
            ? []
            : sheets.Where(s => Math.Abs(s.Total - median.Value) > threshold).Select(s => s.SheetId).ToList();
        return new PanelAggregate(criteria, total, trimmedTotal, sheets.Count, median, threshold, outliers);
    }

    /// <summary>The trimmed or plain mean of the values, and whether it was trimmed; null for no values.</summary>
    public static (decimal? Value, bool Trimmed) Mean(IReadOnlyList<decimal> values, AggregationRules rules)
    {
        if (values.Count == 0)
        {
            return (null, false);
        }

        if (values.Count >= rules.TrimFromScores && values.Count > 2 * rules.TrimEachSide)
        {
            var kept = values.Order().Skip(rules.TrimEachSide).SkipLast(rules.TrimEachSide).ToList();
            return (Round(kept.Sum() / kept.Count), true);
        }

        return (Round(values.Sum() / values.Count), false);
    }

    public static decimal? Median(IReadOnlyList<decimal> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : Round((sorted[mid - 1] + sorted[mid]) / 2m);
    }

    private static decimal Round(decimal value) => decimal.Round(value, 2, MidpointRounding.AwayFromZero);
}
