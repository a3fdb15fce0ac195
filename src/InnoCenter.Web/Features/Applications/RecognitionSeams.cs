using InnoCenter.Domain.Applications;
using InnoCenter.Domain.Common;

namespace InnoCenter.Web.Features.Applications;

/// <summary>
/// What the recognition lifecycle needs from the expert review module: a review subject for the application, and
/// whether the panel opinion and the site inspection exist yet. The application never reaches into panels itself.
/// </summary>
public interface IApplicationReview
{
    /// <summary>Creates or refreshes the review subject (title, key area, consortium credit codes) on the context, unsaved.</summary>
    Task EnsureSubjectAsync(Application application, IReadOnlyCollection<string> partyCreditCodes, CancellationToken ct);

    Task<ApplicationReviewState> StateAsync(Guid applicationId, CancellationToken ct);

    /// <summary>An expert opens an application only when on its panel and not in conflict with it.</summary>
    Task<bool> ExpertMayOpenAsync(Guid userId, Guid applicationId, CancellationToken ct);
}

public sealed record ApplicationReviewState(
    bool PanelDrawn, bool PanelOpinionWritten, decimal? TotalScore, string? Recommendation,
    bool SiteInspectionRecorded, string? SiteInspectionConclusion, string? ReviewLink);

/// <summary>What recognition needs from the centers module: the Center, created when the notice window closes.</summary>
public interface ICenterFounding
{
    /// <summary>Adds the center and its members to the context, unsaved; refuses when the application already has one.</summary>
    Task<Result<Guid>> FoundAsync(Application application, CancellationToken ct);
}

/// <summary>
/// What the application's Admin page needs from the public notice module: resolving an objection filed against the
/// notice. Upheld sends the application back to deliberation; dismissed needs a reason.
/// </summary>
public interface IObjectionResolution
{
    /// <summary>Resolves and saves; answers the application's status afterwards.</summary>
    Task<Result<ApplicationStatus>> ResolveObjectionAsync(Guid objectionId, ObjectionResolution resolution, CancellationToken ct);
}
