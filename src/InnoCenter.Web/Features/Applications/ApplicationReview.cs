using InnoCenter.Domain.Applications;
using InnoCenter.Domain.Reviews;
using InnoCenter.Web.Features.Reviews;

namespace InnoCenter.Web.Features.Applications;

/// <summary>The recognition lifecycle's view of the expert review: an application is a review subject of kind Application.</summary>
public sealed class ApplicationReview(ReviewSubjectHandlers subjects, TimeProvider clock) : IApplicationReview
{
    public async Task EnsureSubjectAsync(Application application, IReadOnlyCollection<string> partyCreditCodes, CancellationToken ct) =>
        await subjects.EnsureSubjectAsync(
            ReviewSubjectKind.Application, application.Id, application.CenterName, application.KeyArea,
            clock.GetUtcNow().Year, partyCreditCodes, ct);

    public async Task<ApplicationReviewState> StateAsync(Guid applicationId, CancellationToken ct)
    {
        var s = await subjects.GetStatusAsync(ReviewSubjectKind.Application, applicationId, ct);
        return new ApplicationReviewState(
            s.PanelDrawn, s.PanelOpinionWritten, s.TotalScore, s.Recommendation, s.SiteInspectionRecorded, s.SiteInspectionConclusion,
            s.SubjectId is { } id ? ReviewLinks.Subject(id) : null);
    }

    public Task<bool> ExpertMayOpenAsync(Guid userId, Guid applicationId, CancellationToken ct) =>
        subjects.CanExpertOpenAsync(userId, ReviewSubjectKind.Application, applicationId, ct);
}
