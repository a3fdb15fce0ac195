using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Applications;

/// <summary>
/// Who may read an application: Admins; the applicant's own staff; an expert on its panel who is not in conflict.
/// Everyone else is told it does not exist.
/// </summary>
public sealed class ApplicationAccess(AppDbContext db, CurrentUser user, IApplicationReview review)
{
    public async Task<bool> CanReadAsync(Guid id, CancellationToken ct)
    {
        if (user.IsAdmin)
        {
            return true;
        }

        if (user.IsInRole(Roles.CenterUser) && user.OrganizationId is { } org)
        {
            return await db.Applications.AnyAsync(a => a.Id == id && a.LeadOrganizationId == org, ct);
        }

        return user.IsInRole(Roles.Expert) && user.Id is { } me && await review.ExpertMayOpenAsync(me, id, ct);
    }
}
