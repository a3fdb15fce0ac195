namespace InnoCenter.Domain.Policy;

/// <summary>The recognition rules of a pack: who may apply, how long each stage should take, the notice window, numbering.</summary>
public sealed record ApplicationRules
{
    /// <summary>Eligibility rules (申报条件), each a hard rule or a warning.</summary>
    public IReadOnlyList<EligibilityRule> Eligibility { get; init; } = [];

    /// <summary>Length of the public notice (公示) in working days.</summary>
    public int NoticeWorkingDays { get; init; } = 5;

    /// <summary>Public holidays on which a notice window does not count.</summary>
    public IReadOnlyList<DateOnly> Holidays { get; init; } = [];

    /// <summary>Weekend days that are working days (调休上班), so they do count.</summary>
    public IReadOnlyList<DateOnly> AdjustedWorkdays { get; init; } = [];

    /// <summary>Expected calendar days per stage, by status name; a stage held longer is overdue on the pipeline board.</summary>
    public IReadOnlyDictionary<string, int> StageDays { get; init; } = new Dictionary<string, int>();

    /// <summary>The approval document number (批复文号), e.g. "津工信科〔{year}〕{seq}号".</summary>
    public string ApprovalNumberFormat { get; init; } = "{year}-{seq}";

    /// <summary>
    /// The document number (发文字号) pattern of each other official document the platform issues, by kind ("notice" for
    /// the 公示, "assessmentResult" for the result notice), e.g. "津工信创〔{year}〕{seq}号"; the serial is the platform's.
    /// </summary>
    public IReadOnlyDictionary<string, string> DocumentNumberFormats { get; init; } = new Dictionary<string, string>();

    /// <summary>The plaque number (牌匾编号), e.g. "TJMIC-{year}-{seq:000}".</summary>
    public string PlaqueNumberFormat { get; init; } = "{year}-{seq:000}";

    /// <summary>What a recognised center is called, e.g. 天津市制造业创新中心.</summary>
    public LocalizedText ProgrammeName { get; init; } = new("制造业创新中心", "Manufacturing Innovation Center");

    /// <summary>The obligations an approval (批复) states after the grant itself, in Chinese, one paragraph each.</summary>
    public IReadOnlyList<string> ApprovalClauses { get; init; } = [];

    /// <summary>The issuing body printed on official documents.</summary>
    public LocalizedText IssuingBody { get; init; } = new("", "");

    public static string FormatNumber(string format, int year, int seq) =>
        format
            .Replace("{year}", year.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Replace("{seq:000}", seq.ToString("000", System.Globalization.CultureInfo.InvariantCulture))
            .Replace("{seq}", seq.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>
/// One eligibility rule. <see cref="Kind"/> names the check the engine knows (leadIsEnterprise, hasUniversityOrInstitute,
/// minMembers, equityTotals100, crossRegion, requiredMaterials); <see cref="Hard"/> rules block submission, the others warn.
/// </summary>
public sealed record EligibilityRule(string Code, string Kind, bool Hard, LocalizedText Name)
{
    /// <summary>The rule's number where it has one, e.g. the minimum member count.</summary>
    public int? Threshold { get; init; }

    public bool IsDefault { get; init; }
}
