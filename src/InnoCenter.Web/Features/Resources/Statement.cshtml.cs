using InnoCenter.Domain.Resources;
using InnoCenter.Web.Infrastructure.Web;
using InnoCenter.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Resources;

/// <summary>对账单与服务统计: an organisation's monthly statement, and the yearly figures of the resources the user runs.</summary>
public sealed class StatementModel(ResourceFigures figures, StatementPayments payments, ResourceAccess access, Text text, TimeProvider clock) : PageModel
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

    /// <summary>A page of the year's figures (the most used first), paged by <see cref="FiguresPage"/>.</summary>
    public PagedResult<ResourceFigureRow> Figures { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    [FromQuery(Name = "figuresPage")]
    public int? FiguresPage { get; set; }

    public string? Problem { get; private set; }

    public StatementPaymentDto? Payment { get; private set; }

    public bool CanRecordPayment { get; private set; }

    /// <summary>Today in Beijing, the payment date the form suggests.</summary>
    public DateOnly Today => clock.TodayInBeijing();

    /// <summary>The month's statements the user may record paid (all for an Admin), filtered by payment state.</summary>
    [BindProperty(SupportsGet = true)]
    public StatementPaymentState? State { get; set; }

    public PagedResult<StatementListRow>? AllStatements { get; private set; }

    /// <summary>From the query only: Razor Pages keeps the page's own path in the route value "page", which would win.</summary>
    [FromQuery(Name = "page")]
    public int? StatementsPage { get; set; }

    public int Y { get; private set; }

    public int M { get; private set; }

    public async Task<IActionResult> OnPostPaidAsync(Guid organizationId, string month, int version, DateOnly? paidOn, decimal? amount, string? reference, CancellationToken ct)
    {
        Month = month;
        OrganizationId = organizationId;
        var (y, m) = ParseMonth(month) ?? (0, 0);
        var r = await payments.RecordPaidAsync(organizationId, y, m, new StatementPaymentRequest { PaidOn = paidOn, Amount = amount, Reference = reference, Version = version }, ct);
        if (!r.IsSuccess)
        {
            ModelState.AddFailure(r.Failure!, text, string.Empty);
            await OnGetAsync(ct);
            return Page();
        }

        TempData["Flash"] = text["resources.payment.recorded"];
        return Redirect($"/Resources/Statement?organizationId={organizationId}&month={month}");
    }

    private static (int Y, int M)? ParseMonth(string? month) =>
        month is { Length: 7 } && int.TryParse(month[..4], out var y) && int.TryParse(month[5..], out var m) ? (y, m) : null;

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
                Payment = await payments.OfStatementAsync(s.Value, ct);
                CanRecordPayment = Payment.State != StatementPaymentState.Paid && Payment.Total > 0 && await payments.CanRecordAsync(org, Y, M, ct);
            }
            else
            {
                Problem = string.Join(" ", s.Failure!.Errors.Select(text.Of));
            }
        }

        // Admins see every statement of the month; the resources' side those it may record paid (none: no list).
        if (access.IsAdmin || access.OrganizationId is not null)
        {
            var all = await payments.ListAsync(Y, M, State, StatementsPage, null, ct);
            AllStatements = all.IsSuccess && (access.IsAdmin || all.Value.Total > 0 || State is not null) ? all.Value : null;
        }

        Year ??= today.Year;
        var f = await figures.PageForYearAsync(Year.Value, By, null, FiguresPage, null, ct);
        if (f.IsSuccess)
        {
            Figures = f.Value;
        }
    }
}
