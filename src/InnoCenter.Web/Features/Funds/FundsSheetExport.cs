using InnoCenter.Domain.Common;
using InnoCenter.Domain.Funds;
using InnoCenter.Domain.Policy;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Policy;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Funds;

/// <summary>
/// Excel exports of the expenditures (the user's own, filtered as the list is) and of the warning board, streamed from
/// the database, with headers in the reader's language and amounts and figures as numbers.
/// </summary>
public sealed class FundsSheetExport(AppDbContext db, FundsAccess access, PolicyProvider policy, Text text, TimeProvider clock)
{
    private static readonly string[] ExpenditureKeys =
        ["funds.center", "funds.grant_title", "funds.document_number", "funds.category", "funds.spent_on", "funds.payee", "funds.purpose", "funds.amount", "funds.reason"];

    private static readonly string[] WarningKeys =
        ["funds.warning_kind", "funds.center", "funds.grant_title", "funds.warning_subject", "funds.warning_figure", "funds.warning_message", "funds.warning_raised", "funds.follow_up"];

    public async Task<Result<FileStreamHttpResult>> ExpendituresAsync(ExpenditureFilter f, CancellationToken ct)
    {
        if (!access.MayEnter)
        {
            return Failure.Forbidden();
        }

        var q = db.FundExpenditures.AsNoTracking();
        if (await access.CentersAsync(ct) is { } own)
        {
            q = q.Where(e => own.Contains(e.CenterId));
        }

        if (f.GrantId is { } g)
        {
            q = q.Where(e => e.GrantId == g);
        }

        if (!string.IsNullOrWhiteSpace(f.Category))
        {
            q = q.Where(e => e.Category == f.Category);
        }

        if (f.From is { } from)
        {
            q = q.Where(e => e.SpentOn >= from);
        }

        if (f.To is { } to)
        {
            q = q.Where(e => e.SpentOn <= to);
        }

        var rows = (from e in q
                    join gr in db.FundGrants on e.GrantId equals gr.Id
                    join c in db.Centers on e.CenterId equals c.Id
                    orderby e.SpentOn descending, e.Id descending
                    select new ExpenditureRow(c.Name, gr.Title, gr.DocumentNumber, e.Category, e.SpentOn, e.Payee, e.Purpose, e.AmountFen, e.Reason))
            .AsAsyncEnumerable();
        var categories = policy.Current.Funds.Categories;
        var en = LocalizationSetup.IsEnglish;
        var headers = ExpenditureKeys.Select(k => text[k]).ToArray();
        return await ExcelExport.ToXlsxAsync(
            rows,
            r => Row(headers, r.Center, r.Title, r.DocumentNumber, categories.LabelOf(r.Category, en), r.SpentOn.ToString("yyyy-MM-dd"), r.Payee, r.Purpose,
                FundMoney.Yuan(r.AmountFen), r.Reason),
            $"expenditures-{clock.GetUtcNow().ToBeijing("yyyyMMdd-HHmm")}.xlsx", text["funds.expenditures"], ct, headers.Select(h => new SheetColumn(h)).ToList());
    }

    public async Task<Result<FileStreamHttpResult>> WarningsAsync(string? kind, bool resolved, CancellationToken ct)
    {
        if (!access.IsAdmin)
        {
            return Failure.Forbidden();
        }

        var q = db.FundWarningRecords.AsNoTracking().Where(w => resolved ? w.ResolvedAt != null : w.ResolvedAt == null);
        if (kind is not null && FundWarnings.Kinds.Contains(kind))
        {
            q = q.Where(w => w.Kind == kind);
        }

        var en = LocalizationSetup.IsEnglish;
        var rows = (from w in q
                    join g in db.FundGrants on w.GrantId equals g.Id
                    join c in db.Centers on w.CenterId equals c.Id
                    orderby w.Kind, c.Name, g.Title, w.Id
                    select new { w.Kind, Center = c.Name, g.Title, w.SubjectZh, w.SubjectEn, w.Figure, w.MessageZh, w.MessageEn, w.RaisedAt, w.FollowUp })
            .AsAsyncEnumerable();
        var headers = WarningKeys.Select(k => text[k]).ToArray();
        return await ExcelExport.ToXlsxAsync(
            rows,
            r => Row(headers, text["funds.warning_kind." + r.Kind], r.Center, r.Title, en ? r.SubjectEn : r.SubjectZh, r.Figure, en ? r.MessageEn : r.MessageZh,
                r.RaisedAt.ToBeijing("yyyy-MM-dd"), r.FollowUp),
            $"fund-warnings-{clock.GetUtcNow().ToBeijing("yyyyMMdd-HHmm")}.xlsx", text["funds.warnings_title"], ct, headers.Select(h => new SheetColumn(h)).ToList());
    }

    private sealed record ExpenditureRow(
        string Center, string Title, string DocumentNumber, string Category, DateOnly SpentOn, string Payee, string? Purpose, long AmountFen, string? Reason);

    private static Dictionary<string, object?> Row(string[] headers, params object?[] values)
    {
        var row = new Dictionary<string, object?>(headers.Length);
        for (var i = 0; i < headers.Length; i++)
        {
            row[headers[i]] = values[i];
        }

        return row;
    }
}
