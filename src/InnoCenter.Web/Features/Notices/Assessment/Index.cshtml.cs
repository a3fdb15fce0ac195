using InnoCenter.Web.Features.Assessment;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Notices.Assessment;

/// <summary>考核结果公告 of a published cycle: the results where the pack makes them public, and every loss of title. Open to anyone.</summary>
[AllowAnonymous]
public sealed class IndexModel(ScorecardQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public AssessmentNoticeDto Notice { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if ((await queries.NoticesAsync(Id, ct)).FirstOrDefault() is not { } notice)
        {
            return NotFound();
        }

        Notice = notice;
        return Page();
    }
}
