using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Home;

public sealed class IndexModel(AppDbContext db) : PageModel
{
    public int PendingUsers { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (User.IsInRole(Roles.Admin))
        {
            PendingUsers = await db.Users.CountAsync(u => !u.IsActive && u.RequestedRole != null, ct);
        }
    }
}
