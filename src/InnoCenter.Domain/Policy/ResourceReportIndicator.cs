using InnoCenter.Domain.Common;

namespace InnoCenter.Domain.Policy;

/// <summary>
/// One of the assessment's quantitative, <c>manual</c> indicators that the Resources module fills into the annual report
/// from its own figures for the center and year (对外服务机时, say), so that the center does not type it.
/// </summary>
public sealed record ResourceReportIndicator
{
    /// <summary>Hours used by others than the owner (对外服务机时: other members and outside organisations).</summary>
    public const string ExternalHours = "externalHours";

    /// <summary>Hours used by anyone (有效工作机时).</summary>
    public const string UsedHours = "usedHours";

    /// <summary>共享率 = 对外服务机时 ÷ 有效工作机时, in percent.</summary>
    public const string SharingRatePercent = "sharingRatePercent";

    public static readonly IReadOnlyList<string> Figures = [ExternalHours, UsedHours, SharingRatePercent];

    /// <summary>The assessment indicator's code.</summary>
    public string Indicator { get; init; } = string.Empty;

    /// <summary>Which figure fills it: one of <see cref="Figures"/>.</summary>
    public string Figure { get; init; } = string.Empty;

    /// <summary>Only resources of these categories count (中试线 and 检验检测 for a testing-hours indicator); all when empty.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    public static IReadOnlyList<Error> Validate(IReadOnlyList<ResourceReportIndicator> list, IReadOnlyList<CodeItem> categories, AssessmentRules assessment)
    {
        var errors = new List<Error>();
        for (var i = 0; i < list.Count; i++)
        {
            var at = $"resources.reportIndicators[{i}]";
            var x = list[i];
            var indicator = assessment.IndicatorSystem.Indicators.FirstOrDefault(d => d.Code == x.Indicator);
            if (indicator is null || indicator.Kind != IndicatorKind.Quantitative || indicator.Source is not ManualSource)
            {
                errors.Add(new Error("policy.resources.report_indicator", $"{at}.indicator", x.Indicator));
            }

            if (!Figures.Contains(x.Figure, StringComparer.Ordinal))
            {
                errors.Add(new Error("policy.resources.report_figure", $"{at}.figure", x.Figure));
            }

            foreach (var c in x.Categories.Where(c => categories.All(k => k.Code != c)))
            {
                errors.Add(new Error("policy.resources.report_category", $"{at}.categories", c));
            }

            if (list.Take(i).Any(p => p.Indicator == x.Indicator))
            {
                errors.Add(new Error("policy.resources.report_indicator_twice", $"{at}.indicator", x.Indicator));
            }
        }

        return errors;
    }
}
