using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Portal.Manage;

/// <summary>An Admin's list of inquiries, unanswered first by due day, with the answer form.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class InquiriesModel(InquiryHandlers handlers, Text text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public bool? Answered { get; set; }

    public PagedResult<InquiryDto> Result { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : Forbid();

    public async Task<IActionResult> OnPostAnswerAsync(Guid id, string? answer, int? version, CancellationToken ct)
    {
        var result = await handlers.AnswerAsync(id, new InquiryAnswerRequest(answer, version), ct);
        if (!result.IsSuccess)
        {
            ModelState.AddFailure(result.Failure!, text, string.Empty);
            return await LoadAsync(ct) ? Page() : Forbid();
        }

        TempData["Flash"] = text["portal.inquiry.answeredFlash"];
        return Redirect("/Portal/Manage/Inquiries");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var result = await handlers.ListAsync(Answered, int.TryParse(Request.Query["page"], out var n) ? n : null, ct);
        if (result.IsSuccess)
        {
            Result = result.Value;
        }

        return result.IsSuccess;
    }
}
