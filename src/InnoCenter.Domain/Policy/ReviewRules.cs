using InnoCenter.Domain.Common;

namespace InnoCenter.Domain.Policy;

/// <summary>
/// 评审规则: how expert panels are drawn, when an expert is in conflict, how many panels one expert may sit on in a
/// year, how scores are aggregated, the scoring form of each kind of review subject and the site-inspection checklist.
/// </summary>
public sealed record ReviewRules
{
    public PanelRules Panel { get; init; } = new();

    public ConflictWindow Conflict { get; init; } = new();

    public LoadCap Load { get; init; } = new();

    public AggregationRules Aggregation { get; init; } = new();

    /// <summary>One form per review subject kind (Application, AnnualReport).</summary>
    public IReadOnlyList<ScoringForm> ScoringForms { get; init; } = [];

    /// <summary>现场考察 checklist: every item gets a finding.</summary>
    public IReadOnlyList<ChecklistItem> SiteInspectionChecklist { get; init; } = [];

    /// <summary>The most rows one import into the expert pool may carry.</summary>
    public int MaxImportRows { get; init; } = 10_000;

    public ScoringForm? FormFor(string subjectKind) =>
        ScoringForms.FirstOrDefault(f => string.Equals(f.SubjectKind, subjectKind, StringComparison.OrdinalIgnoreCase));

    /// <summary>What is wrong with these rules (empty when they can run), so a broken pack is refused by name, not by a crash.</summary>
    public IReadOnlyList<Error> Problems(IReadOnlyList<CodeItem> expertDomains)
    {
        var problems = new List<Error>();
        var p = Panel;
        if (p.MinSize < 1 || p.MaxSize < p.MinSize || p.DefaultSize < p.MinSize || p.DefaultSize > p.MaxSize
            || (p.OddSizeOnly && p.DefaultSize % 2 == 0))
        {
            problems.Add(new Error("reviews.policy.panel_size", "review.panel"));
        }

        foreach (var q in p.Quotas)
        {
            if (q.Min < 1 || q.Domains.Count == 0 || q.Domains.Any(d => expertDomains.All(e => e.Code != d)))
            {
                problems.Add(new Error("reviews.policy.quota", "review.panel.quotas"));
            }
        }

        if (p.Quotas.Sum(q => q.Min) > p.MaxSize)
        {
            problems.Add(new Error("reviews.policy.quota", "review.panel.quotas"));
        }

        if (Conflict.LookbackYears < 0)
        {
            problems.Add(new Error("reviews.policy.conflict_years", "review.conflict.lookbackYears"));
        }

        if (Load.MaxPanelsPerYear < 1)
        {
            problems.Add(new Error("reviews.policy.load_cap", "review.load.maxPanelsPerYear"));
        }

        if (MaxImportRows < 1)
        {
            problems.Add(new Error("policy.at_least_one", "review.maxImportRows"));
        }

        if (Aggregation.TrimEachSide < 0 || Aggregation.TrimFromScores <= 2 * Aggregation.TrimEachSide
            || Aggregation.OutlierDeviationPercent <= 0)
        {
            problems.Add(new Error("reviews.policy.aggregation", "review.aggregation"));
        }

        foreach (var f in ScoringForms)
        {
            if (f.Criteria.Count == 0 || f.Criteria.Any(c => c.MaxPoints <= 0)
                || f.Criteria.Select(c => c.Code).Distinct().Count() != f.Criteria.Count
                || f.PointsDecimals is < 0 or > 2)
            {
                problems.Add(new Error("reviews.policy.form", "review.scoringForms", f.SubjectKind));
            }
        }

        return problems.DistinctBy(e => e.Code + string.Join(",", e.Args)).ToList();
    }
}

/// <summary>专家组 size and the domains it must cover.</summary>
public sealed record PanelRules
{
    public int DefaultSize { get; init; }

    public int MinSize { get; init; }

    public int MaxSize { get; init; }

    /// <summary>An odd panel cannot tie on a recommendation.</summary>
    public bool OddSizeOnly { get; init; }

    /// <summary>Each quota is filled by different members: one member counts towards one quota only.</summary>
    public IReadOnlyList<DomainQuota> Quotas { get; init; } = [];

    public bool IsDefault { get; init; }
}

/// <summary>At least <see cref="Min"/> members from any of <see cref="Domains"/> (expert-domain codes), e.g. one of 经济 or 法律.</summary>
public sealed record DomainQuota
{
    public IReadOnlyList<string> Domains { get; init; } = [];

    public int Min { get; init; }
}

/// <summary>回避: a past affiliation that ended within this many years still puts an expert in conflict.</summary>
public sealed record ConflictWindow
{
    public int LookbackYears { get; init; }

    public bool IsDefault { get; init; }
}

/// <summary>How many panels one expert may sit on in one review year.</summary>
public sealed record LoadCap
{
    public int MaxPanelsPerYear { get; init; }

    public bool IsDefault { get; init; }
}

/// <summary>
/// Trimmed mean (drop <see cref="TrimEachSide"/> highest and lowest) once there are <see cref="TrimFromScores"/> scores,
/// plain mean below; an expert whose total is further from the median than <see cref="OutlierDeviationPercent"/> % of
/// the form's maximum total is flagged.
/// </summary>
public sealed record AggregationRules
{
    public int TrimFromScores { get; init; }

    public int TrimEachSide { get; init; }

    public decimal OutlierDeviationPercent { get; init; }

    public bool IsDefault { get; init; }
}

/// <summary>评分表 of one subject kind.</summary>
public sealed record ScoringForm
{
    public string SubjectKind { get; init; } = string.Empty;

    public IReadOnlyList<ScoringCriterion> Criteria { get; init; } = [];

    public bool IsDefault { get; init; }

    /// <summary>How many decimals an expert's points may have (0–2); a form stored before this rule existed keeps one.</summary>
    public int PointsDecimals { get; init; } = 1;

    public decimal MaxTotal => Criteria.Sum(c => c.MaxPoints);
}

public sealed record ScoringCriterion(string Code, string Zh, string En, decimal MaxPoints)
{
    public string Label(bool english) => english ? En : Zh;
}

public sealed record ChecklistItem(string Code, string Zh, string En)
{
    public bool IsDefault { get; init; }

    public string Label(bool english) => english ? En : Zh;
}
