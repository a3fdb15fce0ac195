using InnoCenter.Web.Features.Assessment;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Notices;

/// <summary>The public notices (公示公告): open to anyone, signed in or not.</summary>
[AllowAnonymous]
public sealed class IndexModel(NoticeQueries queries, ScorecardQueries assessment) : PageModel
{
    public PagedResult<PublicNoticeDto> Result { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    /// <summary>考核结果公告 of published assessment cycles.</summary>
    public IReadOnlyList<AssessmentNoticeRow> AssessmentNotices { get; private set; } = [];

    public IReadOnlyList<PublicNoticeDto> Notices => Result.Items;

    /// <summary>The page number comes from the query string as the shared pager writes it (Razor Pages' own route value is also called "page").</summary>
    public async Task OnGetAsync(CancellationToken ct)
    {
        Result = await queries.PageAsync(int.TryParse(Request.Query["page"], out var n) ? n : null, null, ct, members: false);
        AssessmentNotices = await assessment.NoticeListAsync(ct);
    }
}
