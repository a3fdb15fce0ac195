using InnoCenter.Domain.Resources;
using InnoCenter.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Resources;

/// <summary>对账单与服务统计: an organisation's monthly statement, and the yearly figures of the resources the user runs.</summary>
public sealed class StatementModel(ResourceFigures figures, ResourceAccess access, Text text, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? OrganizationId { get; set; }

    /// <summary>yyyy-MM</summary>
    [BindProperty(SupportsGet = true)]
    public string? Month { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public FigureGrouping By { get; set; } = FigureGrouping.Resource;

    public Statement? Statement { get; private set; }

    public IReadOnlyList<ResourceFigureRow> Figures { get; private set; } = [];

    public string? Problem { get; private set; }

    public int Y { get; private set; }

    public int M { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = clock.GetUtcNow().ToBeijingTime();
        (Y, M) = (today.Year, today.Month);
        if (Month is { Length: 7 } && int.TryParse(Month[..4], out var y) && int.TryParse(Month[5..], out var m))
        {
            (Y, M) = (y, m);
        }

        Month = $"{Y:0000}-{M:00}";
        if ((OrganizationId ?? access.OrganizationId) is { } org)
        {
            var s = await figures.StatementAsync(org, Y, M, ct);
            if (s.IsSuccess)
            {
                Statement = s.Value;
            }
            else
            {
                Problem = string.Join(" ", s.Failure!.Errors.Select(text.Of));
            }
        }

        Year ??= today.Year;
        var f = await figures.ForYearAsync(Year.Value, By, null, ct);
        Figures = f.IsSuccess ? f.Value : [];
    }
}
