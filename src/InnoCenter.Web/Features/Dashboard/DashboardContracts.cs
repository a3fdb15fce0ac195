namespace InnoCenter.Web.Features.Dashboard;

/// <summary>The programme dashboard (工作看板) in the reader's language; every figure is as of <see cref="AsOf"/>.</summary>
public sealed record DashboardDto(
    DateTimeOffset AsOf,
    PilotDto? Pilot,
    IReadOnlyList<CountItem> CentersByStatus,
    IReadOnlyList<CountItem> CentersByKeyArea,
    IReadOnlyList<YearCount> RecognitionsByYear,
    IReadOnlyList<CountItem> ApplicationsByStatus,
    int OverdueApplications,
    LedgerTrendDto Ledger,
    AssessmentGradesDto? LatestAssessment,
    ResourceSummary? Resources = null);

public sealed record CountItem(string Code, string Label, int Count);

public sealed record YearCount(int Year, int Count);

/// <summary>试点目标 and where each stands.</summary>
public sealed record PilotDto(DateOnly StartsOn, DateOnly EndsOn, IReadOnlyList<PilotTargetDto> Targets);

/// <param name="Achieved">Centers that count towards the target within the pilot window.</param>
/// <param name="AchievedToDate">The same count without the window's end, to show what came after it.</param>
public sealed record PilotTargetDto(string Code, string Label, int Min, int Max, int Achieved, int AchievedToDate, string Progress, string ProgressLabel);

/// <summary>Programme-wide ledger totals per year, one series per figure, in the order of <see cref="Years"/>.</summary>
public sealed record LedgerTrendDto(IReadOnlyList<int> Years, IReadOnlyList<LedgerSeriesDto> Series);

public sealed record LedgerSeriesDto(string Key, string Label, IReadOnlyList<decimal> Values);

/// <summary>The grades of the latest published assessment year.</summary>
public sealed record AssessmentGradesDto(int Year, IReadOnlyList<CountItem> Grades);
