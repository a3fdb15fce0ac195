using System.Globalization;
using InnoCenter.Domain.Assessment;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewComponents;

namespace InnoCenter.Web.Features.Funds;

/// <summary>
/// The year's fund figures of a center, shown on its annual report (资金使用情况): received, spent, execution rate.
/// Invoked by name, so the report page names no type of this module; Admins and the center's own staff see it.
/// </summary>
[ViewComponent(Name = "FundYear")]
public sealed class FundYearViewComponent(FundYearFigures figures, FundsAccess access, Text text) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid centerId, int year)
    {
        var ct = HttpContext.RequestAborted;
        if (!access.IsAdmin && !(User.IsInRole(Roles.CenterUser) && await access.OwnsCenterAsync(centerId, ct)))
        {
            return new HtmlContentViewComponentResult(HtmlString.Empty);
        }

        var f = await figures.ForCenterYearAsync(centerId, year, ct);
        var section = new TagBuilder("section");
        section.AddCssClass("mb-4");
        section.Attributes["aria-labelledby"] = "fund-year-title";
        var h = new TagBuilder("h2");
        h.AddCssClass("h5");
        h.Attributes["id"] = "fund-year-title";
        h.InnerHtml.Append(text["funds.year_figures", year]);
        section.InnerHtml.AppendHtml(h);
        var dl = new TagBuilder("dl");
        dl.AddCssClass("row row-cols-2 row-cols-md-3 g-2 mb-0");
        foreach (var key in FundFigureKeys.Ordered)
        {
            var item = new TagBuilder("div");
            var dt = new TagBuilder("dt");
            dt.InnerHtml.Append(text[$"ledger.rollup.{key}"]);
            var dd = new TagBuilder("dd");
            dd.InnerHtml.Append(f.TryGetValue(key, out var v) ? $"{v.ToString("N2", CultureInfo.CurrentCulture)} {text[$"assessment.unit.{key}"]}" : "—");
            item.InnerHtml.AppendHtml(dt);
            item.InnerHtml.AppendHtml(dd);
            dl.InnerHtml.AppendHtml(item);
        }

        section.InnerHtml.AppendHtml(dl);
        var link = new TagBuilder("a");
        link.Attributes["href"] = "/Funds";
        link.InnerHtml.Append(text["funds.year_figures_link"]);
        section.InnerHtml.AppendHtml(link);
        return new HtmlContentViewComponentResult(section);
    }
}
