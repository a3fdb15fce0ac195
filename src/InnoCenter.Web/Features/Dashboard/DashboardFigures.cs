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
    IReadOnlyDictionary<string, int> AssessmentGrades,
    ResourceSummary? Resources = null);

/// <summary>
/// 科研资源开放共享 across the programme in a year: the catalogue's size and the figures of the national rules for open
/// instruments (可用机时, 有效工作机时, 对外服务机时 and its outside part, 共享率, 服务收入), summed per center by the database.
/// </summary>
public sealed record ResourceSummary(
    int Year, int Catalogued, int OpenToOutside, decimal AvailableHours, decimal UsedHours, decimal ExternalHours, decimal OutsideHours,
    decimal Income)
{
    public decimal? SharingRatePercent => UsedHours == 0 ? null : decimal.Round(ExternalHours * 100m / UsedHours, 1);
}

/// <summary>What the dashboard needs of one center: a thousand of these are a few dozen kilobytes.</summary>
public sealed record CenterFact(string KeyArea, CenterStatus Status, DateOnly ApprovedOn);
