using InnoCenter.Domain.Common;
using Microsoft.AspNetCore.Identity;

namespace InnoCenter.Web.Infrastructure.Auth;

/// <summary>A person who signs in. Staff of an organisation belong to exactly that one; an account acts only once active.</summary>
public sealed class AppUser : IdentityUser<Guid>, IAudited
{
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>The organisation the user acts for; null for commission staff and most experts.</summary>
    public Guid? OrganizationId { get; set; }

    /// <summary>Self-registered staff stay inactive until an Admin verifies them for their organisation.</summary>
    public bool IsActive { get; set; }

    /// <summary>The role a self-registered user asked for; the Admin grants it on verification.</summary>
    public string? RequestedRole { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The language (zh-CN or en-US) of the mails this user receives; chosen at sign-up or invitation.</summary>
    public string PreferredCulture { get; set; } = "zh-CN";
}

public static class Roles
{
    public const string Admin = "Admin";
    public const string Expert = "Expert";
    public const string CenterUser = "CenterUser";
    public const string MemberUser = "MemberUser";

    /// <summary>系统管理员: accounts and roles, when duties are separate (see <see cref="Duties"/>).</summary>
    public const string SystemAdmin = "SystemAdmin";

    /// <summary>安全审计员: the audit log, when duties are separate (see <see cref="Duties"/>).</summary>
    public const string AuditAdmin = "AuditAdmin";

    public static readonly IReadOnlyList<string> All = [Admin, Expert, CenterUser, MemberUser, SystemAdmin, AuditAdmin];

    /// <summary>Roles an organisation's staff may ask for when they register themselves.</summary>
    public static readonly IReadOnlyList<string> SelfRegistrable = [CenterUser, MemberUser];
}
