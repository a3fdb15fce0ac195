using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using InnoCenter.Domain.Common;
using InnoCenter.Domain.Policy;

namespace InnoCenter.Domain.Reviews;

/// <summary>An expert of the pool as the draw sees them at draw time.</summary>
public sealed record DrawCandidate(
    Guid ExpertId, IReadOnlyList<string> Domains, IReadOnlyList<string> KeyAreas, bool IsActive, bool InConflict, int LoadThisYear);

/// <summary>One expert in a draw's recorded pool: who, their domains, and whether their expertise matches the subject's key area.</summary>
public sealed record PoolEntry(Guid ExpertId, IReadOnlyList<string> Domains, bool MatchesKeyArea);

/// <summary>
/// Everything a draw depends on besides its seed. Stored with the draw, so anyone can re-run it and get the same
/// panel: the panel size, the quotas, the members kept (for a replacement) and the eligible pool in canonical order.
/// </summary>
public sealed record DrawSnapshot
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Algorithm { get; init; } = PanelDrawing.Algorithm;

    public int Size { get; init; }

    public IReadOnlyList<DomainQuota> Quotas { get; init; } = [];

    /// <summary>Members who stay on the panel (a replacement draw); empty for the first draw.</summary>
    public IReadOnlyList<PoolEntry> Fixed { get; init; } = [];

    /// <summary>The eligible pool, ordered by expert id (canonical form) — conflicted, inactive and capped experts are not in it.</summary>
    public IReadOnlyList<PoolEntry> Eligible { get; init; } = [];

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static DrawSnapshot FromJson(string json) =>
        JsonSerializer.Deserialize<DrawSnapshot>(json, Json) ?? throw new FormatException("Empty draw snapshot.");

    public static string Sha256Of(string json) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
}

/// <summary>Why the pool was left out of the draw, counted for the page.</summary>
public sealed record DrawExclusions(int AlreadyOnPanel, int Inactive, int Conflicted, int AtLoadCap);

/// <summary>A draw that cannot be made: the quota that is short (if that is the reason), and how many are available and needed.</summary>
public sealed record DrawRefusal(string Code, DomainQuota? ShortQuota, int Available, int Needed);

public sealed record DrawOutcome(IReadOnlyList<Guid> Drawn, DrawRefusal? Refusal)
{
    public bool Succeeded => Refusal is null;
}

/// <summary>
/// 随机抽取专家. The eligible pool, in canonical order (expert id), is shuffled by Fisher–Yates with SplitMix64 from the
/// seed; experts whose expertise matches the subject's key area then go first, keeping the shuffled order within each
/// group. Quota seats are filled in that order, taking an expert only if the remaining quotas can still be met (checked
/// by a maximum flow, one member counting towards one quota only); the free seats then take the next experts in order.
/// The same seed and the same snapshot give the same panel.
/// </summary>
public static class PanelDrawing
{
    public const string Algorithm = "splitmix64-fisher-yates-quota-v1";

    public const string QuotaShort = "reviews.draw.quota_short";
    public const string PoolTooSmall = "reviews.draw.pool_too_small";

    /// <summary>Checks a requested panel size against the policy.</summary>
    public static IReadOnlyList<Error> CheckSize(int size, PanelRules rules)
    {
        var errors = new List<Error>();
        if (size < rules.MinSize || size > rules.MaxSize)
        {
            errors.Add(new Error("validation.range", "size", rules.MinSize, rules.MaxSize));
        }
        else if (rules.OddSizeOnly && size % 2 == 0)
        {
            errors.Add(new Error("reviews.draw.size_odd", "size"));
        }
        else if (size < rules.Quotas.Sum(q => q.Min))
        {
            errors.Add(new Error("reviews.draw.size_below_quotas", "size", rules.Quotas.Sum(q => q.Min)));
        }

        return errors;
    }

    /// <summary>Leaves out experts already on the panel, inactive, in conflict or at their yearly load cap, and records the rest.</summary>
    public static (DrawSnapshot Snapshot, DrawExclusions Excluded) Prepare(
        IEnumerable<DrawCandidate> pool,
        int size,
        IReadOnlyList<DomainQuota> quotas,
        int loadCap,
        string? keyArea,
        IReadOnlyList<PoolEntry> fixedMembers,
        IReadOnlyCollection<Guid> alreadyOnPanel)
    {
        int onPanel = 0, inactive = 0, conflicted = 0, capped = 0;
        var eligible = new List<PoolEntry>();
        foreach (var c in pool)
        {
            if (alreadyOnPanel.Contains(c.ExpertId) || fixedMembers.Any(f => f.ExpertId == c.ExpertId))
            {
                onPanel++;
            }
            else if (!c.IsActive)
            {
                inactive++;
            }
            else if (c.InConflict)
            {
                conflicted++;
            }
            else if (c.LoadThisYear >= loadCap)
            {
                capped++;
            }
            else
            {
                eligible.Add(new PoolEntry(
                    c.ExpertId,
                    c.Domains.Distinct().Order(StringComparer.Ordinal).ToList(),
                    keyArea is not null && c.KeyAreas.Contains(keyArea)));
            }
        }

        var snapshot = new DrawSnapshot
        {
            Size = size,
            Quotas = quotas,
            Fixed = fixedMembers,
            Eligible = eligible.OrderBy(e => e.ExpertId.ToString("N"), StringComparer.Ordinal).ToList(),
        };
        return (snapshot, new DrawExclusions(onPanel, inactive, conflicted, capped));
    }

    /// <summary>Draws the missing members from the snapshot with the seed; the result lists them in the order drawn.</summary>
    public static DrawOutcome Run(DrawSnapshot snapshot, ulong seed)
    {
        var quotas = snapshot.Quotas;
        var slots = quotas.SelectMany((q, i) => Enumerable.Repeat(i, q.Min)).ToArray();
        var seats = snapshot.Size - snapshot.Fixed.Count;
        if (seats <= 0)
        {
            return new DrawOutcome([], new DrawRefusal("reviews.draw.panel_full", null, 0, 0));
        }

        for (var i = 0; i < quotas.Count; i++)
        {
            var available = snapshot.Fixed.Concat(snapshot.Eligible).Count(e => Fits(e, quotas[i]));
            if (available < quotas[i].Min)
            {
                return new DrawOutcome([], new DrawRefusal(QuotaShort, quotas[i], available, quotas[i].Min));
            }
        }

        if (snapshot.Eligible.Count < seats)
        {
            return new DrawOutcome([], new DrawRefusal(PoolTooSmall, null, snapshot.Eligible.Count, seats));
        }

        var chosen = snapshot.Fixed.ToList();
        var remaining = Order(snapshot, seed);
        var (covered, unmet, unmetSeats) = Cover(quotas, slots, chosen, remaining, seats);
        if (covered < slots.Length)
        {
            // Enough experts hold each domain, but too few distinct ones: the same people would have to fill two quotas.
            var q = quotas[unmet!.Value];
            return new DrawOutcome([], new DrawRefusal(QuotaShort, q, q.Min - unmetSeats, q.Min));
        }

        var drawn = new List<Guid>();
        while (Cover(quotas, slots, chosen, [], 0).Covered < slots.Length)
        {
            var current = Cover(quotas, slots, chosen, [], 0).Covered;
            PoolEntry? pick = null;
            foreach (var candidate in remaining)
            {
                if (!quotas.Any(q => Fits(candidate, q)))
                {
                    continue;
                }

                var with = new List<PoolEntry>(chosen) { candidate };
                if (Cover(quotas, slots, with, [], 0).Covered <= current)
                {
                    continue;
                }

                var rest = remaining.Where(r => r.ExpertId != candidate.ExpertId).ToList();
                if (Cover(quotas, slots, with, rest, seats - drawn.Count - 1).Covered == slots.Length)
                {
                    pick = candidate;
                    break;
                }
            }

            // The feasibility check above guarantees a pick; a missing one would be a bug, not bad input.
            if (pick is null)
            {
                throw new InvalidOperationException("The draw found no feasible expert although the quotas were feasible.");
            }

            chosen.Add(pick);
            drawn.Add(pick.ExpertId);
            remaining.Remove(pick);
        }

        foreach (var next in remaining)
        {
            if (drawn.Count == seats)
            {
                break;
            }

            drawn.Add(next.ExpertId);
        }

        return new DrawOutcome(drawn, null);
    }

    /// <summary>The draw order: canonical order, shuffled from the seed, key-area matches first (stable).</summary>
    public static List<PoolEntry> Order(DrawSnapshot snapshot, ulong seed)
    {
        var order = snapshot.Eligible.OrderBy(e => e.ExpertId.ToString("N"), StringComparer.Ordinal).ToList();
        new SplitMix64(seed).Shuffle(order);
        return order.Where(e => e.MatchesKeyArea).Concat(order.Where(e => !e.MatchesKeyArea)).ToList();
    }

    /// <summary>True when every quota is met by distinct members of the panel.</summary>
    public static bool QuotasMet(IReadOnlyList<PoolEntry> panel, IReadOnlyList<DomainQuota> quotas)
    {
        var slots = quotas.SelectMany((q, i) => Enumerable.Repeat(i, q.Min)).ToArray();
        return Cover(quotas, slots, panel, [], 0).Covered == slots.Length;
    }

    /// <summary>
    /// The quota that the panel would leave short if <paramref name="panel"/> were final, or null when all are met.
    /// </summary>
    public static DomainQuota? ShortQuota(IReadOnlyList<PoolEntry> panel, IReadOnlyList<DomainQuota> quotas)
    {
        var slots = quotas.SelectMany((q, i) => Enumerable.Repeat(i, q.Min)).ToArray();
        var (covered, unmet, _) = Cover(quotas, slots, panel, [], 0);
        return covered == slots.Length ? null : quotas[unmet!.Value];
    }

    private static bool Fits(PoolEntry e, DomainQuota q) => e.Domains.Any(q.Domains.Contains);

    /// <summary>
    /// The most quota seats that can be covered by distinct experts from <paramref name="chosen"/> plus at most
    /// <paramref name="outsiders"/> of <paramref name="others"/>, by maximum flow: source → seat → expert → sink, with the
    /// others' edges going through one hub of capacity <paramref name="outsiders"/>. Also names a seat's quota left uncovered.
    /// </summary>
    private static (int Covered, int? UnmetQuota, int UnmetSeats) Cover(
        IReadOnlyList<DomainQuota> quotas, int[] slots, IReadOnlyList<PoolEntry> chosen, IReadOnlyList<PoolEntry> others, int outsiders)
    {
        if (slots.Length == 0)
        {
            return (0, null, 0);
        }

        var useful = others.Where(o => quotas.Any(q => Fits(o, q))).ToList();
        const int source = 0, sink = 1, hub = 2;
        var firstSlot = 3;
        var firstExpert = firstSlot + slots.Length;
        var net = new FlowNetwork(firstExpert + chosen.Count + useful.Count);
        var hasHub = outsiders > 0 && useful.Count > 0;
        if (hasHub)
        {
            net.AddEdge(hub, sink, outsiders);
        }

        var experts = chosen.Concat(hasHub ? useful : []).ToList();
        for (var e = 0; e < experts.Count; e++)
        {
            net.AddEdge(firstExpert + e, e < chosen.Count ? sink : hub, 1);
        }

        var sourceEdges = new int[slots.Length];
        for (var s = 0; s < slots.Length; s++)
        {
            sourceEdges[s] = net.AddEdge(source, firstSlot + s, 1);
            for (var e = 0; e < experts.Count; e++)
            {
                if (Fits(experts[e], quotas[slots[s]]))
                {
                    net.AddEdge(firstSlot + s, firstExpert + e, 1);
                }
            }
        }

        var flow = net.MaxFlow(source, sink);
        int? unmet = null;
        var unmetSeats = 0;
        for (var s = 0; s < slots.Length; s++)
        {
            if (net.Residual(sourceEdges[s]) > 0)
            {
                unmet ??= slots[s];
                unmetSeats += slots[s] == unmet ? 1 : 0;
            }
        }

        return (flow, unmet, unmetSeats);
    }

    /// <summary>Edmonds–Karp on a small residual graph; flows here never exceed the number of quota seats.</summary>
    private sealed class FlowNetwork(int nodes)
    {
        private readonly List<int> _to = [];
        private readonly List<int> _capacity = [];
        private readonly List<int>[] _edges = Enumerable.Range(0, nodes).Select(_ => new List<int>()).ToArray();

        public int AddEdge(int from, int to, int capacity)
        {
            var index = _to.Count;
            _to.Add(to);
            _capacity.Add(capacity);
            _edges[from].Add(index);
            _to.Add(from);
            _capacity.Add(0);
            _edges[to].Add(index + 1);
            return index;
        }

        public int Residual(int edge) => _capacity[edge];

        public int MaxFlow(int source, int sink)
        {
            var flow = 0;
            var via = new int[_edges.Length];
            while (true)
            {
                Array.Fill(via, -1);
                var queue = new Queue<int>();
                queue.Enqueue(source);
                via[source] = int.MaxValue;
                while (queue.Count > 0 && via[sink] == -1)
                {
                    var u = queue.Dequeue();
                    foreach (var e in _edges[u])
                    {
                        var v = _to[e];
                        if (via[v] == -1 && _capacity[e] > 0)
                        {
                            via[v] = e;
                            queue.Enqueue(v);
                        }
                    }
                }

                if (via[sink] == -1)
                {
                    return flow;
                }

                for (var v = sink; v != source; v = _to[via[v] ^ 1])
                {
                    _capacity[via[v]] -= 1;
                    _capacity[via[v] ^ 1] += 1;
                }

                flow++;
            }
        }
    }
}
