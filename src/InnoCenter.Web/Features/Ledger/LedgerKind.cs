using System.Globalization;
using System.Linq.Expressions;
using System.Text.Json;
using System.Text.Json.Nodes;
using InnoCenter.Domain.Centers;
using InnoCenter.Domain.Common;
using InnoCenter.Domain.Ledger;
using InnoCenter.Domain.Policy;
using InnoCenter.Web.Data;
using InnoCenter.Web.Features.Centers;
using InnoCenter.Web.Infrastructure.Imports;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Policy;
using InnoCenter.Web.Infrastructure.Search;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InnoCenter.Web.Features.Ledger;

/// <summary>What the pages, the import, the export and the attachments need of any ledger kind, whatever its record type.</summary>
public interface ILedgerKind
{
    /// <summary>The kind's segment in URLs: <c>/Ledger/{Slug}</c>, <c>/api/v1/ledger/{Slug}</c>.</summary>
    string Slug { get; }

    string TitleKey { get; }

    /// <summary>The owner type of its evidence attachments.</summary>
    string OwnerType { get; }

    IReadOnlyList<LedgerField> Fields { get; }

    /// <summary>Label of the kind's own type filter, and its choices (none when the kind has no such filter).</summary>
    string? TypeLabelKey { get; }

    IReadOnlyList<Option> TypeOptions { get; }

    Task<PagedResult<LedgerItem>> ListAsync(LedgerFilter filter, CancellationToken ct);

    /// <summary>How many records the filter matches, without reading any of them.</summary>
    Task<int> CountAsync(LedgerFilter filter, CancellationToken ct);

    IAsyncEnumerable<LedgerItem> StreamAsync(LedgerFilter filter, CancellationToken ct);

    Task<Result<LedgerItem>> GetAsync(Guid id, CancellationToken ct);

    /// <summary>Creates (id null) or edits a record from values typed into a form.</summary>
    Task<Result<LedgerItem>> SaveValuesAsync(Guid? id, Guid centerId, int? version, IReadOnlyDictionary<string, object?> values, CancellationToken ct);

    Task<Result<bool>> DeleteAsync(Guid id, int? version, CancellationToken ct);

    /// <summary>Imports a spreadsheet all-or-nothing: every row is checked, and either all are written or none is.</summary>
    Task<Result<ImportReport>> ImportAsync(Guid centerId, Stream content, CancellationToken ct, ImportProgress? progress = null);

    IDictionary<string, object?> ToExportRow(LedgerItem item);

    /// <summary>The export's header row, the same keys as <see cref="ToExportRow"/>.</summary>
    IReadOnlyList<SheetColumn> ExportColumns();

    /// <summary>The import template's columns (required ones marked *), with the choices of coded columns for a dropdown.</summary>
    IReadOnlyList<SheetColumn> TemplateColumns();

    /// <summary>The center a record belongs to, when the current user may see the record.</summary>
    Task<Guid?> VisibleCenterOfAsync(Guid id, CancellationToken ct);
}

/// <summary>The services every ledger kind uses, in one scoped bundle.</summary>
public sealed class LedgerServices(
    AppDbContext db, CenterAccess access, OrganizationLookup orgs, PolicyProvider policy, Text text, TimeProvider clock,
    Bilingual bilingual, Microsoft.Extensions.Options.IOptions<ImportLimits> importLimits)
{
    public ImportLimits ImportLimits => importLimits.Value;

    public AppDbContext Db => db;

    public CenterAccess Access => access;

    public OrganizationLookup Orgs => orgs;

    public PolicyPack Policy => policy.Current;

    public Text Text => text;

    public TimeProvider Clock => clock;

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>A string in both languages, so imports accept headers and choices in either.</summary>
    public (string Zh, string En) Both(string key) => (bilingual.In(LocalizationSetup.Chinese, key), bilingual.In(LocalizationSetup.English, key));

    public IReadOnlyList<Option> EnumOptions<TEnum>(string prefix)
        where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(v =>
        {
            var key = $"{prefix}.{v}";
            var (zh, en) = Both(key);
            return new Option(v.ToString(), text[key], [zh, en]);
        }).ToList();

    public IReadOnlyList<Option> PolicyOptions(IEnumerable<(string Code, string Zh, string En)> items) =>
        items.Select(i => new Option(i.Code, LocalizationSetup.IsEnglish ? i.En : i.Zh, [i.Zh, i.En])).ToList();
}

/// <summary>What a kind's validation knows while it checks one request: the center, today, and what an import has claimed.</summary>
public sealed class LedgerScope(Center center, DateOnly today)
{
    public Center Center { get; } = center;

    public DateOnly Today { get; } = today;

    /// <summary>Unique keys (e.g. IP numbers) claimed by earlier rows of the same import.</summary>
    public HashSet<string> Claimed { get; } = new(StringComparer.Ordinal);

    /// <summary>Per-scope caches a kind fills once (e.g. the center's existing IP numbers).</summary>
    public Dictionary<string, object> Cache { get; } = [];
}

/// <summary>
/// The one pattern of every ledger kind: who sees and who edits (by <see cref="CenterAccess"/>), list/filter/page,
/// create/edit/delete with optimistic concurrency, all-or-nothing import with row errors, streamed export. A kind
/// supplies its fields, its validation and how its records concern a member organisation.
/// </summary>
public abstract class LedgerKind<TEntity, TRequest>(LedgerServices s) : ILedgerKind
    where TEntity : LedgerRecord
    where TRequest : LedgerRequest
{
    private const int ChunkSize = 500;

    private static readonly JsonSerializerOptions RequestJson = new(JsonSerializerDefaults.Web);

    private readonly Dictionary<Guid, string> _centerNames = [];

    public abstract string Slug { get; }

    public string TitleKey => $"ledger.kind.{Slug}";

    public string OwnerType => $"ledger.{Slug}";

    public abstract IReadOnlyList<LedgerField> Fields { get; }

    public virtual string? TypeLabelKey => null;

    public virtual IReadOnlyList<Option> TypeOptions => [];

    protected LedgerServices S => s;

    protected AppDbContext Db => s.Db;

    /// <summary>The records with what <see cref="ValuesOf"/> needs included.</summary>
    protected abstract IQueryable<TEntity> Records { get; }

    protected abstract IQueryable<TEntity> Search(IQueryable<TEntity> q, string text);

    protected virtual IQueryable<TEntity> OfType(IQueryable<TEntity> q, string type) => q;

    /// <summary>How a record concerns a member organisation, for that member's users; null: none of this kind does.</summary>
    protected virtual Expression<Func<TEntity, bool>>? Concerning(Guid organizationId) => null;

    protected virtual IOrderedQueryable<TEntity> Ordered(IQueryable<TEntity> q) =>
        q.OrderByDescending(x => x.Year).ThenByDescending(x => x.CreatedAt).ThenBy(x => x.Id);

    /// <summary>Checks a request and builds the new record (not yet added to the context).</summary>
    protected abstract Task<Result<TEntity>> BuildAsync(LedgerScope scope, TRequest r, CancellationToken ct);

    /// <summary>Checks a request and applies it to the record.</summary>
    protected abstract Task<Result<TEntity>> ApplyAsync(LedgerScope scope, TEntity record, TRequest r, CancellationToken ct);

    protected virtual Task<Failure?> RefuseDeleteAsync(TEntity record, CancellationToken ct) => Task.FromResult<Failure?>(null);

    /// <summary>Loads what <see cref="ValuesOf"/> looks up for a batch of records (organisations, IP numbers…).</summary>
    protected virtual Task PrepareAsync(IReadOnlyList<TEntity> records, CancellationToken ct) => Task.CompletedTask;

    /// <summary>The record's fields in the request's shape.</summary>
    protected abstract IReadOnlyDictionary<string, object?> ValuesOf(TEntity record);

    /// <summary>Removes what a deleted record owns beyond its own row and children (nothing, by default).</summary>
    protected virtual void Removing(TEntity record)
    {
    }

    public async Task<PagedResult<LedgerItem>> ListAsync(LedgerFilter filter, CancellationToken ct)
    {
        var (page, size) = Paging.Normalize(filter.Page, filter.PageSize);
        var q = Filtered(await VisibleAsync(Records.AsNoTracking(), ct), filter);
        var (total, capped) = await SearchIndex.CountCappedAsync(q, !string.IsNullOrWhiteSpace(filter.Q), ct);
        var rows = await Ordered(q).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new PagedResult<LedgerItem>(await ItemsAsync(rows, ct), page, size, total, capped);
    }

    public async Task<int> CountAsync(LedgerFilter filter, CancellationToken ct) =>
        await Filtered(await VisibleAsync(Db.Set<TEntity>().AsNoTracking(), ct), filter).CountAsync(ct);

    /// <summary>Reads the filtered records a chunk at a time, so an export never holds them all.</summary>
    public async IAsyncEnumerable<LedgerItem> StreamAsync(LedgerFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var q = Ordered(Filtered(await VisibleAsync(Records.AsNoTracking(), ct), filter));
        for (var skip = 0; ; skip += ChunkSize)
        {
            var chunk = await q.Skip(skip).Take(ChunkSize).ToListAsync(ct);
            foreach (var item in await ItemsAsync(chunk, ct))
            {
                yield return item;
            }

            if (chunk.Count < ChunkSize)
            {
                yield break;
            }
        }
    }

    public async Task<Result<LedgerItem>> GetAsync(Guid id, CancellationToken ct)
    {
        var record = await (await VisibleAsync(Records.AsNoTracking(), ct)).FirstOrDefaultAsync(x => x.Id == id, ct);
        return record is null ? Failure.NotFound("ledger.not_found") : (await ItemsAsync([record], ct))[0];
    }

    public async Task<Guid?> VisibleCenterOfAsync(Guid id, CancellationToken ct) =>
        await (await VisibleAsync(Db.Set<TEntity>().AsNoTracking(), ct)).Where(x => x.Id == id).Select(x => (Guid?)x.CenterId).FirstOrDefaultAsync(ct);

    public async Task<Result<LedgerItem>> CreateAsync(TRequest r, CancellationToken ct)
    {
        if (r.CenterId is not { } centerId)
        {
            return Failure.Validation(new Error("validation.required", "centerId"));
        }

        if (!await S.Access.CanEditAsync(centerId, ct))
        {
            return Failure.Forbidden("ledger.edit_forbidden");
        }

        var scope = await ScopeAsync(centerId, ct);
        var built = await BuildAsync(scope, r, ct);
        if (!built.IsSuccess)
        {
            return built.Failure!;
        }

        Db.Add(built.Value);
        return await SaveThenGetAsync(built.Value.Id, ct);
    }

    public async Task<Result<LedgerItem>> UpdateAsync(Guid id, TRequest r, CancellationToken ct)
    {
        var visible = await VisibleCenterOfAsync(id, ct);
        if (visible is not { } centerId)
        {
            return Failure.NotFound("ledger.not_found");
        }

        if (!await S.Access.CanEditAsync(centerId, ct))
        {
            return Failure.Forbidden("ledger.edit_forbidden");
        }

        if (r.CenterId is { } requested && requested != centerId)
        {
            return Failure.Validation(new Error("ledger.center_immutable", "centerId"));
        }

        if (r.Version is null)
        {
            return Failure.Validation(new Error("validation.required", "version"));
        }

        var record = await Records.FirstAsync(x => x.Id == id, ct);
        if (record.Version != r.Version)
        {
            return Failure.Conflict("common.concurrency");
        }

        var applied = await ApplyAsync(await ScopeAsync(centerId, ct), record, r, ct);
        if (!applied.IsSuccess)
        {
            return applied.Failure!;
        }

        return await SaveThenGetAsync(id, ct);
    }

    public async Task<Result<LedgerItem>> SaveValuesAsync(
        Guid? id, Guid centerId, int? version, IReadOnlyDictionary<string, object?> values, CancellationToken ct)
    {
        var errors = new List<Error>();
        var request = (TRequest)(RequestFrom(values, errors) with { CenterId = centerId, Version = version });
        if (errors.Count > 0)
        {
            return Failure.Validation(errors);
        }

        return id is { } existing ? await UpdateAsync(existing, request, ct) : await CreateAsync(request, ct);
    }

    /// <summary>Deletes a record read at <paramref name="version"/>; a record changed since then is a 409, never a lost update.</summary>
    public async Task<Result<bool>> DeleteAsync(Guid id, int? version, CancellationToken ct)
    {
        var visible = await VisibleCenterOfAsync(id, ct);
        if (visible is not { } centerId)
        {
            return Failure.NotFound("ledger.not_found");
        }

        if (!await S.Access.CanEditAsync(centerId, ct))
        {
            return Failure.Forbidden("ledger.edit_forbidden");
        }

        if (version is null)
        {
            return Failure.Validation(new Error("validation.required", "version"));
        }

        var record = await Records.FirstAsync(x => x.Id == id, ct);
        if (record.Version != version)
        {
            return Failure.Conflict("common.concurrency");
        }

        if (await RefuseDeleteAsync(record, ct) is { } refused)
        {
            return refused;
        }

        Removing(record);
        Db.Remove(record);
        try
        {
            await Db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Failure.Conflict("common.concurrency");
        }

        return true;
    }

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

    /// <summary>Credit codes a request names, so an import can look them all up at once.</summary>
    protected virtual IEnumerable<string?> CreditCodesIn(TRequest r) => [];

    protected TRequest RequestFrom(IReadOnlyDictionary<string, object?> values, List<Error> errors)
    {
        var json = FieldCodec.ToJson(Fields, values, errors);
        try
        {
            return json.Deserialize<TRequest>(RequestJson) ?? throw new JsonException();
        }
        catch (JsonException)
        {
            errors.Add(new Error("request.invalid"));
            return new JsonObject().Deserialize<TRequest>(RequestJson)!;
        }
    }

    protected async Task<LedgerScope> ScopeAsync(Guid centerId, CancellationToken ct)
    {
        var center = await Db.Centers.AsNoTracking().Include(c => c.Memberships).FirstAsync(c => c.Id == centerId, ct);
        return new LedgerScope(center, S.Access.Today);
    }

    private async Task<Result<LedgerItem>> SaveThenGetAsync(Guid id, CancellationToken ct)
    {
        try
        {
            await Db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Failure.Conflict("common.concurrency");
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            // A unique index caught what the checks could not see: another writer saved the same key first.
            return Failure.Conflict("ledger.duplicate");
        }

        Db.ChangeTracker.Clear();
        return await GetAsync(id, ct);
    }

    private IQueryable<TEntity> Filtered(IQueryable<TEntity> q, LedgerFilter f)
    {
        if (f.CenterId is { } center)
        {
            q = q.Where(x => x.CenterId == center);
        }

        if (f.Year is { } year)
        {
            q = q.Where(x => x.Year == year);
        }

        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            q = Search(q, f.Q.Trim());
        }

        if (!string.IsNullOrWhiteSpace(f.Type))
        {
            q = OfType(q, f.Type.Trim());
        }

        return q;
    }

    /// <summary>
    /// The records the user may see: an Admin all; a center's users their center's; a member's users, in the centers
    /// their organisation belongs to, only the records that concern it.
    /// </summary>
    private async Task<IQueryable<TEntity>> VisibleAsync(IQueryable<TEntity> q, CancellationToken ct)
    {
        if (S.Access.IsAdmin)
        {
            return q;
        }

        var editable = await S.Access.EditableAsync(ct);
        var memberOf = await S.Access.MemberOfAsync(ct);
        var concerning = S.Access.OrganizationId is { } org && memberOf.Count > 0 ? Concerning(org) : null;
        if (concerning is null)
        {
            return q.Where(x => editable.Contains(x.CenterId));
        }

        Expression<Func<TEntity, bool>> ofMemberCenters = x => memberOf.Contains(x.CenterId);
        Expression<Func<TEntity, bool>> ofOwnCenters = x => editable.Contains(x.CenterId);
        return q.Where(Predicates.Or(ofOwnCenters, Predicates.And(ofMemberCenters, concerning)));
    }

    private async Task<IReadOnlyList<LedgerItem>> ItemsAsync(IReadOnlyList<TEntity> records, CancellationToken ct)
    {
        if (records.Count == 0)
        {
            return [];
        }

        await PrepareAsync(records, ct);
        var missing = records.Select(r => r.CenterId).Distinct().Where(c => !_centerNames.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            foreach (var c in await Db.Centers.AsNoTracking().Where(c => missing.Contains(c.Id)).Select(c => new { c.Id, c.Name }).ToListAsync(ct))
            {
                _centerNames[c.Id] = c.Name;
            }
        }

        var editable = await S.Access.EditableAsync(ct);
        return records.Select(r =>
        {
            var values = ValuesOf(r);
            return new LedgerItem(
                r.Id, r.CenterId, _centerNames.GetValueOrDefault(r.CenterId, string.Empty), r.Year, r.Version, values,
                Fields.ToDictionary(f => f.Name, f => Display(f, values.GetValueOrDefault(f.Name))),
                editable.Contains(r.CenterId));
        }).ToList();
    }

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

    private string Display(LedgerField f, object? value) => value switch
    {
        null => string.Empty,
        bool b => S.Text[b ? "ledger.yes" : "ledger.no"],
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        decimal m when f.Type == FieldType.Money => m.ToString("N2", CultureInfo.InvariantCulture),
        string code when f.Type == FieldType.Choice => f.Options?.Invoke().FirstOrDefault(o => o.Code == code)?.Label ?? code,
        string code when f.Type == FieldType.Country => IsoCountries.Find(code)?.Label(LocalizationSetup.IsEnglish) ?? code,
        string code when f.Type == FieldType.CreditCode => S.Orgs.NameOfCode(code) ?? code,
        IEnumerable<ShareLine> shares => S.Text.Clauses(shares.Select(l => $"{S.Orgs.NameOfCode(l.CreditCode) ?? l.CreditCode} {l.SharePercent:0.##}%")),
        IEnumerable<string> list when f.Type == FieldType.Members => S.Text.Clauses(list.Select(c => S.Orgs.NameOfCode(c) ?? c)),
        IEnumerable<string> list => S.Text.Clauses(list),
        IFormattable x => x.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

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

/// <summary>Combines predicates into one expression EF can translate.</summary>
internal static class Predicates
{
    public static Expression<Func<T, bool>> Or<T>(Expression<Func<T, bool>> a, Expression<Func<T, bool>> b) => Combine(a, b, Expression.OrElse);

    public static Expression<Func<T, bool>> And<T>(Expression<Func<T, bool>> a, Expression<Func<T, bool>> b) => Combine(a, b, Expression.AndAlso);

    private static Expression<Func<T, bool>> Combine<T>(
        Expression<Func<T, bool>> a, Expression<Func<T, bool>> b, Func<Expression, Expression, BinaryExpression> join)
    {
        var p = Expression.Parameter(typeof(T), "x");
        var left = new Rebind(a.Parameters[0], p).Visit(a.Body);
        var right = new Rebind(b.Parameters[0], p).Visit(b.Body);
        return Expression.Lambda<Func<T, bool>>(join(left, right), p);
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
