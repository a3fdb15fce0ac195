using System.Globalization;
using InnoCenter.Domain.Common;
using InnoCenter.Domain.Funds;
using InnoCenter.Domain.Policy;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Policy;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InnoCenter.Web.Features.Funds;

/// <summary>
/// 支出批量导入: a workbook of a grant's expenditures, all or nothing. Every row passes the very checks of a single
/// expenditure (<see cref="Expenditure.Record"/>), with the line's money counted net of the file's earlier rows, so two
/// rows cannot together overspend a line that each alone would fit. Vouchers are attached afterwards per expenditure.
/// </summary>
public sealed class ExpenditureImport(
    AppDbContext db, FundsAccess access, PolicyVersions versions, FundFigures figures, Bilingual bilingual, Text text,
    IOptions<ImportLimits> limits, TimeProvider clock)
{
    /// <summary>The template's columns, in order: field name (as the domain's errors name it) and its label key.</summary>
    private static readonly (string Field, string LabelKey, bool Required)[] Columns =
    [
        ("category", "funds.category", true),
        ("spentOn", "funds.spent_on", true),
        ("payee", "funds.payee", true),
        ("amount", "funds.amount", true),
        ("purpose", "funds.purpose", false),
    ];

    private static bool En => LocalizationSetup.IsEnglish;

    /// <summary>The template's headers in the user's language (required ones starred), the grant's categories as a dropdown.</summary>
    public async Task<Result<(string Title, IReadOnlyList<SheetColumn> Columns)>> TemplateAsync(Guid grantId, CancellationToken ct)
    {
        var found = await access.GrantAsync(grantId, tracked: false, ct);
        if (!found.IsSuccess)
        {
            return found.Failure!;
        }

        var pack = await versions.ForCaseAsync(found.Value.PolicyCode, found.Value.PolicyVersion, ct);
        var categories = found.Value.Lines.Select(l => pack.Funds.Categories.LabelOf(l.Category, En)).ToList();
        IReadOnlyList<SheetColumn> columns = Columns
            .Select(c => new SheetColumn(c.Required ? text[c.LabelKey] + " *" : text[c.LabelKey], c.Field == "category" ? categories : null))
            .ToList();
        return (found.Value.Title, columns);
    }

    public async Task<Result<ImportReport>> ImportAsync(Guid grantId, Stream content, CancellationToken ct)
    {
        var found = await access.GrantAsync(grantId, tracked: true, ct);
        if (!found.IsSuccess)
        {
            return found.Failure!;
        }

        var grant = found.Value;
        if (!await access.OwnsCenterAsync(grant.CenterId, ct))
        {
            return Failure.Forbidden("funds.center_only");
        }

        if (grant.Status != GrantStatus.InExecution)
        {
            return Failure.IllegalTransition("funds.grant_not_running", grant.Status.ToString());
        }

        var pack = await versions.ForCaseAsync(grant.PolicyCode, grant.PolicyVersion, ct);
        var maxRows = pack.Ledger.MaxImportRows;
        var read = await ExcelImport.ReadRowsAsync(content, limits.Value, maxRows, "funds.import_unreadable", ct);
        if (!read.IsSuccess)
        {
            return read.Failure!;
        }

        var rows = read.Value;
        var filled = rows.Select((row, i) => (Row: row, Index: i)).Where(x => x.Row.Values.Any(v => v is not null && v.ToString()!.Trim().Length > 0)).ToList();
        if (filled.Count == 0)
        {
            return Failure.Validation(new Error("funds.import_empty", "file"));
        }

        if (filled.Count > maxRows)
        {
            return Failure.Validation(new Error("import.too_many_rows", "file", maxRows));
        }

        var headers = HeaderMap(rows[0].Keys);
        var sums = await figures.SumsAsync(grantId, ct);
        var claimed = new Dictionary<Guid, long>();
        var errors = new List<ImportRowError>();
        var made = new List<Expenditure>();
        var now = clock.GetUtcNow();
        foreach (var (row, index) in filled)
        {
            var sheetRow = ExcelImport.SheetRow(index);
            var cellErrors = new List<Error>();
            var draft = DraftOf(row, headers, pack.Funds.Categories, cellErrors);
            var result = Expenditure.Record(
                grant, draft, line => sums.SpentByLine.GetValueOrDefault(line) + claimed.GetValueOrDefault(line), access.UserId, now);
            errors.AddRange(cellErrors.Select(e => RowError(sheetRow, e)));
            if (result.IsSuccess)
            {
                if (cellErrors.Count == 0)
                {
                    made.Add(result.Value);
                    claimed[result.Value.LineId] = claimed.GetValueOrDefault(result.Value.LineId) + result.Value.AmountFen;
                }
            }
            else
            {
                // An unreadable cell already says why; the domain's "required" for the same field would only repeat it.
                errors.AddRange(result.Failure!.Errors.Where(e => e.Field is null || cellErrors.All(c => c.Field != e.Field)).Select(e => RowError(sheetRow, e)));
            }
        }

        if (errors.Count > 0)
        {
            return new ImportReport(filled.Count, 0, errors);
        }

        db.FundExpenditures.AddRange(made);
        db.Entry(grant).State = EntityState.Modified;
        // Another expenditure reached the grant meanwhile: nothing of the file was written; the user imports again.
        if (await db.SaveVersionedAsync(ct) is { } lost)
        {
            return lost;
        }

        return new ImportReport(filled.Count, made.Count, []);
    }

    /// <summary>Headers in either language, with or without the required star, to the field they fill.</summary>
    private Dictionary<string, string> HeaderMap(IEnumerable<string> keys)
    {
        var byLabel = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (field, labelKey, _) in Columns)
        {
            foreach (var label in bilingual.Both(labelKey))
            {
                byLabel.TryAdd(label, field);
            }

            byLabel.TryAdd(field, field);
        }

        var map = new Dictionary<string, string>();
        foreach (var key in keys)
        {
            if (byLabel.TryGetValue(key.Trim().TrimEnd('*').Trim(), out var field))
            {
                map.TryAdd(field, key);
            }
        }

        return map;
    }

    private static ExpenditureDraft DraftOf(IDictionary<string, object?> row, Dictionary<string, string> headers, IReadOnlyList<CodeItem> categories, List<Error> errors)
    {
        object? Cell(string field) => headers.TryGetValue(field, out var key) && row.TryGetValue(key, out var v) && v is not null && v.ToString()!.Trim().Length > 0 ? v : null;

        var categoryText = Cell("category")?.ToString()?.Trim();
        var category = categoryText is null
            ? null
            : categories.FirstOrDefault(c => c.Code == categoryText || c.Zh == categoryText || string.Equals(c.En, categoryText, StringComparison.OrdinalIgnoreCase))?.Code ?? categoryText;

        DateOnly? spentOn = null;
        if (Cell("spentOn") is { } rawDate)
        {
            spentOn = ReadDate(rawDate);
            if (spentOn is null)
            {
                errors.Add(new Error("funds.import_bad_date", "spentOn", rawDate.ToString() ?? string.Empty));
            }
        }

        decimal? amount = null;
        if (Cell("amount") is { } rawAmount)
        {
            amount = ReadAmount(rawAmount);
            if (amount is null)
            {
                errors.Add(new Error("funds.amount_invalid", "amount"));
            }
        }

        return new ExpenditureDraft(category, spentOn, Cell("payee")?.ToString()?.Trim(), amount, Cell("purpose")?.ToString()?.Trim());
    }

    private static DateOnly? ReadDate(object raw)
    {
        switch (raw)
        {
            case DateTime dt:
                return DateOnly.FromDateTime(dt);
            case DateOnly d:
                return d;
            case double serial when serial is > 0 and < 2_958_466 && serial == Math.Floor(serial):
                // A date cell that arrives as its spreadsheet serial number.
                return DateOnly.FromDateTime(DateTime.FromOADate(serial));
        }

        string[] formats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyyMMdd", "yyyy年M月d日", "yyyy-MM-dd HH:mm:ss", "yyyy/M/d H:mm:ss"];
        var s = raw.ToString()?.Trim() ?? string.Empty;
        return DateOnly.TryParseExact(s, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            ? parsed
            : DateTime.TryParseExact(s, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt2) ? DateOnly.FromDateTime(dt2) : null;
    }

    /// <summary>
    /// A number cell is read as Excel shows it (a double of 0.1 + 0.2 is 0.30000000000000004, which is 0.3 yuan to any
    /// person); a text cell exactly, so "12.345" is refused as sub-fen by the domain, not rounded.
    /// </summary>
    private static decimal? ReadAmount(object raw)
    {
        switch (raw)
        {
            case decimal d:
                return d;
            case double x:
                return double.IsFinite(x) && Math.Abs(x) < 7.9e28 ? decimal.Round((decimal)x, 6) : null;
            case int i:
                return i;
            case long l:
                return l;
        }

        var s = (raw.ToString() ?? string.Empty).Trim().Replace(",", string.Empty).Replace("，", string.Empty).TrimEnd('元').Trim();
        return decimal.TryParse(s, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    private ImportRowError RowError(int row, Error e)
    {
        var column = Columns.FirstOrDefault(c => c.Field == e.Field);
        return new ImportRowError(row, column.LabelKey is null ? string.Empty : text[column.LabelKey], text.Of(e));
    }
}
