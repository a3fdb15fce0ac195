using System.Globalization;
using InnoCenter.Domain.Assessment;
using InnoCenter.Domain.Policy;
using InnoCenter.Domain.Reviews;
using InnoCenter.Web.Data;
using InnoCenter.Web.Features.Centers;
using InnoCenter.Web.Features.Reviews;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InnoCenter.Web.Features.Assessment;

/// <summary>
/// Who sees what of the assessment. Admins: everything. A center's own staff (CenterUser of its lead or legal-entity
/// organisation): its reports, which they file, and its results once published. An expert: a report only while sitting
/// on its panel and not in conflict with it. Everyone else is told the report does not exist.
/// </summary>
public sealed class AssessmentAccess(AppDbContext db, CurrentUser user, CenterAccess centers, ReviewSubjectHandlers reviews)
{
    public bool IsAdmin => user.IsAdmin;

    public Guid? UserId => user.Id;

    /// <summary>The centers whose reports the user files.</summary>
    public Task<IReadOnlyList<Guid>> FilingCentersAsync(CancellationToken ct) => centers.EditableAsync(ct);

    public Task<bool> CanFileAsync(Guid centerId, CancellationToken ct) => centers.CanEditAsync(centerId, ct);

    public async Task<bool> CanReadReportAsync(Guid reportId, Guid centerId, CancellationToken ct) =>
        user.IsAdmin
        || await centers.CanEditAsync(centerId, ct)
        || (user.IsInRole(Roles.Expert) && user.Id is { } me && await reviews.CanExpertOpenAsync(me, ReviewSubjectKind.AnnualReport, reportId, ct));

    /// <summary>Results are the Admin's until published; then the center's staff see their own.</summary>
    public async Task<bool> CanReadResultAsync(Guid centerId, bool published, CancellationToken ct) =>
        user.IsAdmin || (published && await centers.CanEditAsync(centerId, ct));

    public async Task<bool> CanReadReportByIdAsync(Guid reportId, CancellationToken ct)
    {
        var centerId = await db.AnnualReports.Where(r => r.Id == reportId).Select(r => (Guid?)r.CenterId).FirstOrDefaultAsync(ct);
        return centerId is { } c && await CanReadReportAsync(reportId, c, ct);
    }
}

/// <summary>The operation report and the evidence of a report's values are read by whoever may read the report.</summary>
public sealed class AnnualReportAttachmentAccess(AssessmentAccess access) : IAttachmentAccess
{
    public string OwnerType => ReportHandlers.OwnerType;

    public Task<bool> CanReadAsync(Guid ownerId, CurrentUser user, CancellationToken ct) => access.CanReadReportByIdAsync(ownerId, ct);
}

/// <summary>A cycle's frozen rules read the way a report needs them: which figures it carries, which values the center enters.</summary>
public sealed class ReportShape(AssessmentRules rules)
{
    public AssessmentRules Rules => rules;

    public IReadOnlyList<Indicator> Indicators => rules.IndicatorSystem.Indicators;

    /// <summary>The roll-up keys the quantitative indicators read, in the order the indicators first use them.</summary>
    public IReadOnlyList<string> FigureKeys =>
        Indicators.Where(i => i.Kind == IndicatorKind.Quantitative).SelectMany(i => i.Source.Keys).Distinct(StringComparer.Ordinal).ToList();

    public IReadOnlyList<Indicator> Manual =>
        Indicators.Where(i => i.Kind == IndicatorKind.Quantitative && i.Source is ManualSource).ToList();

    public IReadOnlyList<Indicator> Qualitative => Indicators.Where(i => i.Kind == IndicatorKind.Qualitative).ToList();

    public IReadOnlySet<string> EvidenceRequired => Manual.Where(i => i.EvidenceRequired).Select(i => i.Code).ToHashSet(StringComparer.Ordinal);

    public IEnumerable<Indicator> UsersOf(string key) => Indicators.Where(i => i.Source.Keys.Contains(key));

    public Indicator? Find(string code) => Indicators.FirstOrDefault(i => i.Code == code);

    /// <summary>Money figures (万元) may have decimals; every other roll-up figure counts things.</summary>
    public static ValueShape ShapeOfFigure(string key) =>
        key.EndsWith("_wan", StringComparison.Ordinal) || key == FundFigureKeys.ExecutionRate ? ValueShape.Amount : ValueShape.Count;

    public static ValueShape ShapeOf(Indicator indicator) => indicator.Unit?.Zh == "%" ? ValueShape.Percent : ValueShape.Amount;

    public static IReadOnlyList<string> UnitsOf(Indicator indicator, bool english) =>
        indicator.Unit is null ? [] : english ? [indicator.Unit.En, indicator.Unit.Zh] : [indicator.Unit.Zh, indicator.Unit.En];
}
