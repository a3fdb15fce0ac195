using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using InnoCenter.Domain.Common;
using InnoCenter.Domain.Ledger;
using InnoCenter.Domain.Organizations;

namespace InnoCenter.Web.Features.Ledger;

/// <summary>How a ledger field is typed in, shown, exported and imported.</summary>
public enum FieldType
{
    Text,
    LongText,
    Date,
    Year,
    Integer,
    Money,
    Bool,
    Choice,
    CreditCode,

    /// <summary>Several member organisations, by credit code.</summary>
    Members,

    /// <summary>Member organisations with percent shares that total 100 %.</summary>
    Shares,

    /// <summary>IP records of the center, by number.</summary>
    IpNumbers,
    Country,
}

/// <summary>A choice: its code, its label in the user's language, and every spelling an import may use for it.</summary>
public sealed record Option(string Code, string Label, IReadOnlyList<string> Aliases);

/// <summary>
/// One field of a ledger kind. The request property, the form input, the list column, the export column and the import
/// column all carry the field's <see cref="Name"/>; its label is <c>ledger.field.{Name}</c>.
/// </summary>
public sealed record LedgerField(string Name, FieldType Type, bool Required = false)
{
    /// <summary>The label's resource key; <c>ledger.field.{Name}</c> unless a kind needs its own wording.</summary>
    public string LabelKey { get; init; } = $"ledger.field.{Name}";

    public string? HelpKey { get; init; }

    /// <summary>Shown and exported but never typed in (e.g. revenue received, the sum of the receipts).</summary>
    public bool ReadOnly { get; init; }

    /// <summary>Shown as a column of the list.</summary>
    public bool InList { get; init; } = true;

    public Func<IReadOnlyList<Option>>? Options { get; init; }
}

/// <summary>A member's share as a request carries it.</summary>
public sealed record ShareLine
{
    public string? CreditCode { get; init; }

    public decimal? SharePercent { get; init; }
}

/// <summary>
/// Turns typed-in or spreadsheet values into the JSON of a request: forms and imports thereby reach exactly the same
/// validation as the API. A value that cannot be read as its type becomes an error on its field, not an exception.
/// </summary>
public static partial class FieldCodec
{
    public static JsonObject ToJson(IEnumerable<LedgerField> fields, IReadOnlyDictionary<string, object?> values, List<Error> errors)
    {
        var json = new JsonObject();
        foreach (var f in fields.Where(f => !f.ReadOnly))
        {
            if (!values.TryGetValue(f.Name, out var raw) || IsBlank(raw))
            {
                continue;
            }

            var node = Convert(f, raw!, out var error);
            if (error is not null)
            {
                errors.Add(new Error(error, f.Name, Describe(raw!)));
            }
            else if (node is not null)
            {
                json[f.Name] = node;
            }
        }

        return json;
    }

    public static bool IsBlank(object? v) => v is null || (v is string s && string.IsNullOrWhiteSpace(s));

    private static string Describe(object raw) => raw switch
    {
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable x => x.ToString(null, CultureInfo.InvariantCulture),
        _ => raw.ToString() ?? string.Empty,
    };

    private static JsonNode? Convert(LedgerField f, object raw, out string? error)
    {
        error = null;
        var text = Describe(raw).Trim();
        switch (f.Type)
        {
            case FieldType.Text or FieldType.LongText:
                return JsonValue.Create(text);
            case FieldType.CreditCode:
                return JsonValue.Create(Uscc.Normalize(text));
            case FieldType.Date:
                if (ReadDate(raw) is { } date)
                {
                    return JsonValue.Create(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                }

                error = "ledger.date_format";
                return null;
            case FieldType.Year or FieldType.Integer:
                if (ReadDecimal(raw) is { } whole && whole == decimal.Truncate(whole) && whole is >= int.MinValue and <= int.MaxValue)
                {
                    return JsonValue.Create((int)whole);
                }

                error = "ledger.integer_format";
                return null;
            case FieldType.Money:
                if (ReadDecimal(raw) is { } money)
                {
                    return JsonValue.Create(money);
                }

                error = "ledger.number_format";
                return null;
            case FieldType.Bool:
                if (ReadBool(text) is { } b)
                {
                    return JsonValue.Create(b);
                }

                error = "ledger.bool_format";
                return null;
            case FieldType.Choice:
                var options = f.Options?.Invoke() ?? [];
                var option = options.FirstOrDefault(o =>
                    string.Equals(o.Code, text, StringComparison.OrdinalIgnoreCase)
                    || o.Aliases.Any(a => string.Equals(a, text, StringComparison.OrdinalIgnoreCase)));
                // An unknown choice goes on as typed: the kind's validation names it in its refusal.
                return JsonValue.Create(option?.Code ?? text);
            case FieldType.Country:
                return JsonValue.Create(IsoCountries.FindByCodeOrName(text)?.Code ?? text);
            case FieldType.Members or FieldType.IpNumbers:
                return new JsonArray(Split(text).Select(s => (JsonNode?)JsonValue.Create(f.Type == FieldType.Members ? Uscc.Normalize(s) : s)).ToArray());
            case FieldType.Shares:
                var lines = new JsonArray();
                foreach (var part in Split(text))
                {
                    var m = ShareEntry().Match(part);
                    if (!m.Success)
                    {
                        error = "ledger.shares_format";
                        return null;
                    }

                    var line = new JsonObject { ["creditCode"] = Uscc.Normalize(m.Groups[1].Value) };
                    if (m.Groups[2].Value.Length > 0)
                    {
                        if (ReadDecimal(m.Groups[2].Value) is not { } share)
                        {
                            error = "ledger.shares_format";
                            return null;
                        }

                        line["sharePercent"] = share;
                    }

                    lines.Add(line);
                }

                return lines;
            default:
                return JsonValue.Create(text);
        }
    }

    public static IEnumerable<string> Split(string text) =>
        ListSeparators().Split(text).Select(s => s.Trim()).Where(s => s.Length > 0);

    public static DateOnly? ReadDate(object raw)
    {
        switch (raw)
        {
            case DateTime dt:
                return DateOnly.FromDateTime(dt);
            case DateOnly d:
                return d;
            case double serial when serial is > 0 and < 2_958_466:
                // A date cell that arrives as its spreadsheet serial number.
                return DateOnly.FromDateTime(DateTime.FromOADate(serial));
        }

        var s = raw.ToString()?.Trim() ?? string.Empty;
        string[] formats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyyMMdd", "yyyy年M月d日", "yyyy-MM-dd HH:mm:ss", "yyyy/M/d H:mm:ss"];
        return DateOnly.TryParseExact(s, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            ? parsed
            : DateTime.TryParseExact(s, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt2) ? DateOnly.FromDateTime(dt2) : null;
    }

    public static decimal? ReadDecimal(object raw)
    {
        switch (raw)
        {
            case decimal d:
                return d;
            case double x:
                // decimal holds about ±7.9e28; a cell of 1E+300 is "not a number" for this field, not an overflow.
                return double.IsFinite(x) && Math.Abs(x) < 7.9e28 ? decimal.Round((decimal)x, 6) : null;
            case int i:
                return i;
            case long l:
                return l;
        }

        var s = (raw.ToString() ?? string.Empty).Trim().Replace(",", string.Empty).Replace("，", string.Empty)
            .TrimEnd('%', '％', '元').Trim();
        return decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    public static bool? ReadBool(string s) => s.Trim().ToLowerInvariant() switch
    {
        "true" or "yes" or "y" or "1" or "是" or "on" or "√" => true,
        "false" or "no" or "n" or "0" or "否" or "off" => false,
        _ => null,
    };

    [GeneratedRegex(@"[;；,，、\r\n]+")]
    private static partial Regex ListSeparators();

    /// <summary>"91120116MA05T6K2X1:60", "… 60%", "…=60" or "…：60"; a code without a share is refused by the share check.</summary>
    [GeneratedRegex(@"^\s*([0-9A-Za-z]+)\s*(?:[:：=\s]\s*([0-9.]*))?\s*%?\s*$")]
    private static partial Regex ShareEntry();
}
