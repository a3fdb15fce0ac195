using InnoCenter.Domain.Policy;
using InnoCenter.Web.Infrastructure.Policy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Applications;

/// <summary>The pipeline board (Admins) or the applicant's own applications.</summary>
public sealed class IndexModel(ApplicationQueries queries, PolicyProvider policy) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ApplicationFilter Filter { get; set; } = new();

    public PipelineDto Pipeline { get; private set; } = new([], new([], 1, 20, 0));

    public PolicyPack Policy => policy.Current;

    public async Task OnGetAsync(CancellationToken ct) => Pipeline = await queries.PipelineAsync(Filter, ct);
}
