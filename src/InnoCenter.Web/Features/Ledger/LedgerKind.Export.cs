using InnoCenter.Domain.Ledger;
using InnoCenter.Web.Infrastructure.Web;

namespace InnoCenter.Web.Features.Ledger;

/// <summary>The export's rows and columns and the import template's columns of every ledger kind.</summary>
public abstract partial class LedgerKind<TEntity, TRequest>
    where TEntity : LedgerRecord
    where TRequest : LedgerRequest
{
    public IDictionary<string, object?> ToExportRow(LedgerItem item)
    {
        var row = new Dictionary<string, object?>
        {
            [S.Text["ledger.field.center"]] = item.CenterName,
        };
        foreach (var f in Fields)
        {
            item.Values.TryGetValue(f.Name, out var value);
            row[S.Text[f.LabelKey]] = ExportValue(f, value);
            if (f.Type is FieldType.CreditCode or FieldType.Members or FieldType.Shares)
            {
                // Names beside the codes for people; the import reads the codes and ignores this column.
                row[S.Text["ledger.names_of", S.Text[f.LabelKey]]] = item.Display.GetValueOrDefault(f.Name);
            }
        }

        return row;
    }

    public IReadOnlyList<SheetColumn> ExportColumns()
    {
        var columns = new List<SheetColumn> { new(S.Text["ledger.field.center"]) };
        foreach (var f in Fields)
        {
            columns.Add(new SheetColumn(S.Text[f.LabelKey]));
            if (f.Type is FieldType.CreditCode or FieldType.Members or FieldType.Shares)
            {
                columns.Add(new SheetColumn(S.Text["ledger.names_of", S.Text[f.LabelKey]]));
            }
        }

        return columns;
    }

    public IReadOnlyList<SheetColumn> TemplateColumns() =>
        Fields.Where(f => !f.ReadOnly).Select(f => new SheetColumn(
            f.Required ? S.Text[f.LabelKey] + " *" : S.Text[f.LabelKey],
            f.Type switch
            {
                FieldType.Choice => f.Options?.Invoke().Select(o => o.Label).ToList(),
                FieldType.Bool => [S.Text["ledger.yes"], S.Text["ledger.no"]],
                _ => null,
            })).ToList();

    private object? ExportValue(LedgerField f, object? value) => value switch
    {
        null => null,
        bool b => S.Text[b ? "ledger.yes" : "ledger.no"],
        DateOnly d => d,
        string code when f.Type is FieldType.Choice => f.Options?.Invoke().FirstOrDefault(o => o.Code == code)?.Label ?? code,
        IEnumerable<ShareLine> shares => string.Join("; ", shares.Select(l => $"{l.CreditCode}:{l.SharePercent:0.##}")),
        IEnumerable<string> list => string.Join("; ", list),
        _ => value,
    };
}
