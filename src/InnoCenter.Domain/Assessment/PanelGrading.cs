using InnoCenter.Domain.Policy;

namespace InnoCenter.Domain.Assessment;

/// <summary>The panel's aggregated points on one criterion of its scoring form.</summary>
public sealed record PanelCriterion(string Code, decimal MaxPoints, decimal? Value);

/// <summary>What a finished panel (every seat scored) gave an annual report, as aggregation computed it.</summary>
public sealed record PanelResult(IReadOnlyList<PanelCriterion> Criteria, decimal? Total, decimal MaxTotal);

/// <summary>
/// Turns a panel's scores on the annual-report form into the grade (专家组评定等级) of each qualitative indicator.
/// <para>
/// Which points judge an indicator: the criterion of the form with the indicator's own code; failing that, the
/// criterion named after the indicator's dimension (the shipped forms score the report dimension by dimension); failing
/// that, the panel's total. So any pack's indicators can be graded by any form, and a pack that wants a criterion per
/// qualitative indicator only has to name them alike.
/// </para>
/// <para>
/// The share of the maximum those points reach becomes the expert grade whose fraction is nearest to it; halfway
/// between two grades, the lower one (a grade is earned, not rounded up to).
/// </para>
/// </summary>
public static class PanelGrading
{
    public static IReadOnlyDictionary<string, string> GradesFor(IEnumerable<Indicator> indicators, PanelResult panel)
    {
        var grades = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var indicator in indicators)
        {
            if (indicator.Rule is not ExpertGradeRule rule || rule.Grades.Count == 0)
            {
                continue;
            }

            var fraction = FractionFor(indicator, panel);
            if (fraction is decimal f)
            {
                grades[indicator.Code] = Nearest(rule, f).Code;
            }
        }

        return grades;
    }

    /// <summary>The share 0–1 of the maximum that judges the indicator; null when the panel gave nothing to read.</summary>
    public static decimal? FractionFor(Indicator indicator, PanelResult panel)
    {
        var criterion = panel.Criteria.FirstOrDefault(c => c.Code == indicator.Code)
                        ?? panel.Criteria.FirstOrDefault(c => c.Code == indicator.Dimension);
        if (criterion is not null)
        {
            return criterion.Value is decimal v && criterion.MaxPoints > 0 ? Clamp(v / criterion.MaxPoints) : null;
        }

        return panel.Total is decimal total && panel.MaxTotal > 0 ? Clamp(total / panel.MaxTotal) : null;
    }

    public static ExpertGrade Nearest(ExpertGradeRule rule, decimal fraction) =>
        rule.Grades
            .OrderBy(g => Math.Abs(g.Fraction - fraction))
            .ThenBy(g => g.Fraction)
            .First();

    private static decimal Clamp(decimal f) => Math.Min(Math.Max(f, 0m), 1m);
}
