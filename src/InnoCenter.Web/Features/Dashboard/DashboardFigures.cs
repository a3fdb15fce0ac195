using InnoCenter.Domain.Applications;
using InnoCenter.Domain.Centers;

namespace InnoCenter.Web.Features.Dashboard;

/// <summary>
/// The dashboard's numbers without labels, as one computation reads them; cached and shared by every reader, then
/// labelled in each reader's language.
/// </summary>
public sealed record DashboardFigures(
    DateTimeOffset AsOf,
    IReadOnlyList<CenterFact> Centers,
    IReadOnlyDictionary<ApplicationStatus, int> ApplicationsByStatus,
    int OverdueApplications,
    IReadOnlyList<int> LedgerYears,
    IReadOnlyDictionary<string, IReadOnlyList<decimal>> LedgerTotals,
    int? AssessmentYear,
    IReadOnlyDictionary<string, int> AssessmentGrades);

/// <summary>What the dashboard needs of one center: a thousand of these are a few dozen kilobytes.</summary>
public sealed record CenterFact(string KeyArea, CenterStatus Status, DateOnly ApprovedOn);
