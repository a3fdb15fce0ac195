using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Experts;

public sealed class ImportModel(ExpertHandlers handlers, Text text) : PageModel
{
    public ImportReport? Report { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        var result = await handlers.ImportAsync(file, ct);
        if (!result.IsSuccess)
        {
            ModelState.AddFailure(result.Failure!, text, prefix: string.Empty);
            return Page();
        }

        if (result.Value.Succeeded)
        {
            TempData["Flash"] = text["experts.import.done", result.Value.Imported];
            return Redirect("/Experts");
        }

        Report = result.Value;
        return Page();
    }
}
