using InnoCenter.Domain.Organizations;
using InnoCenter.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;

namespace InnoCenter.Bench.Generator.Steps;

/// <summary>
/// Accounts: the roles, the Admin the harness signs in as (with a personal access token whose secret goes into the
/// sample file), one CenterUser for every enterprise that will lead applications, member users, and self-registered
/// accounts waiting for verification.
/// </summary>
public sealed class UsersStep : IGeneratorStep
{
    public const string AdminEmail = "admin@bench.local";

    /// <summary>Every generated account has this password; the hash is computed once and shared (hashing is slow by design).</summary>
    public const string Password = "Bench2026pass";

    public int Order => 20;

    public string Name => "users";

    public async Task RunAsync(GeneratorContext context, Random random, CancellationToken ct)
    {
        var roles = Roles.All.Select(r => new IdentityRole<Guid>(r)
        {
            Id = Guid.CreateVersion7(),
            NormalizedName = r.ToUpperInvariant(),
            ConcurrencyStamp = Guid.NewGuid().ToString(),
        }).ToDictionary(r => r.Name!);
        await context.InsertAsync("roles", roles.Count, roles.Values, ct);

        var hash = new PasswordHasher<AppUser>().HashPassword(new AppUser(), Password);
        var admin = User(AdminEmail, "赵立（工信局）", null, active: true, hash, context.Now.AddYears(-5));
        context.AdminUserId = admin.Id;
        context.AdminName = admin.DisplayName;

        var enterprises = context.Organizations.Where(o => o.CreditCode.StartsWith("91", StringComparison.Ordinal)).ToList();
        var leadCount = Math.Min(enterprises.Count, Math.Max(1, context.Scale.Applications * 3 / 5));
        var leads = enterprises.OrderBy(_ => random.Next()).Take(leadCount).ToList();
        var others = context.Organizations.Except(leads).OrderBy(_ => random.Next()).ToList();
        var memberCount = Math.Min(others.Count, context.Scale.Organizations / 20);
        var pendingCount = Math.Min(others.Count - memberCount, Math.Max(3, context.Scale.Organizations / 100));

        var users = new List<(AppUser User, string? Role)> { (admin, Roles.Admin) };
        var n = 0;
        foreach (var org in leads)
        {
            var name = $"{Names.Person(random)}（{Short(org)}）";
            var u = User($"center{++n}@bench.local", name, org.Id, active: true, hash, context.Now.AddDays(-random.Next(200, 5 * 365)));
            context.ApplicantUsers[org.Id] = (u.Id, name);
            users.Add((u, Roles.CenterUser));
        }

        foreach (var org in others.Take(memberCount))
        {
            var u = User($"member{++n}@bench.local", $"{Names.Person(random)}（{Short(org)}）", org.Id, active: true, hash,
                context.Now.AddDays(-random.Next(30, 5 * 365)));
            users.Add((u, Roles.MemberUser));
        }

        foreach (var org in others.Skip(memberCount).Take(pendingCount))
        {
            var u = User($"pending{++n}@bench.local", $"{Names.Person(random)}（{Short(org)}）", org.Id, active: false, hash,
                context.Now.AddDays(-random.Next(1, 30)));
            u.RequestedRole = random.Next(2) == 0 ? Roles.CenterUser : Roles.MemberUser;
            users.Add((u, null));
        }

        await context.InsertAsync("users", users.Count, users.Select(x => x.User), ct);
        var links = users.Where(x => x.Role is not null)
            .Select(x => new IdentityUserRole<Guid> { UserId = x.User.Id, RoleId = roles[x.Role!].Id });
        await context.InsertAsync("user roles", users.Count(x => x.Role is not null), links, ct);

        var secret = PersonalAccessToken.NewSecret();
        var token = new PersonalAccessToken
        {
            UserId = admin.Id,
            Name = "benchmark",
            TokenHash = PersonalAccessToken.HashOf(secret),
            Hint = secret[..8],
            CreatedAt = context.Now.AddDays(-1),
        };
        await context.InsertAsync("personal access tokens", 1, [token], ct);

        context.Sample("ADMIN_EMAIL", AdminEmail);
        context.Sample("ADMIN_PASSWORD", Password);
        context.Sample("ADMIN_TOKEN", secret);
    }

    private static string Short(OrgRef org) => org.Name.Length > 12 ? org.Name[..12] : org.Name;

    private static AppUser User(string email, string name, Guid? org, bool active, string hash, DateTimeOffset created) => new()
    {
        Id = Guid.CreateVersion7(),
        UserName = email,
        NormalizedUserName = email.ToUpperInvariant(),
        Email = email,
        NormalizedEmail = email.ToUpperInvariant(),
        EmailConfirmed = active,
        PasswordHash = hash,
        SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant(),
        ConcurrencyStamp = Guid.NewGuid().ToString(),
        LockoutEnabled = true,
        DisplayName = name,
        OrganizationId = org,
        IsActive = active,
        CreatedAt = created,
    };
}
