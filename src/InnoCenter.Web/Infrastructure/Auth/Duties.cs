using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace InnoCenter.Web.Infrastructure.Auth;

/// <summary>
/// Separation of duties (三员分立, as 等保 2.0 asks of a government system): the programme Admin (业务管理员) decides
/// cases; the system administrator (<see cref="Roles.SystemAdmin"/>, 系统管理员) manages accounts, roles and
/// registrations; the audit administrator (<see cref="Roles.AuditAdmin"/>, 安全审计员) reads, verifies and exports the
/// audit log. With <c>Security:CombinedAdmin</c> (true by default, for a small deployment) the Admin also holds the two
/// other duties; with it false each duty is its own role and one account holds at most one of the three.
/// </summary>
public static class Duties
{
    /// <summary>Accounts, roles, registrations (Features/Users).</summary>
    public const string Accounts = "duty:accounts";

    /// <summary>The audit log (Features/Audit).</summary>
    public const string Audit = "duty:audit";

    /// <summary>The three administrative roles that separation keeps apart.</summary>
    public static readonly IReadOnlyList<string> Separated = [Roles.Admin, Roles.SystemAdmin, Roles.AuditAdmin];

    public static bool Combined(IConfiguration config) => config.GetValue("Security:CombinedAdmin", true);

    public static IReadOnlyList<string> RolesFor(string duty, bool combined) => (duty, combined) switch
    {
        (Accounts, true) => [Roles.Admin, Roles.SystemAdmin],
        (Accounts, false) => [Roles.SystemAdmin],
        (Audit, true) => [Roles.Admin, Roles.AuditAdmin],
        (Audit, false) => [Roles.AuditAdmin],
        _ => throw new ArgumentOutOfRangeException(nameof(duty), duty, "Unknown duty."),
    };

    public static AuthorizationBuilder AddDutyPolicies(this AuthorizationBuilder builder, IConfiguration config)
    {
        var combined = Combined(config);
        return builder
            .AddPolicy(Accounts, p => p.RequireRole(RolesFor(Accounts, combined)))
            .AddPolicy(Audit, p => p.RequireRole(RolesFor(Audit, combined)));
    }

    /// <summary>Does the principal hold the duty (for menus; the policies above are what guards).</summary>
    public static bool Holds(ClaimsPrincipal user, IConfiguration config, string duty) =>
        RolesFor(duty, Combined(config)).Any(user.IsInRole);

    /// <summary>When duties are separate, may an account that holds <paramref name="held"/> also take <paramref name="role"/>?</summary>
    public static bool MayAdd(IEnumerable<string> held, string role, bool combined) =>
        combined || !Separated.Contains(role) || !held.Any(h => h != role && Separated.Contains(h));
}
