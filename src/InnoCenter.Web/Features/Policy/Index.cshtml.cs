using InnoCenter.Domain.Policy;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Policy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Policy;

public sealed record PolicyVersionRow(string Code, int Version, DateTimeOffset LoadedAt, bool IsActive);

/// <summary>The policy pack in force and the versions stored; editing packs in the app comes with the modules that use them.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class IndexModel(PolicyProvider policy, AppDbContext db) : PageModel
{
    public PolicyPack Pack => policy.Current;

    public IReadOnlyList<PolicyVersionRow> Versions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Versions = await db.PolicyPacks.AsNoTracking()
            .OrderBy(p => p.Code).ThenByDescending(p => p.Version)
            .Select(p => new PolicyVersionRow(p.Code, p.Version, p.LoadedAt, p.IsActive))
            .ToListAsync(ct);
}
