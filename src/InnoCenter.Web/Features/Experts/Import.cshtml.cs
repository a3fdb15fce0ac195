using InnoCenter.Web.Infrastructure.Imports;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Experts;

/// <summary>The pool's import page: the file is checked and kept, and the import runs in the background with its progress shown.</summary>
public sealed class ImportModel(ImportJobs jobs, Text text) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        var started = await jobs.StartAsync(ExpertImportTarget.Kind, null, file, ct);
        if (!started.IsSuccess)
        {
            ModelState.AddFailure(started.Failure!, text, prefix: string.Empty);
            return Page();
        }

        return Redirect($"/Imports/{started.Value.Id}");
    }
}
