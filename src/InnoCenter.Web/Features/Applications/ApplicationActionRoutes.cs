using InnoCenter.Domain.Applications;

namespace InnoCenter.Web.Features.Applications;

/// <summary>
/// The lifecycle actions a person takes on an application, each with the route segment the API and the page post to.
/// The same segments are what an application's <c>allowedActions</c> lists, so a client can post what it is offered.
/// Actions the platform takes itself (closing a notice, upholding an objection) have no route here.
/// </summary>
public static class ApplicationActionRoutes
{
    public sealed record Route(ApplicationAction Action, string Segment, string OperationId, string Summary);

    public static readonly IReadOnlyList<Route> All =
    [
        new(ApplicationAction.Submit, "submit", "SubmitApplication", "Submit a draft or returned application; eligibility must hold"),
        new(ApplicationAction.Withdraw, "withdraw", "WithdrawApplication", "Withdraw an application from any stage before a final decision, with a reason"),
        new(ApplicationAction.BeginFormalCheck, "begin-formal-check", "BeginFormalCheck", "Take a submitted application into the formal check (形式审查)"),
        new(ApplicationAction.PassFormalCheck, "pass-formal-check", "PassFormalCheck", "Pass the formal check: the application goes to expert review"),
        new(ApplicationAction.ReturnForRevision, "return", "ReturnApplication", "Return an application to the applicant for revision, with a reason"),
        new(ApplicationAction.CompleteExpertReview, "complete-expert-review", "CompleteExpertReview", "Close the expert review (专家评审) once the panel has scored and given its opinion"),
        new(ApplicationAction.CompleteSiteInspection, "complete-site-inspection", "CompleteSiteInspection", "Close the site inspection (现场考察): the application goes to decision"),
        new(ApplicationAction.Approve, "approve", "ApproveApplication", "Decide to recognise: the application goes to public notice (公示), with meeting date and decision number"),
        new(ApplicationAction.Reject, "reject", "RejectApplication", "Decide not to recognise, with a reason"),
    ];

    public static string? SegmentOf(ApplicationAction action) => All.FirstOrDefault(r => r.Action == action)?.Segment;
}
