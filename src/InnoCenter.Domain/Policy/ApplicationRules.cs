using System.Text.Json.Serialization;
using InnoCenter.Domain.Applications;
using InnoCenter.Domain.Common;

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

    /// <summary>
    /// Years whose holidays and adjusted workdays are entered in full (国务院办公厅关于部分节假日安排的通知). Empty in an older
    /// pack: then the years its holidays name are the years it covers.
    /// </summary>
    public IReadOnlyList<int> CalendarYears { get; init; } = [];

    /// <summary>What a window or deadline does that runs into a year without a calendar.</summary>
    public MissingCalendarYear MissingCalendarYear { get; init; } = MissingCalendarYear.Refuse;

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

    /// <summary>The working-day calendar of these rules.</summary>
    public WorkingDays Calendar() =>
        new(Holidays, AdjustedWorkdays, CalendarYears.Count > 0 ? CalendarYears : Holidays.Select(h => h.Year).Distinct());

    /// <summary>
    /// The public notice window opened by a decision on <paramref name="decidedOn"/>: refused when it runs into a year
    /// without a calendar, unless the pack says to count such a year's weekdays (the window then names the year, so the
    /// warning can be shown).
    /// </summary>
    public Result<NoticeWindow> NoticeWindow(DateOnly decidedOn)
    {
        var calendar = Calendar();
        var (start, end) = calendar.Window(decidedOn, NoticeWorkingDays);
        var missing = calendar.UncoveredYears(decidedOn, end);
        if (missing.Count > 0 && MissingCalendarYear == MissingCalendarYear.Refuse)
        {
            // The years as a list, so the message lists them in the reader's language (2027、2028 or "2027, 2028").
            string[] years = [.. missing.Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture))];
            return Failure.Validation(new Error("policy.calendar_missing", "applications.holidays", new object[] { years }));
        }

        return new NoticeWindow(start, end, missing);
    }

    /// <summary>What is wrong with these rules; fields are JSON paths inside the pack.</summary>
    public IReadOnlyList<Error> Validate()
    {
        var errors = new List<Error>();
        if (NoticeWorkingDays < 1)
        {
            errors.Add(new Error("policy.at_least_one", "applications.noticeWorkingDays"));
        }

        foreach (var (stage, days) in StageDays)
        {
            if (days < 1)
            {
                errors.Add(new Error("policy.at_least_one", $"applications.stageDays.{stage}"));
            }
        }

        if (!ApprovalNumberFormat.Contains("{seq", StringComparison.Ordinal))
        {
            errors.Add(new Error("policy.format_needs_seq", "applications.approvalNumberFormat"));
        }

        if (!PlaqueNumberFormat.Contains("{seq", StringComparison.Ordinal))
        {
            errors.Add(new Error("policy.format_needs_seq", "applications.plaqueNumberFormat"));
        }

        foreach (var day in Holidays.Intersect(AdjustedWorkdays))
        {
            errors.Add(new Error("policy.holiday_and_workday", "applications.holidays", day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        }

        var calendarYears = CalendarYears.ToHashSet();
        foreach (var year in Holidays.Concat(AdjustedWorkdays).Select(d => d.Year).Distinct().Where(y => calendarYears.Count > 0 && !calendarYears.Contains(y)))
        {
            errors.Add(new Error("policy.calendar_year_not_listed", "applications.calendarYears", year));
        }

        for (var i = 0; i < Eligibility.Count; i++)
        {
            var rule = Eligibility[i];
            if (!EligibilityRule.Kinds.Contains(rule.Kind))
            {
                errors.Add(new Error("policy.unknown_kind", $"applications.eligibility[{i}].kind", rule.Kind));
            }

            if (rule.Kind == "minMembers" && rule.Threshold is not > 0)
            {
                errors.Add(new Error("policy.at_least_one", $"applications.eligibility[{i}].threshold"));
            }
        }

        PolicyChecks.UniqueCodes(Eligibility.Select(e => e.Code), "applications.eligibility", errors);
        return errors;
    }

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

    /// <summary>The checks the engine knows.</summary>
    public static readonly IReadOnlySet<string> Kinds = new HashSet<string>(StringComparer.Ordinal)
    {
        "leadIsEnterprise", "hasUniversityOrInstitute", "minMembers", "equityTotals100", "crossRegion", "requiredMaterials",
    };
}

/// <summary>A year with no calendar entered: refuse the window (the Admin enters the year first), or count its weekdays.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<MissingCalendarYear>))]
public enum MissingCalendarYear
{
    Refuse,
    Weekdays,
}

/// <summary>A notice window; <see cref="WeekdayYears"/> are years counted as plain weekdays for want of a calendar.</summary>
public sealed record NoticeWindow(DateOnly Start, DateOnly End, IReadOnlyList<int> WeekdayYears);
