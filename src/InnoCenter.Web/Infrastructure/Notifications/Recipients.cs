using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Infrastructure.Notifications;

/// <summary>Who is told: the programme officers, or the active staff of one organisation.</summary>
public static class Recipients
{
    public static Task<List<Guid>> AdminsAsync(AppDbContext db, CancellationToken ct) =>
        (from ur in db.UserRoles
         join r in db.Roles on ur.RoleId equals r.Id
         where r.Name == Roles.Admin
         select ur.UserId).ToListAsync(ct);

    public static Task<List<Guid>> StaffOfAsync(AppDbContext db, Guid organizationId, CancellationToken ct) =>
        db.Users.Where(u => u.OrganizationId == organizationId && u.IsActive).Select(u => u.Id).ToListAsync(ct);
}
