using InnoCenter.Web.Features.Centers;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Policy;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Portal.Manage;

/// <summary>An Admin publishes a policy document; the platform assigns its 索引号.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class DocumentNewModel(DocumentHandlers handlers, PolicyProvider policy, Text text, TimeProvider clock) : PageModel
{
    [BindProperty]
    public DocumentInput Input { get; set; } = new();

    public void OnGet()
    {
        Input.IssuedOn = clock.TodayInBeijing();
        Input.Publisher = policy.Current.Applications.IssuingBody.For(LocalizationSetup.IsEnglish);
    }

    public async Task<IActionResult> OnPostAsync(List<IFormFile>? files, CancellationToken ct)
    {
        var result = await handlers.PublishAsync(
            new DocumentRequest(Input.Title, Input.DocumentNumber, Input.Publisher, Input.IssuedOn, Input.Body), files ?? [], ct);
        if (!result.IsSuccess)
        {
            ModelState.AddFailure(result.Failure!, text);
            return Page();
        }

        TempData["Flash"] = text["portal.document.published", result.Value.IndexNumber];
        return Redirect($"/Portal/Documents/{result.Value.Id}");
    }

    public sealed class DocumentInput
    {
        public string? Title { get; set; }

        public string? DocumentNumber { get; set; }

        public string? Publisher { get; set; }

        public DateOnly? IssuedOn { get; set; }

        public string? Body { get; set; }
    }
}
