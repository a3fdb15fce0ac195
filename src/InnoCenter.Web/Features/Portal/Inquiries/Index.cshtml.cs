using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace InnoCenter.Web.Features.Portal.Inquiries;

/// <summary>留言咨询: the published questions and answers, and the form to ask one.</summary>
[EnableRateLimiting(AuthSetup.PublicFormRateLimit)]
public sealed class IndexModel(InquiryHandlers handlers, Text text) : PageModel
{
    [BindProperty]
    public AskInput Input { get; set; } = new();

    public PagedResult<PublicInquiry> Result { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await handlers.AskAsync(new InquiryRequest(Input.Subject, Input.Question, Input.Name, Input.Email, Input.Consent, Input.Website), ct);
        if (!result.IsSuccess)
        {
            ModelState.AddFailure(result.Failure!, text);
            await LoadAsync(ct);
            return Page();
        }

        TempData["Flash"] = text["portal.inquiry.thanks"];
        return Redirect("/Portal/Inquiries");
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Result = await handlers.PublicAsync(int.TryParse(Request.Query["page"], out var n) ? n : null, ct);

    public sealed class AskInput
    {
        public string? Subject { get; set; }

        public string? Question { get; set; }

        public string? Name { get; set; }

        public string? Email { get; set; }

        public bool Consent { get; set; }

        /// <summary>The honeypot: hidden from people, filled by bots.</summary>
        public string? Website { get; set; }
    }
}
