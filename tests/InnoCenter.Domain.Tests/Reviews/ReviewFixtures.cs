using InnoCenter.Domain.Policy;
using InnoCenter.Domain.Reviews;

namespace InnoCenter.Domain.Tests.Reviews;

/// <summary>The Tianjin defaults, written out so the rules are tested against the shape the policy pack gives them.</summary>
public static class ReviewFixtures
{
    public static readonly IReadOnlyList<DomainQuota> TianjinQuotas =
    [
        new() { Domains = ["technology"], Min = 1 },
        new() { Domains = ["industry"], Min = 1 },
        new() { Domains = ["management"], Min = 1 },
        new() { Domains = ["economics", "law"], Min = 1 },
    ];

    public static readonly PanelRules Panel = new() { DefaultSize = 5, MinSize = 3, MaxSize = 15, OddSizeOnly = true, Quotas = TianjinQuotas };

    public static readonly AggregationRules Aggregation = new() { TrimFromScores = 5, TrimEachSide = 1, OutlierDeviationPercent = 15 };

    public static readonly ScoringForm Form = new()
    {
        SubjectKind = "Application",
        Criteria =
        [
            new ScoringCriterion("plan", "建设方案", "Plan", 40),
            new ScoringCriterion("technology", "技术", "Technology", 60),
        ],
    };

    public static DrawCandidate Candidate(string[] domains, bool active = true, bool conflict = false, int load = 0, string[]? keyAreas = null) =>
        new(Guid.CreateVersion7(), domains, keyAreas ?? [], active, conflict, load);

    /// <summary>A pool of <paramref name="perDomain"/> experts in each of the five domains.</summary>
    public static List<DrawCandidate> Pool(int perDomain = 3) =>
        new[] { "economics", "technology", "industry", "management", "law" }
            .SelectMany(d => Enumerable.Range(0, perDomain).Select(_ => Candidate([d])))
            .ToList();

    public static DrawSnapshot Snapshot(IEnumerable<DrawCandidate> pool, int size = 5, int loadCap = 6, string? keyArea = null) =>
        PanelDrawing.Prepare(pool, size, TianjinQuotas, loadCap, keyArea, [], []).Snapshot;

    public static List<PoolEntry> Entries(DrawSnapshot snapshot, IEnumerable<Guid> ids) =>
        ids.Select(id => snapshot.Fixed.Concat(snapshot.Eligible).Single(e => e.ExpertId == id)).ToList();
}
