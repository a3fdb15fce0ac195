using InnoCenter.Domain.Search;
using InnoCenter.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace InnoCenter.Web.Infrastructure.Search;

/// <summary>
/// The query side and the upkeep of the text-search index. A search narrows its query to the index's candidates and
/// keeps its own predicate on them, so results are exactly those of the substring search:
/// <code>
/// if (SearchIndex.Matching(db, SearchKinds.Organization, text) is { } hits) q = q.Where(o =&gt; hits.Contains(o.Id));
/// q = q.Where(o =&gt; o.Name.Contains(text));
/// </code>
/// On SQLite an FTS5 table answers (external content over <c>SearchEntries</c>, kept by triggers); on PostgreSQL a GIN
/// index over a generated <c>tsvector</c> of the same tokens. Both are created by the <c>SearchIndex</c> migrations.
/// </summary>
public static class SearchIndex
{
    private const string MarkerKind = "_index";
    private const int Batch = 1000;

    /// <summary>Bump when what an entry stores around the tokens changes (k1: the kind's token first; k2: each token behind the kind's code), so the index is rebuilt.</summary>
    private const string EntryFormat = "k2";

    /// <summary>
    /// The ids of records of <paramref name="kind"/> whose tokens hold every term of <paramref name="text"/> (a superset
    /// of the substring matches), as a query the caller composes with its own (<c>ids.Contains(x.Id)</c> becomes
    /// <c>IN (SELECT …)</c>). Null when the text has no run of two letters or digits: the caller then scans as before.
    /// </summary>
    public static IQueryable<Guid>? Matching(AppDbContext db, string kind, string? text)
    {
        var terms = SearchTerms.ForQuery(text);
        return terms.Count == 0 ? null : Matching(db, kind, terms);
    }

    /// <summary>The ids of records of <paramref name="kind"/> whose tokens hold every one of <paramref name="terms"/> (at least one).</summary>
    internal static IQueryable<Guid> Matching(AppDbContext db, string kind, IReadOnlyList<SearchTerms.Term> terms)
    {
        if (db.Database.IsNpgsql())
        {
            // "Kind" is implied by the tokens (each stored behind its kind's code since entry format k2) but kept: it lowers
            // the planner's estimate of the hits, so that it drives the join from them. Without it the organisations'
            // count of 智能 became a parallel walk of the table probing the index per row (19 ms against 5.5 ms).
            var query = TsQuery(kind, terms);
            return db.Database.SqlQuery<Guid>(
                $"""SELECT "RecordId" AS "Value" FROM "SearchEntries" WHERE "Kind" = {kind} AND "Vector" @@ CAST({query} AS tsquery)""");
        }

        // CROSS JOIN fixes the order (SQLite never reorders it): the MATCH once, then each hit by its rowid. With a plain
        // JOIN the planner walked the kind's entries through (Kind, RecordId) and ran the MATCH once per entry
        // ("SCAN SearchEntriesFts VIRTUAL TABLE INDEX 0:=M1"): 3,100 probes for a resource search (56–70 ms against
        // 0.4–1 ms at national), 10,000 for the applications (0.2 s → 2 ms), 300,000 for an IP title search (97 s → 0.1 s).
        var match = FtsMatch(kind, terms);
        return db.Database.SqlQuery<Guid>(
            $"""SELECT e."RecordId" AS "Value" FROM "SearchEntriesFts" CROSS JOIN "SearchEntries" AS e ON e."Id" = "SearchEntriesFts".rowid WHERE "SearchEntriesFts" MATCH {match} AND e."Kind" = {kind}""");
    }

    /// <summary>
    /// The FTS5 query of a kind's entries holding every term. Terms are letters and digits only (SearchTerms), so quoting
    /// them cannot break out of the query syntax.
    /// </summary>
    internal static string FtsMatch(string kind, IReadOnlyList<SearchTerms.Term> terms) =>
        string.Join(" AND ", terms.Select(t => $"\"{SearchEntry.TokenOf(kind, t.Text)}\"" + (t.Prefix ? "*" : "")));

    /// <summary>
    /// PostgreSQL: how many entries the planner expects to hold every term (its statistics of the index's tokens, kept by
    /// ANALYZE), without reading the index — the estimate <see cref="TextSearch"/> picks its form by. A word outside the
    /// statistics' common tokens is estimated rare.
    /// </summary>
    internal static async Task<double> EstimatedHitsAsync(AppDbContext db, string kind, IReadOnlyList<SearchTerms.Term> terms, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(ct);
        }

        try
        {
            await using var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = """EXPLAIN (FORMAT JSON) SELECT 1 FROM "SearchEntries" WHERE "Vector" @@ CAST(@query AS tsquery)""";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "query";
            parameter.Value = TsQuery(kind, terms);
            command.Parameters.Add(parameter);
            var plan = (string?)await command.ExecuteScalarAsync(ct) ?? "[]";
            using var json = System.Text.Json.JsonDocument.Parse(plan);
            return json.RootElement[0].GetProperty("Plan").GetProperty("Plan Rows").GetDouble();
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    /// <summary>The PostgreSQL tsquery of a kind's entries holding every term.</summary>
    private static string TsQuery(string kind, IReadOnlyList<SearchTerms.Term> terms) =>
        string.Join(" & ", terms.Select(t => $"'{SearchEntry.TokenOf(kind, t.Text)}'" + (t.Prefix ? ":*" : "")));

    /// <summary>Where a list counts no further under a text search: "1,000+" is shown instead of an exact total.</summary>
    public const int CountCap = 1000;

    /// <summary>
    /// The total of a list: exact without a text search; under one, counted up to <see cref="CountCap"/> and then
    /// reported as a floor, because a common two-character word can match a large part of a table and the exact count
    /// would verify every candidate.
    /// </summary>
    public static async Task<(int Total, bool Capped)> CountCappedAsync<T>(IQueryable<T> query, bool searched, CancellationToken ct)
    {
        if (!searched)
        {
            return (await query.CountAsync(ct), false);
        }

        var counted = await query.Take(CountCap + 1).CountAsync(ct);
        return counted > CountCap ? (CountCap, true) : (counted, false);
    }

    /// <summary>What the index is built for: the tokenizer's version and the registered kinds.</summary>
    public static string Signature(IEnumerable<ISearchKind> kinds) =>
        SearchTerms.Version + EntryFormat + " " + string.Join(' ', kinds.Select(k => k.Name).Order(StringComparer.Ordinal));

    /// <summary>
    /// At start: builds the index when it was built by another tokenizer version or for other kinds (the first start
    /// after the migration, the first start after a module registered a new kind). Otherwise one indexed row read.
    /// </summary>
    public static async Task EnsureBuiltAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var kinds = scope.ServiceProvider.GetServices<ISearchKind>().ToList();
        if (kinds.GroupBy(k => SearchEntry.CodeOf(k.Name)).FirstOrDefault(g => g.Count() > 1) is { } shared)
        {
            throw new InvalidOperationException(
                $"The search kinds {string.Join(", ", shared.Select(k => k.Name))} share the index code '{shared.Key}' (SearchEntry.CodeOf): rename one.");
        }

        var marker = await db.Set<SearchEntry>().AsNoTracking()
            .Where(e => e.Kind == MarkerKind && e.RecordId == Guid.Empty).Select(e => e.Terms).FirstOrDefaultAsync(ct);
        if (marker != Signature(kinds))
        {
            await RebuildAsync(db, kinds, ct);
        }
    }

    /// <summary>
    /// Recomputes every entry from the records, in one transaction (readers keep the old index until it commits).
    /// The ops verb <c>search-rebuild</c> and the tests call it. Returns the number of records indexed.
    /// </summary>
    public static async Task<int> RebuildAsync(AppDbContext db, IReadOnlyCollection<ISearchKind> kinds, CancellationToken ct = default)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var entries = db.Set<SearchEntry>();
            await entries.ExecuteDeleteAsync(ct);
            var count = 0;
            foreach (var kind in kinds)
            {
                for (var skip = 0; ; skip += Batch)
                {
                    var page = await kind.PageAsync(db, skip, Batch, ct);
                    entries.AddRange(page.Select(p => SearchEntry.For(kind.Name, p.Id, p.Terms)));
                    await db.SaveChangesAsync(ct);
                    db.ChangeTracker.Clear();
                    count += page.Count;
                    if (page.Count < Batch)
                    {
                        break;
                    }
                }
            }

            entries.Add(SearchEntry.Raw(MarkerKind, Guid.Empty, Signature(kinds)));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            if (db.Database.IsSqlite())
            {
                // The triggers kept it row by row; a rebuild from the content table also drops anything stray.
                await db.Database.ExecuteSqlRawAsync("""INSERT INTO "SearchEntriesFts"("SearchEntriesFts") VALUES ('rebuild')""", ct);
            }

            await tx.CommitAsync(ct);
            return count;
        });
    }

    /// <summary>Every entry (kind, record, tokens), ordered: what a test compares before and after a rebuild.</summary>
    public static async Task<List<(string Kind, Guid RecordId, string Terms)>> SnapshotAsync(AppDbContext db, CancellationToken ct = default)
    {
        var rows = await db.Set<SearchEntry>().AsNoTracking().Where(e => e.Kind != MarkerKind)
            .Select(e => new { e.Kind, e.RecordId, e.Terms }).ToListAsync(ct);
        return rows.Select(r => (r.Kind, r.RecordId, r.Terms))
            .OrderBy(r => r.Kind, StringComparer.Ordinal).ThenBy(r => r.RecordId).ToList();
    }

    /// <summary>SQLite: FTS5's own check that its index equals the content table (throws when not). PostgreSQL: no-op, the vector is generated.</summary>
    public static async Task CheckAsync(AppDbContext db, CancellationToken ct = default)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("""INSERT INTO "SearchEntriesFts"("SearchEntriesFts", rank) VALUES ('integrity-check', 1)""", ct);
        }
    }
}
