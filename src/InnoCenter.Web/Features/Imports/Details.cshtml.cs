using InnoCenter.Web.Infrastructure.Imports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Imports;

/// <summary>A background import as its starter follows it: a progress bar while it runs, then its outcome and every refused row.</summary>
public sealed class DetailsModel(ImportJobs jobs) : PageModel
{
    public ImportJobDto Job { get; private set; } = null!;

    public bool Running => Job.State is ImportJobState.Queued or ImportJobState.Running;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var job = await jobs.GetAsync(id, ct);
        if (!job.IsSuccess)
        {
            return NotFound();
        }

        Job = job.Value;
        return Page();
    }
}
