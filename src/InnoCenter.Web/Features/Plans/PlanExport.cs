using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Web;

namespace InnoCenter.Web.Features.Plans;

/// <summary>Plan against actuals as a sheet: headers in the reader's language, numbers as numbers.</summary>
public static class PlanExport
{
    private static readonly string[] Keys =
    [
        "plans.field.indicator", "plans.field.unit", "plans.figure", "plans.field.target", "plans.field.actual", "plans.field.completion",
        "plans.field.behind", "plans.field.evidence",
    ];

    public static IReadOnlyList<SheetColumn> Columns(Text text) => Keys.Select(k => new SheetColumn(text[k])).ToList();

    public static IDictionary<string, object?> Row(PlanLineDto l, Text text) => new Dictionary<string, object?>
    {
        [text[Keys[0]]] = l.Name,
        [text[Keys[1]]] = l.Unit,
        [text[Keys[2]]] = l.FigureLabel ?? text["plans.figure.free"],
        [text[Keys[3]]] = l.Target,
        [text[Keys[4]]] = l.Actual,
        [text[Keys[5]]] = l.CompletionPercent,
        [text[Keys[6]]] = l.BehindSchedule ? text["common.yes"] : text["common.no"],
        [text[Keys[7]]] = l.Evidence,
    };
}
