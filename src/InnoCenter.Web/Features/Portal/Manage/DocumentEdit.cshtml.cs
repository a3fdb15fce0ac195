using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Portal.Manage;

/// <summary>An Admin revises a policy document (a new revision under the same 索引号) or withdraws it with a reason.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class DocumentEditModel(DocumentHandlers handlers, PublicDocumentQueries queries, Text text) : PageModel
{
    [BindProperty]
    public DocumentNewModel.DocumentInput Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public DocumentDto Document { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Fill();
        Version = Document.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var result = await handlers.EditAsync(
            id, new DocumentRequest(Input.Title, Input.DocumentNumber, Input.Publisher, Input.IssuedOn, Input.Body, Version), ct);
        if (!result.IsSuccess)
        {
            ModelState.AddFailure(result.Failure!, text);
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        TempData["Flash"] = text["portal.document.revised", result.Value.Revision];
        return Redirect($"/Portal/Documents/{id}");
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken ct)
    {
        var result = await handlers.WithdrawAsync(id, new DocumentWithdrawRequest(Reason, Version), ct);
        if (!result.IsSuccess)
        {
            ModelState.AddFailure(result.Failure!, text, string.Empty);
            if (!await LoadAsync(id, ct))
            {
                return NotFound();
            }

            // The withdrawal form posts no document fields: the revision form shows the stored ones again.
            Fill();
            return Page();
        }

        TempData["Flash"] = text["portal.document.withdrawnFlash", result.Value.IndexNumber];
        return Redirect("/Portal/Documents");
    }

    private void Fill() => Input = new DocumentNewModel.DocumentInput
    {
        Title = Document.Title, DocumentNumber = Document.DocumentNumber, Publisher = Document.Publisher,
        IssuedOn = Document.IssuedOn, Body = Document.Body,
    };

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await queries.GetForAdminAsync(id, ct);
        if (!found.IsSuccess)
        {
            return false;
        }

        Document = found.Value;
        return true;
    }
}
