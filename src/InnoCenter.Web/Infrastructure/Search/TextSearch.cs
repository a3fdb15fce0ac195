using System.Collections.Concurrent;
using System.Linq.Expressions;
using InnoCenter.Domain.Search;
using InnoCenter.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Infrastructure.Search;

/// <summary>
/// A list's text search prepared for one request: the index's hits of the words are counted first (in FTS5 alone, well
/// under a millisecond even for a common word), and each read then narrows the list in the form that suits it.
/// <list type="bullet">
/// <item><b>Hits first</b> (<c>Id IN (hits)</c>): every hit is looked up from the text index to its record — about 3 µs
/// a hit, so a common word costs its number of hits (智能: 2,021 organisations ≈ 6 ms; 检测: 21,496 IP records ≈ 65 ms),
/// twice when the list counts and reads a page.</item>
/// <item><b>Order first</b>: the index is left out and the list walks its own order index, its own predicate deciding
/// each row (≈ 5 µs a row: the row is read for the predicate either way), stopping once the page is full — cheap when
/// hits are many, ruinous when they are rare (a rare word would walk the whole table). Asking the index about each row
/// instead (an entry among the hits' rowids) measured slower: 5–9 ms against 3 ms for a page of "检测" among 300,000
/// IP records, 1.2–2.5 ms against 0.3 ms to count one center's matches.</item>
/// </list>
/// <see cref="ForFirst"/> picks by the hits and the kind's size; <see cref="CountAsync{T}"/> counts up to
/// <see cref="SearchIndex.CountCap"/> from the hits' side. Both forms give exactly the same rows: the caller keeps its
/// own substring predicate either way.
/// <para>On PostgreSQL the hits are not counted: a GIN index has no count of its own, and even a count stopped at the cap
/// built the whole bitmap and visited the heap (检测 among the national IP records: 5–11 ms). The planner's estimate of
/// the hits (its statistics of the index's tokens) picks the form instead, by the same rule with PostgreSQL's costs. Left
/// to choose the join itself in the hits-first form, PostgreSQL probed the index once per row the list walked (the IP
/// search of all centers: 14 ms to count, 9.4 ms for a page, against 2.5 ms and 0.3 ms order first).</para>
/// </summary>
public sealed class TextSearch
{
    private enum Form
    {
        HitsFirst,
        OrderFirst,
    }

    // Relative costs per row measured on the national SQLite file: a hit looked up to its record, a list row walked.
    private const double HitCost = 3;
    private const double WalkCost = 5;

    // The same on the national PostgreSQL database (EXPLAIN ANALYZE): reading the organisations' 2,021 hits for a page took
    // 5–8 ms, counting 1,001 of them 5.5 ms (≈ 3 µs a hit); walking took 0.2–0.5 µs a row (the IP records' 14,000 to count
    // 1,001 matches of 检测 in 2.5 ms, 600 organisations in name order for a page of 智能 in 0.3 ms).
    private const double PostgresHitCost = 3;
    private const double PostgresWalkCost = 0.5;

    private readonly AppDbContext _db;
    private readonly IReadOnlyList<SearchTerms.Term> _terms;
    private readonly int? _kindSize;
    private readonly double? _estimated;
    private readonly Form _form;
    private readonly int? _limit;

    private TextSearch(
        AppDbContext db, string kind, IReadOnlyList<SearchTerms.Term> terms, int? hits, double? estimated, int? kindSize, Form form, int? limit)
    {
        _db = db;
        OneWord = terms is [{ Prefix: false } only] && only.Text.Length == 2 && only.Text.All(c => c > 127);
        Kind = kind;
        _terms = terms;
        Hits = hits;
        _estimated = estimated;
        _kindSize = kindSize;
        _form = form;
        _limit = limit;
    }

    public string Kind { get; }

    /// <summary>How many records of the kind the index holds for the words (a superset of the matches); null on PostgreSQL.</summary>
    public int? Hits { get; }

    /// <summary>
    /// The text is one two-character Chinese word: a record is a hit exactly when one of its indexed texts holds the word,
    /// so a list whose predicate searches those texts matches exactly the hits (no bigrams found apart, no case).
    /// </summary>
    public bool OneWord { get; }

    /// <summary>Null when the text has no run of two letters or digits: the caller then scans with its predicate alone.</summary>
    public static async Task<TextSearch?> PrepareAsync(AppDbContext db, string kind, string? text, CancellationToken ct)
    {
        var terms = SearchTerms.ForQuery(text);
        if (terms.Count == 0)
        {
            return null;
        }

        if (!db.Database.IsSqlite())
        {
            var estimated = await SearchIndex.EstimatedHitsAsync(db, kind, terms, ct);
            return new TextSearch(db, kind, terms, null, estimated, await KindSizes.OfAsync(db, kind, ct), Form.HitsFirst, null);
        }

        var match = SearchIndex.FtsMatch(kind, terms);
        var hits = await db.Database
            .SqlQuery<int>($"""SELECT count(*) AS "Value" FROM "SearchEntriesFts" WHERE "SearchEntriesFts" MATCH {match}""")
            .SingleAsync(ct);
        var size = await KindSizes.OfAsync(db, kind, ct);
        return new TextSearch(db, kind, terms, hits, null, size, Form.HitsFirst, null);
    }

    /// <summary>
    /// The form that reads the first <paramref name="rows"/> rows of the list in its order most cheaply: walking the order
    /// reaches them after about rows × size / hits rows, reading the hits costs every hit.
    /// </summary>
    public TextSearch ForFirst(long rows)
    {
        if (HitsForCost is not { } hits || _kindSize is not { } size || hits <= 0)
        {
            return HitsFirst();
        }

        var (hitCost, walkCost) = _estimated is null ? (HitCost, WalkCost) : (PostgresHitCost, PostgresWalkCost);
        var walked = (double)Math.Max(rows, 1L) * size / hits;
        return walked * walkCost < hits * hitCost ? OrderFirst() : HitsFirst();
    }

    /// <summary>Every hit looked up to its record, then the list's other conditions (an export reads them all).</summary>
    public TextSearch HitsFirst() => With(Form.HitsFirst, null);

    /// <summary>The list read in its own order, its predicate alone deciding each row.</summary>
    public TextSearch OrderFirst() => HitsForCost is null ? HitsFirst() : With(Form.OrderFirst, null);

    /// <summary>Only the first <paramref name="hits"/> hits (in the index's order): enough to show that a count passes its cap.</summary>
    public TextSearch FirstHits(int hits) => With(Form.HitsFirst, hits);

    /// <summary>Narrows <paramref name="query"/> to the records whose id is among the hits — or, order first, leaves it to the caller's predicate.</summary>
    public IQueryable<T> Narrow<T>(IQueryable<T> query, Expression<Func<T, Guid>> id)
    {
        if (_form == Form.OrderFirst)
        {
            return query;
        }

        var hits = SearchIndex.Matching(_db, Kind, _terms);
        if (_limit is { } limit)
        {
            hits = hits.Take(limit);
        }

        Expression<Func<Guid, bool>> among = record => hits.Contains(record);
        var body = new Rebind(among.Parameters[0], id.Body).Visit(among.Body);
        return query.Where(Expression.Lambda<Func<T, bool>>(body, id.Parameters));
    }

    /// <summary>
    /// The total of a list under a text search, built by <paramref name="build"/> for a given form, exact up to
    /// <see cref="SearchIndex.CountCap"/> and reported as that floor past it. Without a search, an exact count.
    /// <list type="bullet">
    /// <item>The list has nothing but the text (<paramref name="narrowed"/> false), the text is <see cref="OneWord"/> and
    /// <paramref name="indexDecides"/>: the index's count is the list's.</item>
    /// <item>At most the cap of hits: the hits are read and checked.</item>
    /// <item>Not narrowed: the first cap+1 hits usually show that the cap is passed (a common word).</item>
    /// <item>Otherwise the list is counted up to the cap by its own predicate (a center's records walked), or, not narrowed,
    /// in the cheaper form.</item>
    /// </list>
    /// </summary>
    /// <param name="narrowed">The list has conditions besides the text: a center, a year, a status, what the user may see.</param>
    /// <param name="indexDecides">The caller's predicate searches exactly the kind's indexed texts (<see cref="OneWord"/>).</param>
    public static async Task<(int Total, bool Capped)> CountAsync<T>(
        TextSearch? search, Func<TextSearch?, IQueryable<T>> build, bool narrowed, bool indexDecides, CancellationToken ct)
    {
        const int cap = SearchIndex.CountCap;
        if (search is null)
        {
            return (await build(null).CountAsync(ct), false);
        }

        if (search.Hits is not { } hits)
        {
            // PostgreSQL: no exact hits to answer from, so the list counts itself up to the cap, in the form the estimate
            // favours (narrowed and common, the list's other conditions bound the walk, as below).
            var form = narrowed && search._estimated > cap ? search.OrderFirst() : search.ForFirst(cap + 1);
            return await SearchIndex.CountCappedAsync(build(form), true, ct);
        }

        if (!narrowed && indexDecides && search.OneWord)
        {
            return hits > cap ? (cap, true) : (hits, false);
        }

        if (hits <= cap)
        {
            return (await build(search).CountAsync(ct), false);
        }

        if (!narrowed && await build(search.FirstHits(cap + 1)).CountAsync(ct) > cap)
        {
            return (cap, true);
        }

        // Narrowed, the walk is bounded by the list's other conditions (a center's records), which the kind's size overstates.
        var counted = await build(narrowed ? search.OrderFirst() : search.ForFirst(cap + 1)).Take(cap + 1).CountAsync(ct);
        return counted > cap ? (cap, true) : (counted, false);
    }

    /// <summary>The hits the cost rule reads: counted on SQLite, the planner's estimate on PostgreSQL.</summary>
    private double? HitsForCost => Hits ?? _estimated;

    private TextSearch With(Form form, int? limit) => new(_db, Kind, _terms, Hits, _estimated, _kindSize, form, limit);

    private sealed class Rebind(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }

    /// <summary>
    /// How many entries each kind has, per database, read at most once a minute: the cost model needs only its order of
    /// magnitude, and counting 300,000 IP entries on every search would cost more than the search. One request counts at a
    /// time; while it does, the others answer from the last counts (on PostgreSQL the count took 119 ms at national, and
    /// every search of that moment had counted again).
    /// </summary>
    private static class KindSizes
    {
        private const long MaxAgeMs = 60_000;
        private static readonly ConcurrentDictionary<string, (long At, IReadOnlyDictionary<string, int> Sizes)> ByDatabase = new();
        private static readonly ConcurrentDictionary<string, SemaphoreSlim> Counting = new();

        public static async Task<int> OfAsync(AppDbContext db, string kind, CancellationToken ct)
        {
            var key = db.Database.GetConnectionString() ?? string.Empty;
            var known = ByDatabase.TryGetValue(key, out var last) ? last : ((long At, IReadOnlyDictionary<string, int> Sizes)?)null;
            if (known is { } fresh && !Stale(fresh.At))
            {
                return fresh.Sizes.GetValueOrDefault(kind);
            }

            var gate = Counting.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
            if (known is { } stale)
            {
                if (!await gate.WaitAsync(0, ct))
                {
                    return stale.Sizes.GetValueOrDefault(kind);
                }
            }
            else
            {
                await gate.WaitAsync(ct);
            }

            try
            {
                if (!ByDatabase.TryGetValue(key, out last) || Stale(last.At))
                {
                    var sizes = await db.Set<SearchEntry>().AsNoTracking()
                        .GroupBy(e => e.Kind).Select(g => new { g.Key, Count = g.Count() })
                        .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
                    last = (Environment.TickCount64, sizes);
                    ByDatabase[key] = last;
                }

                return last.Sizes.GetValueOrDefault(kind);
            }
            finally
            {
                gate.Release();
            }
        }

        private static bool Stale(long at) => Environment.TickCount64 - at > MaxAgeMs;
    }
}
