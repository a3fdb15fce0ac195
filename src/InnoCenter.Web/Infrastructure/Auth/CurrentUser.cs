using System.Security.Claims;

namespace InnoCenter.Web.Infrastructure.Auth;

/// <summary>Who is asking, as the handlers need it: identity, roles and the organisation they act for.</summary>
public sealed class CurrentUser(IHttpContextAccessor accessor)
{
    public const string OrganizationClaim = "org";

    private ClaimsPrincipal Principal => accessor.HttpContext?.User ?? new ClaimsPrincipal();

    public bool IsSignedIn => Principal.Identity?.IsAuthenticated == true;

    public Guid? Id => Guid.TryParse(Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public string? Name => Principal.Identity?.Name;

    public Guid? OrganizationId => Guid.TryParse(Principal.FindFirstValue(OrganizationClaim), out var id) ? id : null;

    public bool IsAdmin => Principal.IsInRole(Roles.Admin);

    public bool IsInRole(string role) => Principal.IsInRole(role);
}
