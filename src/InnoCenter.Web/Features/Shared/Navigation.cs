using System.Security.Claims;
using InnoCenter.Web.Infrastructure.Auth;

namespace InnoCenter.Web.Features.Shared;

/// <summary>One page the menu leads to, by the string key of its label; <paramref name="Also"/> are further paths of its section.</summary>
public sealed record NavItem(string LabelKey, string Href, params string[] Also);

/// <summary>A module's group of pages; a group of one page is shown as a plain link.</summary>
public sealed record NavGroup(string LabelKey, IReadOnlyList<NavItem> Items);

/// <summary>
/// The main menu, grouped by module and cut to the user's roles, so that it fits a 1,366 px window in both languages;
/// and the current section and breadcrumb trail worked out from the request path.
/// </summary>
public static class Navigation
{
    private static readonly NavItem Workbench = new("workbench.title", "/");
    private static readonly NavItem Applications = new("nav.applications", "/Applications");
    private static readonly NavItem Reviews = new("reviews.nav", "/Reviews");
    private static readonly NavItem MyReviews = new("reviews.nav_my", "/Reviews/My", "/Reviews");
    private static readonly NavItem Experts = new("experts.nav", "/Experts");
    private static readonly NavItem Notices = new("nav.notices", "/Notices");
    private static readonly NavItem Centers = new("centers.nav", "/Centers");
    private static readonly NavItem PublicCenters = new("centers.nav_public", "/Centers/Public");
    private static readonly NavItem Ledger = new("ledger.nav", "/Ledger");
    private static readonly NavItem Assessment = new("assessment.nav", "/Assessment");
    private static readonly NavItem Funds = new("funds.nav", "/Funds");
    private static readonly NavItem Plans = new("plans.nav", "/Plans/Behind");
    private static readonly NavItem Dashboard = new("dashboard.nav", "/Dashboard");
    private static readonly NavItem Organizations = new("nav.organizations", "/Organizations");
    private static readonly NavItem Users = new("nav.users", "/Users");
    private static readonly NavItem Policy = new("nav.policy", "/Policy");
    private static readonly NavItem Audit = new("nav.audit", "/Audit");
    private static readonly NavItem Outbox = new("outbox.nav", "/Outbox");
    private static readonly NavItem Resources = new("resources.nav", "/Resources");
    private static readonly NavItem PortalCases = new("portal.cases.title", "/Portal/Cases");
    private static readonly NavItem PortalDocuments = new("portal.documents.title", "/Portal/Documents");
    private static readonly NavItem PortalManage = new("portal.nav.manage", "/Portal/Manage/Cases", "/Portal/Manage");

    /// <param name="keepsAccounts">Holds the accounts duty (三员分立: the system administrator).</param>
    /// <param name="keepsAudit">Holds the audit duty (三员分立: the security auditor).</param>
    public static IReadOnlyList<NavGroup> For(ClaimsPrincipal user, bool keepsAccounts, bool keepsAudit)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return [Single(Notices), Single(PortalCases), Single(PortalDocuments), Single(PublicCenters)];
        }

        List<NavItem> system = [];
        if (keepsAccounts)
        {
            system.Add(Users);
        }

        if (keepsAudit)
        {
            system.Add(Audit);
        }

        if (user.IsInRole(Roles.Admin))
        {
            return
            [
                Single(Workbench),
                new("nav.group.recognition", [Applications, Reviews, Experts, Notices]),
                new("nav.group.operation", [Centers, Ledger, Resources, Assessment, Plans, Funds, Dashboard, PortalManage]),
                new("nav.group.system", [Organizations, Policy, Outbox, .. system]),
            ];
        }

        var groups = new List<NavGroup> { Single(Workbench) };
        if (system.Count > 0)
        {
            groups.Add(new("nav.group.system", system));
        }

        if (user.IsInRole(Roles.Expert))
        {
            groups.Add(Single(MyReviews));
        }

        if (user.IsInRole(Roles.CenterUser))
        {
            groups.Add(Single(Applications));
            groups.Add(new("nav.group.operation", [Centers, Ledger, Resources, Assessment, Funds, PortalManage]));
        }
        else if (user.IsInRole(Roles.MemberUser))
        {
            groups.Add(new("nav.group.operation", [Centers, Ledger, Resources]));
        }
        else
        {
            groups.Add(Single(Centers));
        }

        groups.Add(Single(Organizations));
        groups.Add(Single(Notices));
        return groups;
    }

    /// <summary>The menu item the path belongs to: the one whose address is the longest prefix of it.</summary>
    public static NavItem? Current(IReadOnlyList<NavGroup> groups, string path)
    {
        return groups.SelectMany(g => g.Items)
            .SelectMany(i => i.Also.Prepend(i.Href).Select(prefix => (Item: i, Prefix: prefix)))
            .Where(x => x.Prefix == "/" ? path == "/" : path.Equals(x.Prefix, StringComparison.OrdinalIgnoreCase)
                                                        || path.StartsWith(x.Prefix + "/", StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(x => x.Prefix.Length)
            .Select(x => x.Item)
            .FirstOrDefault();
    }

    public static NavGroup? GroupOf(IReadOnlyList<NavGroup> groups, NavItem? item) =>
        item is null ? null : groups.FirstOrDefault(g => g.Items.Contains(item));

    /// <summary>A page below a section's list (details, edit, import…) shows the way back to it.</summary>
    public static bool WantsBreadcrumb(NavItem? current, string path) =>
        current is not null && current.Href != "/" && !path.TrimEnd('/').Equals(current.Href, StringComparison.OrdinalIgnoreCase);

    private static NavGroup Single(NavItem item) => new(item.LabelKey, [item]);
}
