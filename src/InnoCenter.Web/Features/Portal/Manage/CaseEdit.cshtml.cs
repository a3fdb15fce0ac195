using InnoCenter.Domain.Policy;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Policy;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Portal.Manage;

/// <summary>A center's staff draft a case or revise it (after publication the edit starts a new version), and upload images.</summary>
[Authorize(Roles = Roles.CenterUser)]
public sealed class CaseEditModel(CaseHandlers handlers, PolicyProvider policy, Text text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty]
    public CaseInput Input { get; set; } = new();

    public IReadOnlyList<(Guid Id, string Name)> Centers { get; private set; } = [];

    public IReadOnlyList<CodeItem> Tasks => policy.Current.Portal.CaseTasks;

    public CaseDto? Existing { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (Existing is { } c)
        {
            var v = c.Latest;
            Input = new CaseInput
            {
                CenterId = c.CenterId, Title = v.Title, Summary = v.Summary, Body = v.Body, Task = v.Task,
                Evidence = string.Join('\n', v.Evidence), Version = c.Version,
            };
        }
        else if (Centers.Count == 1)
        {
            Input.CenterId = Centers[0].Id;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var request = new CaseRequest(
            Input.CenterId, Input.Title, Input.Summary, Input.Body, Input.Task,
            (Input.Evidence ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), Input.Version);
        var result = Id is { } id ? await handlers.EditAsync(id, request, ct) : await handlers.CreateAsync(request, ct);
        if (!result.IsSuccess)
        {
            ModelState.AddFailure(result.Failure!, text);
            return await LoadAsync(ct) ? Page() : NotFound();
        }

        TempData["Flash"] = text["common.saved"];
        return Redirect(CaseHandlers.Links.Manage(result.Value.Id));
    }

    public async Task<IActionResult> OnPostImageAsync(IFormFile? file, CancellationToken ct)
    {
        if (Id is not { } id)
        {
            return NotFound();
        }

        var result = await handlers.UploadImageAsync(id, file, ct);
        if (!result.IsSuccess)
        {
            ModelState.AddFailure(result.Failure!, text, "Image");
            await OnGetAsync(ct);
            return Page();
        }

        TempData["Flash"] = text["portal.case.imageUploaded", result.Value.Markdown];
        return Redirect($"/Portal/Manage/CaseEdit/{id}");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Centers = await handlers.WritableCentersAsync(ct);
        if (Id is { } id)
        {
            var found = await handlers.GetAsync(id, ct);
            if (!found.IsSuccess)
            {
                return false;
            }

            Existing = found.Value;
        }

        return true;
    }

    public sealed class CaseInput
    {
        public Guid? CenterId { get; set; }

        public string? Title { get; set; }

        public string? Summary { get; set; }

        public string? Body { get; set; }

        public string? Task { get; set; }

        /// <summary>One cited ledger record a line, <c>kind/id</c>.</summary>
        public string? Evidence { get; set; }

        public int? Version { get; set; }
    }
}
