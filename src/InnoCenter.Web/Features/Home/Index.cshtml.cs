using InnoCenter.Web.Data;
using InnoCenter.Web.Features.Workbench;
using InnoCenter.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Home;

/// <summary>The public home page for visitors; for a signed-in user, the workbench (工作台) of what waits for them.</summary>
public sealed class IndexModel(AppDbContext db, WorkbenchHandlers workbench, Portal.PortalHomeQueries portal) : PageModel
{
    public Portal.PortalHome? Portal { get; private set; }

    public int PendingUsers { get; private set; }

    public WorkbenchDto? Workbench { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            Portal = await portal.GetAsync(ct);
            return;
        }

        Workbench = await workbench.GetAsync(ct);
        if (User.IsInRole(Roles.Admin))
        {
            PendingUsers = await db.Users.CountAsync(u => !u.IsActive && u.RequestedRole != null, ct);
        }
    }
}
