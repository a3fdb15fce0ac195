using InnoCenter.Domain.Common;
using InnoCenter.Domain.Ledger;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Imports;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Ledger;

/// <summary>The all-or-nothing spreadsheet import of every ledger kind.</summary>
public abstract partial class LedgerKind<TEntity, TRequest>
    where TEntity : LedgerRecord
    where TRequest : LedgerRequest
{
    public async Task<Result<ImportReport>> ImportAsync(Guid centerId, Stream content, CancellationToken ct, ImportProgress? progress = null)
    {
        if (!await S.Access.CanEditAsync(centerId, ct))
        {
            return Failure.Forbidden("ledger.edit_forbidden");
        }

        var read = await ExcelImport.ReadRowsAsync(content, S.ImportLimits, S.Policy.Ledger.MaxImportRows, "ledger.import_unreadable", ct);
        if (!read.IsSuccess)
        {
            return read.Failure!;
        }

        var rows = read.Value;
        var filled = rows.Select((row, i) => (Row: row, Index: i)).Where(x => x.Row.Values.Any(v => !FieldCodec.IsBlank(v))).ToList();
        if (filled.Count == 0)
        {
            return Failure.Validation(new Error("ledger.import_empty", "file"));
        }

        if (filled.Count > S.Policy.Ledger.MaxImportRows)
        {
            return Failure.Validation(new Error("ledger.import_too_many", "file", S.Policy.Ledger.MaxImportRows));
        }

        var columns = ColumnMap(rows[0].Keys);
        var errors = new List<ImportRowError>();
        var requests = new List<(int SheetRow, TRequest Request, List<Error> CellErrors)>();
        foreach (var (row, index) in filled)
        {
            var values = columns.Where(c => row.ContainsKey(c.Key)).ToDictionary(c => c.Value.Name, c => row[c.Key]);
            var rowErrors = new List<Error>();
            var request = (TRequest)(RequestFrom(values, rowErrors) with { CenterId = centerId });
            errors.AddRange(rowErrors.Select(e => RowError(ExcelImport.SheetRow(index), e)));
            requests.Add((ExcelImport.SheetRow(index), request, rowErrors));
        }

        await S.Orgs.PreloadCodesAsync(requests.SelectMany(r => CreditCodesIn(r.Request)), ct);
        var scope = await ScopeAsync(centerId, ct);
        var built = new List<TEntity>();
        var done = 0;
        foreach (var (sheetRow, request, cellErrors) in requests)
        {
            if (progress is not null)
            {
                await progress(done++, requests.Count, ct);
            }

            // A row with an unreadable cell is still checked, so a person sees every mistake of the row at once; what
            // the checks say about the unreadable cell itself ("required") would only repeat the first message.
            var result = await BuildAsync(scope, request, ct);
            if (result.IsSuccess)
            {
                if (cellErrors.Count == 0)
                {
                    built.Add(result.Value);
                }
            }
            else
            {
                errors.AddRange(result.Failure!.Errors
                    .Where(e => e.Field is null || cellErrors.All(c => c.Field != e.Field))
                    .Select(e => RowError(sheetRow, e)));
            }
        }

        if (errors.Count > 0)
        {
            return new ImportReport(filled.Count, 0, errors.OrderBy(e => e.Row).ToList());
        }

        if (progress is not null)
        {
            await progress(requests.Count, requests.Count, ct);
        }

        Db.AddRange(built);
        try
        {
            await Db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            // A unique index caught what the checks could not see (another writer saved the same key meanwhile):
            // nothing of this import was written, and the refusal says so instead of failing the request.
            Db.ChangeTracker.Clear();
            return Failure.Validation(new Error("ledger.import_conflict", "file"));
        }

        return new ImportReport(filled.Count, built.Count, []);
    }

    /// <summary>Credit codes a request names, so an import can look them all up at once.</summary>
    protected virtual IEnumerable<string?> CreditCodesIn(TRequest r) => [];

    private Dictionary<string, LedgerField> ColumnMap(IEnumerable<string> headers)
    {
        var byLabel = new Dictionary<string, LedgerField>(StringComparer.OrdinalIgnoreCase);
        foreach (var f in Fields.Where(f => !f.ReadOnly))
        {
            var (zh, en) = S.Both(f.LabelKey);
            byLabel.TryAdd(f.Name, f);
            byLabel.TryAdd(zh, f);
            byLabel.TryAdd(en, f);
        }

        var map = new Dictionary<string, LedgerField>();
        foreach (var header in headers)
        {
            if (byLabel.TryGetValue(header.Trim().TrimEnd('*').Trim(), out var f))
            {
                map[header] = f;
            }
        }

        return map;
    }

    private ImportRowError RowError(int row, Error e)
    {
        var field = e.Field is null ? null : Fields.FirstOrDefault(f => f.Name == e.Field);
        return new ImportRowError(row, field is null ? string.Empty : S.Text[field.LabelKey], S.Text.Of(e));
    }
}
