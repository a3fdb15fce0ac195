using System.Globalization;
using System.Linq.Expressions;
using System.Text.Json;
using InnoCenter.Domain.Common;
using InnoCenter.Domain.Ledger;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Search;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Ledger;

/// <summary>
/// The one pattern of every ledger kind: who sees and who edits (by <see cref="CenterAccess"/>), list/filter/page,
/// create/edit/delete with optimistic concurrency, all-or-nothing import with row errors, streamed export. A kind
/// supplies its fields, its validation and how its records concern a member organisation.
/// </summary>
public abstract partial class LedgerKind<TEntity, TRequest>(LedgerServices s) : ILedgerKind
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

    /// <summary>The records whose searched fields hold <paramref name="text"/> (after the index narrowed them, for a kind that has one).</summary>
    protected abstract IQueryable<TEntity> Search(IQueryable<TEntity> q, string text);

    /// <summary>The kind's name in the text index (<see cref="SearchKinds"/>), or null when its search scans.</summary>
    protected virtual string? IndexedAs => null;

    /// <summary>
    /// <see cref="Search"/> looks in exactly the texts the index keeps for the kind, so that for one Chinese word the
    /// index's hits are its matches (<see cref="TextSearch.OneWord"/>).
    /// </summary>
    protected virtual bool IndexDecides => false;

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
        var visible = await VisibleAsync(Records.AsNoTracking(), ct);
        var search = await SearchedAsync(filter, ct);
        var (total, capped) = await KeptTotalAsync(filter, ct) is { } kept
            ? (kept, false)
            : search is null
                ? await SearchIndex.CountCappedAsync(Filtered(visible, filter, null), !string.IsNullOrWhiteSpace(filter.Q), ct)
                : await TextSearch.CountAsync(search, s => Filtered(visible, filter, s), Narrowed(filter), IndexDecides, ct);
        var rows = await Ordered(Filtered(visible, filter, search?.ForFirst((long)page * size))).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new PagedResult<LedgerItem>(await ItemsAsync(rows, ct), page, size, total, capped);
    }

    public async Task<int> CountAsync(LedgerFilter filter, CancellationToken ct) =>
        await KeptTotalAsync(filter, ct)
        ?? await Filtered(await VisibleAsync(Db.Set<TEntity>().AsNoTracking(), ct), filter, (await SearchedAsync(filter, ct))?.HitsFirst()).CountAsync(ct);

    /// <summary>Reads the filtered records a chunk at a time, so an export never holds them all.</summary>
    public async IAsyncEnumerable<LedgerItem> StreamAsync(LedgerFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var q = Ordered(Filtered(await VisibleAsync(Records.AsNoTracking(), ct), filter, (await SearchedAsync(filter, ct))?.HitsFirst()));
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

    /// <summary>
    /// The total an Admin's list of all records (or of one center's) has, from the kept counts
    /// (<see cref="LedgerRecordCounts"/>); null when the list has another condition, which its own count answers. Counting
    /// 100,000 deals held the unfiltered deal list at a fifth of the floor at national scale.
    /// </summary>
    private async Task<int?> KeptTotalAsync(LedgerFilter f, CancellationToken ct) =>
        S.Access.IsAdmin && f.Year is null && string.IsNullOrWhiteSpace(f.Q) && string.IsNullOrWhiteSpace(f.Type)
            ? await LedgerRecordCounts.TotalAsync<TEntity>(Db, f.CenterId, ct)
            : null;

    /// <summary>Whether the list has a condition besides the text (what the user may see included).</summary>
    private bool Narrowed(LedgerFilter f) =>
        !S.Access.IsAdmin || f.CenterId is not null || f.Year is not null || !string.IsNullOrWhiteSpace(f.Type);

    private async Task<TextSearch?> SearchedAsync(LedgerFilter f, CancellationToken ct) =>
        IndexedAs is { } kind && !string.IsNullOrWhiteSpace(f.Q) ? await TextSearch.PrepareAsync(Db, kind, f.Q.Trim(), ct) : null;

    private IQueryable<TEntity> Filtered(IQueryable<TEntity> q, LedgerFilter f, TextSearch? search)
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
            if (search is not null)
            {
                q = search.Narrow(q, x => x.Id);
            }

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
}
