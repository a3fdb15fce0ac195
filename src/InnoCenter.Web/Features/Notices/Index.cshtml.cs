using InnoCenter.Web.Features.Applications;
using InnoCenter.Web.Features.Assessment;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Notices;

/// <summary>The public notices (公示公告): open to anyone, signed in or not.</summary>
[AllowAnonymous]
public sealed class IndexModel(ApplicationQueries queries, ScorecardQueries assessment) : PageModel
{
    public IReadOnlyList<PublicNoticeDto> Notices { get; private set; } = [];

    /// <summary>考核结果公告 of published assessment cycles.</summary>
    public IReadOnlyList<AssessmentNoticeDto> AssessmentNotices { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Notices = await queries.PublicNoticesAsync(null, ct);
        AssessmentNotices = await assessment.NoticesAsync(null, ct);
    }
}
