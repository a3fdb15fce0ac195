using InnoCenter.Domain.Common;
using InnoCenter.Domain.Funds;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Policy;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Funds;

/// <summary>Excel export of the grant list, streamed, with Chinese (or English) headers and amounts as numbers.</summary>
public sealed class FundsExport(AppDbContext db, FundsAccess access, GrantHandlers grants, PolicyProvider policy, Text text, TimeProvider clock)
{
    public async Task<Result<FileStreamHttpResult>> GrantsAsync(GrantFilter filter, CancellationToken ct)
    {
        if (!access.MayEnter)
        {
            return Failure.Forbidden();
        }

        var q = await grants.FilteredAsync(filter, ct);
        var rows = q.OrderByDescending(g => g.PeriodFrom).ThenBy(g => g.Id)
            .Join(db.Centers, g => g.CenterId, c => c.Id, (g, c) => new GrantWithCenter(g, c.Name)).AsAsyncEnumerable();
        var columns = Keys.Select(k => new SheetColumn(text[k])).ToList();
        return await ExcelExport.ToXlsxAsync(rows, Row, $"grants-{clock.GetUtcNow().ToBeijing("yyyyMMdd-HHmm")}.xlsx", text["funds.title"], ct, columns);
    }

    private sealed record GrantWithCenter(Grant Grant, string CenterName);

    private static readonly string[] Keys = ["funds.center", "funds.grant_title", "funds.document_number", "funds.source", "funds.form", "funds.period_from", "funds.period_to", "funds.status", "funds.amount"];

    private IDictionary<string, object?> Row(GrantWithCenter x)
    {
        var r = grants.Row(x.Grant, x.CenterName, policy.Current.Funds);
        object?[] values = [r.CenterName, r.Title, r.DocumentNumber, r.SourceLabel, r.FormLabel, r.PeriodFrom.ToString("yyyy-MM-dd"), r.PeriodTo.ToString("yyyy-MM-dd"), r.StatusLabel, r.Amount];
        var row = new Dictionary<string, object?>();
        for (var i = 0; i < Keys.Length; i++)
        {
            row[text[Keys[i]]] = values[i];
        }

        return row;
    }
}
