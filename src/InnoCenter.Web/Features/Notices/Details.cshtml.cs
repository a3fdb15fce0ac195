using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace InnoCenter.Web.Features.Notices;

/// <summary>One notice, and the form through which anyone may object while it is open.</summary>
[AllowAnonymous]
[EnableRateLimiting(AuthSetup.PublicFormRateLimit)]
public sealed class DetailsModel(NoticeQueries queries, NoticeHandlers notices, Text text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public ObjectionInput Input { get; set; } = new();

    public PublicNoticeDto? Notice { get; private set; }

    public bool Filed { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await notices.FileObjectionAsync(Id, new ObjectionRequest
        {
            Name = Input.Name, Contact = Input.Contact, Content = Input.Content, Website = Input.Website,
        }, ct);
        if (result.IsSuccess)
        {
            Filed = true;
        }
        else
        {
            ModelState.AddFailure(result.Failure!, text);
        }

        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Notice = await queries.FindAsync(Id, ct);
        return Notice is not null;
    }

    public sealed class ObjectionInput
    {
        public string? Name { get; set; }

        public string? Contact { get; set; }

        public string? Content { get; set; }

        public string? Website { get; set; }
    }
}
