using System.Globalization;
using InnoCenter.Domain.Common;
using InnoCenter.Domain.Organizations;
using InnoCenter.Domain.Policy;
using InnoCenter.Domain.Reviews;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Files;
using InnoCenter.Web.Infrastructure.Imports;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Policy;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Experts;

/// <summary>
/// The expert pool's sheet (专家库 Excel): the columns the export writes and the import reads, the template, and the
/// all-or-nothing import. Sign-ins are linked by e-mail as in the form (<see cref="ExpertSignIns"/>).
/// </summary>
public sealed class ExpertImport(
    AppDbContext db, CurrentUser user, PolicyProvider policy, Text text, TimeProvider clock, Bilingual bilingual,
    Microsoft.Extensions.Options.IOptions<ImportLimits> importLimits)
{
    /// <summary>The sheet columns, in order: the export writes them and the import reads them (headers in Chinese or English).</summary>
    public static readonly IReadOnlyList<(string Key, string Field)> Columns =
    [
        ("experts.name", "name"),
        ("experts.title", "title"),
        ("experts.affiliationCreditCode", "affiliationCreditCode"),
        ("experts.affiliationName", "affiliationName"),
        ("experts.affiliatedSince", "affiliatedSince"),
        ("experts.domains", "domains"),
        ("experts.keyAreas", "keyAreas"),
        ("experts.expertise", "expertise"),
        ("experts.phone", "phone"),
        ("experts.email", "email"),
        ("experts.userEmail", "userEmail"),
        ("experts.active", "isActive"),
        ("experts.pastAffiliations", "pastAffiliations"),
    ];

    private static readonly char[] ListSeparators = ['、', ',', '，', ';', '；', '\n'];

    private PolicyPack Pack => policy.Current;

    public IDictionary<string, object?> ToExportRow(ExpertExportRow row)
    {
        var e = row.Expert;
        var en = LocalizationSetup.IsEnglish;
        var values = new Dictionary<string, object?>
        {
            ["name"] = e.Name,
            ["title"] = e.Title ?? string.Empty,
            ["affiliationCreditCode"] = e.AffiliationCreditCode,
            ["affiliationName"] = e.AffiliationName,
            ["affiliatedSince"] = e.AffiliatedSince,
            ["domains"] = string.Join(en ? ", " : "、", e.Domains.Select(d => Pack.ExpertDomains.LabelOf(d, en))),
            ["keyAreas"] = string.Join(en ? ", " : "、", e.KeyAreas.Select(k => Pack.KeyAreas.LabelOf(k, en))),
            ["expertise"] = e.Expertise ?? string.Empty,
            ["phone"] = e.Phone ?? string.Empty,
            ["email"] = e.Email ?? string.Empty,
            ["userEmail"] = row.UserEmail ?? string.Empty,
            ["isActive"] = e.IsActive ? text["experts.yes"] : text["experts.no"],
            ["pastAffiliations"] = string.Join("; ", e.PastAffiliations.OrderBy(a => a.EndedOn).Select(a =>
                $"{a.CreditCode}|{a.OrganizationName}|{a.StartedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}|{a.EndedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}")),
        };
        return Columns.ToDictionary(c => text[c.Key], c => values[c.Field]);
    }

    /// <summary>The sheet's columns in the user's language; the template offers 是/否 for the pool status.</summary>
    public IReadOnlyList<SheetColumn> SheetColumns(bool template) =>
        Columns.Select(c => new SheetColumn(text[c.Key], template && c.Field == "isActive" ? [text["experts.yes"], text["experts.no"]] : null)).ToList();

    /// <summary>An empty sheet with the column headers in the user's language and one example row.</summary>
    public IEnumerable<IDictionary<string, object?>> Template()
    {
        var example = new Dictionary<string, object?>
        {
            ["name"] = text["experts.template.name"],
            ["title"] = text["experts.template.title"],
            ["affiliationCreditCode"] = Uscc.Compose("12", "120000", "40135460").Value,
            ["affiliationName"] = text["experts.template.affiliation"],
            ["affiliatedSince"] = new DateOnly(2015, 9, 1),
            ["domains"] = text.List(Pack.ExpertDomains.Take(2).Select(d => d.Label(LocalizationSetup.IsEnglish))),
            ["keyAreas"] = Pack.KeyAreas.FirstOrDefault()?.Label(LocalizationSetup.IsEnglish) ?? string.Empty,
            ["expertise"] = string.Empty,
            ["phone"] = "022-12345678",
            ["email"] = "expert@example.org",
            ["userEmail"] = string.Empty,
            ["isActive"] = text["experts.yes"],
            ["pastAffiliations"] = $"{Uscc.Compose("91", "120116", "MA05T6K2").Value}|{text["experts.template.past"]}|2010-07-01|2015-08-31",
        };
        yield return Columns.ToDictionary(c => text[c.Key], c => example[c.Field]);
    }

    /// <summary>
    /// Imports a sheet all-or-nothing: every row is checked first (fields, codes, duplicates within the sheet and against
    /// the pool, sign-ins); if any row is wrong nothing is written and every wrong cell is reported.
    /// </summary>
    public async Task<Result<ImportReport>> ImportAsync(IFormFile? file, CancellationToken ct)
    {
        if (!user.IsAdmin)
        {
            return Failure.Forbidden();
        }

        if (file is null || file.Length == 0)
        {
            return Failure.Validation(new Error("file.empty", "file"));
        }

        // The form file is already buffered (on disk when large) and seekable: no second copy in memory.
        await using var buffer = file.OpenReadStream();
        return await ImportAsync(buffer, ct);
    }

    /// <summary>The import itself, from the page's background job or the API, reporting its progress row by row.</summary>
    public async Task<Result<ImportReport>> ImportAsync(Stream buffer, CancellationToken ct, ImportProgress? progress = null)
    {
        if (!user.IsAdmin)
        {
            return Failure.Forbidden();
        }

        if (FileTypes.Detect(buffer) != FileTypes.Xlsx)
        {
            return Failure.Validation(new Error("experts.import.not_xlsx", "file"));
        }

        var maxRows = Pack.Review.MaxImportRows;
        var read = await ExcelImport.ReadRowsAsync(buffer, importLimits.Value, maxRows, "experts.import.unreadable", ct);
        if (!read.IsSuccess)
        {
            return read.Failure!;
        }

        var rows = read.Value;
        if (rows.Count == 0)
        {
            return Failure.Validation(new Error("experts.import.empty", "file"));
        }

        if (rows.Count > maxRows)
        {
            return Failure.Validation(new Error("experts.import.too_many_rows", "file", maxRows));
        }

        var headers = HeaderMap(rows[0].Keys);
        var missing = Columns.Where(c => c.Field is "name" or "affiliationCreditCode" or "affiliationName" or "domains")
            .Where(c => !headers.ContainsKey(c.Field)).ToList();
        if (missing.Count > 0)
        {
            return Failure.Validation(missing.Select(m => new Error("experts.import.column_missing", "file", text[m.Key])));
        }

        var today = clock.TodayInBeijing();
        var now = clock.GetUtcNow();
        var errors = new List<ImportRowError>();
        var valid = new List<(int Row, ExpertProfile Profile, string? UserEmail)>();

        // First every row on its own (cells and fields), then what needs the database, read for the whole sheet in a few
        // queries: a sheet at the pack's row cap must not cost a round trip per row.
        for (var i = 0; i < rows.Count; i++)
        {
            if (progress is not null)
            {
                await progress(i, rows.Count, ct);
            }

            var rowNumber = ExcelImport.SheetRow(i);
            var (request, cellErrors) = ParseRow(rows[i], headers);
            errors.AddRange(cellErrors.Select(e => new ImportRowError(rowNumber, text[ColumnKey(e.Field!)], text.Of(e))));
            var validated = ExpertValidator.Validate(request, Pack, today);
            if (!validated.IsSuccess)
            {
                errors.AddRange(validated.Failure!.Errors
                    .Where(e => cellErrors.All(c => c.Field != FieldOf(e.Field)))
                    .Select(e => new ImportRowError(rowNumber, text[ColumnKey(FieldOf(e.Field))], text.Of(e))));
                continue;
            }

            if (cellErrors.Count == 0)
            {
                valid.Add((rowNumber, validated.Value.Profile, validated.Value.UserEmail));
            }
        }

        var pooled = await PooledAsync(valid.Select(v => v.Profile.AffiliationCreditCode), ct);
        var signIns = await ExpertSignIns.LoadAsync(db, valid.Select(v => v.UserEmail).OfType<string>(), null, ct);
        var created = new List<Expert>();
        var seen = new HashSet<(string, string)>();
        var linkedUsers = new HashSet<Guid>();
        foreach (var (rowNumber, profile, userEmail) in valid)
        {
            if (!seen.Add((profile.Name, profile.AffiliationCreditCode)) || pooled.Contains((profile.Name, profile.AffiliationCreditCode)))
            {
                errors.Add(new ImportRowError(rowNumber, text["experts.name"], text["experts.duplicate", profile.Name, profile.AffiliationCreditCode]));
                continue;
            }

            var linked = signIns.Resolve(userEmail);
            if (!linked.IsSuccess)
            {
                errors.AddRange(linked.Failure!.Errors.Select(e => new ImportRowError(rowNumber, text["experts.userEmail"], text.Of(e))));
                continue;
            }

            if (linked.Value is { } uid && !linkedUsers.Add(uid))
            {
                errors.Add(new ImportRowError(rowNumber, text["experts.userEmail"], text["experts.user_taken", userEmail!]));
                continue;
            }

            created.Add(Expert.Create(profile with { UserId = linked.Value }, now));
        }

        // Row order, as a reader goes down the sheet: a row's errors come from one of the two passes only.
        errors = errors.OrderBy(e => e.Row).ToList();
        if (errors.Count > 0)
        {
            return new ImportReport(rows.Count, 0, errors);
        }

        if (progress is not null)
        {
            await progress(rows.Count, rows.Count, ct);
        }

        db.Experts.AddRange(created);
        await db.SaveChangesAsync(ct);
        return new ImportReport(rows.Count, created.Count, []);
    }

    /// <summary>The pool's experts (name, employer) at the sheet's employers, read in chunks: a duplicate is found without a query per row.</summary>
    private async Task<HashSet<(string, string)>> PooledAsync(IEnumerable<string> creditCodes, CancellationToken ct)
    {
        var pooled = new HashSet<(string, string)>();
        foreach (var chunk in creditCodes.Distinct(StringComparer.Ordinal).Chunk(ExpertSignIns.LookupChunk))
        {
            foreach (var e in await db.Experts.AsNoTracking().Where(e => chunk.Contains(e.AffiliationCreditCode))
                         .Select(e => new { e.Name, e.AffiliationCreditCode }).ToListAsync(ct))
            {
                pooled.Add((e.Name, e.AffiliationCreditCode));
            }
        }

        return pooled;
    }

    private Dictionary<string, string> HeaderMap(IEnumerable<string> sheetHeaders)
    {
        var map = new Dictionary<string, string>();
        var sheet = sheetHeaders.ToList();
        foreach (var (key, field) in Columns)
        {
            var names = new[] { bilingual.In(LocalizationSetup.Chinese, key), bilingual.In(LocalizationSetup.English, key) };
            var header = sheet.FirstOrDefault(h => names.Any(n => string.Equals(n, h.Trim(), StringComparison.OrdinalIgnoreCase)));
            if (header is not null)
            {
                map[field] = header;
            }
        }

        return map;
    }

    private (ExpertRequest Request, List<Error> CellErrors) ParseRow(IDictionary<string, object?> row, Dictionary<string, string> headers)
    {
        var errors = new List<Error>();
        string? Cell(string field) => headers.TryGetValue(field, out var h) ? row.Text(h) : null;

        DateOnly? since = null;
        if (headers.TryGetValue("affiliatedSince", out var sinceHeader) && row.TryGetValue(sinceHeader, out var sinceValue))
        {
            since = DateCell(sinceValue, "affiliatedSince", errors);
        }

        bool? active = null;
        if (Cell("isActive") is { } activeText)
        {
            active = activeText.ToUpperInvariant() switch
            {
                "是" or "YES" or "Y" or "TRUE" or "1" or "在库" => true,
                "否" or "NO" or "N" or "FALSE" or "0" => false,
                _ => null,
            };
            if (active is null)
            {
                errors.Add(new Error("experts.import.yes_no", "isActive", activeText));
            }
        }

        var past = new List<AffiliationRequest>();
        if (Cell("pastAffiliations") is { } pastText)
        {
            foreach (var entry in pastText.Split([';', '；', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var parts = entry.Split('|', StringSplitOptions.TrimEntries);
                if (parts.Length != 4)
                {
                    errors.Add(new Error("experts.import.past_format", "pastAffiliations", entry));
                    continue;
                }

                past.Add(new AffiliationRequest(
                    parts[0], parts[1], DateCell(parts[2], "pastAffiliations", errors), DateCell(parts[3], "pastAffiliations", errors)));
            }
        }

        var request = new ExpertRequest
        {
            Name = Cell("name"),
            Title = Cell("title"),
            AffiliationCreditCode = Cell("affiliationCreditCode"),
            AffiliationName = Cell("affiliationName"),
            AffiliatedSince = since,
            Domains = Codes(Cell("domains"), Pack.ExpertDomains),
            KeyAreas = Codes(Cell("keyAreas"), Pack.KeyAreas),
            Expertise = Cell("expertise"),
            Phone = Cell("phone"),
            Email = Cell("email"),
            UserEmail = Cell("userEmail"),
            IsActive = active,
            PastAffiliations = past,
        };
        return (request, errors);
    }

    /// <summary>Codes or labels (either language) separated by 、 , ; — a label is turned into its code.</summary>
    private static List<string> Codes(string? cell, IReadOnlyList<CodeItem> table) =>
        (cell ?? string.Empty).Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(token => table.FirstOrDefault(i =>
                    string.Equals(i.Code, token, StringComparison.OrdinalIgnoreCase) || i.Zh == token
                    || string.Equals(i.En, token, StringComparison.OrdinalIgnoreCase))?.Code ?? token)
            .ToList();

    private static DateOnly? DateCell(object? value, string field, List<Error> errors)
    {
        switch (value)
        {
            case null:
                return null;
            case DateTime dt:
                return DateOnly.FromDateTime(dt);
            case double oa when oa is > -657_435 and < 2_958_466:
                return DateOnly.FromDateTime(DateTime.FromOADate(oa));
            case double outside:
                // A serial beyond what a date can be (9999999): refused by name, never an ArgumentException.
                errors.Add(new Error("experts.import.date", field, outside.ToString(CultureInfo.InvariantCulture)));
                return null;
        }

        var s = value.ToString()?.Trim();
        if (string.IsNullOrEmpty(s))
        {
            return null;
        }

        if (DateOnly.TryParseExact(s, ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyy.M.d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return d;
        }

        errors.Add(new Error("experts.import.date", field, s));
        return null;
    }

    private static string FieldOf(string? validatorField) =>
        validatorField is null ? "name" : validatorField.StartsWith("pastAffiliations", StringComparison.Ordinal) ? "pastAffiliations" : validatorField;

    private static string ColumnKey(string field) => Columns.FirstOrDefault(c => c.Field == field).Key ?? "experts.name";
}
