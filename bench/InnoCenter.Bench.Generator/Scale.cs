namespace InnoCenter.Bench.Generator;

/// <summary>
/// How much data a scale means — the one place these numbers live (DESIGN §6). A module's generator step reads its
/// own count from here; counts of modules whose step is not written yet are kept so the step has them when it comes.
/// </summary>
/// <remarks>
/// <see cref="ReviewPanels"/> caps the applications whose expert review is generated in full (panel, draws, scores,
/// opinion, inspection): every draw stores its whole eligible pool, ≈ 0.5 MB at 5,000 experts (see ExpertsStep).
/// </remarks>
public sealed record Scale(
    string Name,
    int Organizations,
    int Applications,
    int Centers,
    int Experts,
    int ReviewPanels,
    int LedgerRows,
    int IpRecords,
    int Deals,
    int AssessmentYears)
{
    /// <summary>≈ 20 centers, 500 organisations, 300 experts, 20k ledger rows.</summary>
    public static readonly Scale City = new("city", Organizations: 500, Applications: 80, Centers: 20, Experts: 300,
        ReviewPanels: 1_000, LedgerRows: 20_000, IpRecords: 8_000, Deals: 3_000, AssessmentYears: 5);

    /// <summary>≈ 1,000 centers, 30,000 organisations, 5,000 experts, 10,000 applications, 300k IP, 100k deals, 5 years.</summary>
    public static readonly Scale National = new("national", Organizations: 30_000, Applications: 10_000, Centers: 1_000, Experts: 5_000,
        ReviewPanels: 600, LedgerRows: 600_000, IpRecords: 300_000, Deals: 100_000, AssessmentYears: 5);

    /// <summary>
    /// Only for timing the 100k-row Excel export (DESIGN §6): 100,000 organisations and nothing else, because no table of
    /// the modules merged so far reaches 100k rows at national scale.
    /// </summary>
    public static readonly Scale Export = new("export", Organizations: 100_000, Applications: 0, Centers: 0, Experts: 0,
        ReviewPanels: 0, LedgerRows: 0, IpRecords: 0, Deals: 0, AssessmentYears: 0);

    /// <summary>Typical cases on the portal (issue 15: "a few hundred" at national).</summary>
    public int PortalCases => Name switch { "city" => 60, "national" => 400, _ => 0 };

    /// <summary>Policy documents on the portal, spread over the years of the history.</summary>
    public int PortalDocuments => Name switch { "city" => 30, "national" => 200, _ => 0 };

    /// <summary>Shared research resources over all centers (issue 14: ≥ 3,000 at national).</summary>
    public int Resources => Name switch { "city" => 60, "national" => 3_100, _ => 0 };

    /// <summary>Bookings of those resources over the five years of history (issue 14: ≥ 500k at national).</summary>
    public int Bookings => Name switch { "city" => 10_000, "national" => 520_000, _ => 0 };

    public static Scale Parse(string name) => name.Trim().ToLowerInvariant() switch
    {
        "city" => City,
        "national" => National,
        "export" => Export,
        _ => throw new ArgumentException($"Unknown scale '{name}': use city, national or export."),
    };
}
