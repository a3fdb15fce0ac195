using System.Globalization;
using InnoCenter.Domain.Common;
using InnoCenter.Web.Data;
using InnoCenter.Web.Features.Centers;
using InnoCenter.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Primitives;

namespace InnoCenter.Web.Features.Ledger;

/// <summary>
/// A ledger kind's form: its fields rendered from their types, the posted or stored values as strings, and the choices
/// that come from the center (its members, its IP records). Inputs are named <c>f.{field}</c>.
/// </summary>
public sealed class LedgerForm
{
    public const int ShareRows = 6;

    public required ILedgerKind Kind { get; init; }

    public Dictionary<string, string[]> Values { get; init; } = [];

    /// <summary>The center's members (current and past): credit code and name.</summary>
    public IReadOnlyList<Option> Members { get; init; } = [];

    /// <summary>The center's IP records: number and title.</summary>
    public IReadOnlyList<Option> IpRecords { get; init; } = [];

    public string One(string field) => Values.TryGetValue(field, out var v) && v.Length > 0 ? v[0] : string.Empty;

    public string[] Many(string field) => Values.TryGetValue(field, out var v) ? v : [];

    /// <summary>The share rows of a field: (credit code, share) pairs padded with empty rows.</summary>
    public IReadOnlyList<(string Code, string Share)> ShareRowsOf(string field)
    {
        var codes = Many(field + ".code");
        var shares = Many(field + ".share");
        var rows = Enumerable.Range(0, Math.Max(codes.Length, shares.Length))
            .Select(i => (i < codes.Length ? codes[i] : string.Empty, i < shares.Length ? shares[i] : string.Empty)).ToList();
        while (rows.Count < ShareRows)
        {
            rows.Add((string.Empty, string.Empty));
        }

        return rows;
    }

    /// <summary>The stored record's values as the form shows them.</summary>
    public static Dictionary<string, string[]> FromItem(ILedgerKind kind, LedgerItem item)
    {
        var values = new Dictionary<string, string[]>();
        foreach (var f in kind.Fields)
        {
            item.Values.TryGetValue(f.Name, out var v);
            switch (v)
            {
                case null:
                    break;
                case IEnumerable<ShareLine> shares:
                    var list = shares.ToList();
                    values[f.Name + ".code"] = list.Select(l => l.CreditCode ?? string.Empty).ToArray();
                    values[f.Name + ".share"] = list.Select(l => l.SharePercent?.ToString("0.##", CultureInfo.InvariantCulture) ?? string.Empty).ToArray();
                    break;
                case IEnumerable<string> many:
                    values[f.Name] = many.ToArray();
                    break;
                case DateOnly d:
                    values[f.Name] = [d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)];
                    break;
                case bool b:
                    values[f.Name] = b ? ["true"] : [];
                    break;
                case IFormattable x:
                    values[f.Name] = [x.ToString(null, CultureInfo.InvariantCulture)];
                    break;
                default:
                    values[f.Name] = [v.ToString() ?? string.Empty];
                    break;
            }
        }

        return values;
    }

    /// <summary>What a browser posted, kept as strings to show again, and as the values the kind reads.</summary>
    public static (Dictionary<string, string[]> Posted, Dictionary<string, object?> Values) FromForm(ILedgerKind kind, IFormCollection form)
    {
        var posted = form.Where(kv => kv.Key.StartsWith("f.", StringComparison.Ordinal))
            .ToDictionary(kv => kv.Key[2..], kv => kv.Value.Where(v => v is not null).Select(v => v!).ToArray());
        var values = new Dictionary<string, object?>();
        foreach (var f in kind.Fields.Where(f => !f.ReadOnly))
        {
            switch (f.Type)
            {
                case FieldType.Shares:
                    var codes = posted.GetValueOrDefault(f.Name + ".code") ?? [];
                    var shares = posted.GetValueOrDefault(f.Name + ".share") ?? [];
                    var entries = codes.Select((c, i) => (Code: c.Trim(), Share: i < shares.Length ? shares[i].Trim() : string.Empty))
                        .Where(e => e.Code.Length > 0 || e.Share.Length > 0)
                        .Select(e => e.Code.Length == 0 ? "?:" + e.Share : $"{e.Code}:{e.Share}");
                    values[f.Name] = string.Join(";", entries);
                    break;
                case FieldType.Members or FieldType.IpNumbers:
                    values[f.Name] = string.Join(";", posted.GetValueOrDefault(f.Name) ?? []);
                    break;
                default:
                    values[f.Name] = (posted.GetValueOrDefault(f.Name) ?? []).FirstOrDefault();
                    break;
            }
        }

        return (posted, values);
    }

    /// <summary>Loads the center's choices the kind's fields need.</summary>
    public static async Task<(IReadOnlyList<Option> Members, IReadOnlyList<Option> Ip)> ChoicesAsync(
        ILedgerKind kind, Guid centerId, AppDbContext db, CancellationToken ct)
    {
        IReadOnlyList<Option> members = [];
        IReadOnlyList<Option> ip = [];
        if (kind.Fields.Any(f => f.Type is FieldType.Members or FieldType.Shares))
        {
            members = (await (from m in db.CenterMemberships.AsNoTracking()
                              join o in db.Organizations on m.OrganizationId equals o.Id
                              where m.CenterId == centerId
                              select new { o.CreditCode, o.Name }).ToListAsync(ct))
                .DistinctBy(o => o.CreditCode).OrderBy(o => o.Name).Select(o => new Option(o.CreditCode, o.Name, [])).ToList();
        }

        if (kind.Fields.Any(f => f.Type == FieldType.IpNumbers))
        {
            ip = (await db.LedgerIp.AsNoTracking().Where(x => x.CenterId == centerId)
                    .OrderByDescending(x => x.FilingDate).Take(2000).Select(x => new { x.Number, x.Title }).ToListAsync(ct))
                .Select(x => new Option(x.Number, $"{x.Number} {x.Title}", [])).ToList();
        }

        return (members, ip);
    }

    /// <summary>Puts each error next to its field (<c>f.{field}</c>), or above the form.</summary>
    public static void AddErrors(ModelStateDictionary state, Failure failure, Text text, ILedgerKind kind)
    {
        foreach (var e in failure.Errors)
        {
            var key = e.Field is not null && kind.Fields.Any(f => f.Name == e.Field) ? "f." + e.Field : string.Empty;
            state.AddModelError(key, text.Of(e));
        }
    }
}
