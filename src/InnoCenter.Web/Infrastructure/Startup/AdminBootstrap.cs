using System.Security.Cryptography;
using InnoCenter.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;

namespace InnoCenter.Web.Infrastructure.Startup;

/// <summary>
/// Makes sure the roles exist and that there is a first administrator: from INNOCENTER_ADMIN_EMAIL /
/// INNOCENTER_ADMIN_PASSWORD, or with a generated password printed once to the console — the only time it is ever shown.
/// With <c>Security:CombinedAdmin</c> true (the default) that account is the Admin and holds all three duties; with it
/// false (三员分立) it is the system administrator, who then creates the programme Admin and the audit administrator
/// as separate accounts (see <see cref="Duties"/>).
/// </summary>
public static class AdminBootstrap
{
    public static async Task EnsureAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var roles = sp.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole<Guid>(role) { Id = Guid.CreateVersion7() }), "create role " + role);
            }
        }

        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var config = sp.GetRequiredService<IConfiguration>();
        var firstRole = Duties.Combined(config) ? Roles.Admin : Roles.SystemAdmin;
        if ((await users.GetUsersInRoleAsync(firstRole)).Count > 0)
        {
            return;
        }

        var email = config["INNOCENTER_ADMIN_EMAIL"] is { Length: > 0 } e ? e : "admin@innocenter.local";
        var password = config["INNOCENTER_ADMIN_PASSWORD"];
        var generated = string.IsNullOrEmpty(password);
        if (generated)
        {
            password = Generate();
        }

        if (await users.FindByEmailAsync(email) is not null)
        {
            // A deployment switching to separate duties keeps its Admin; the system administrator needs an address of its own.
            Console.WriteLine($"No {firstRole} yet, and {email} is taken: set INNOCENTER_ADMIN_EMAIL to a new address. / 尚无{firstRole}账号，且 {email} 已被占用：请将 INNOCENTER_ADMIN_EMAIL 设为新地址。");
            return;
        }

        var admin = new AppUser
        {
            Id = Guid.CreateVersion7(),
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = "系统管理员",
            IsActive = true,
            CreatedAt = sp.GetRequiredService<TimeProvider>().GetUtcNow(),
        };
        Check(await users.CreateAsync(admin, password!), "create the first Admin");
        Check(await users.AddToRoleAsync(admin, firstRole), "make the first user " + firstRole);

        if (generated)
        {
            Console.WriteLine();
            Console.WriteLine("==================================================================");
            Console.WriteLine($" First {firstRole} created / 已创建首个管理员账号（{(firstRole == Roles.Admin ? "业务、系统、审计三员合一" : "系统管理员，三员分立")}）");
            Console.WriteLine($"   e-mail   / 邮箱: {email}");
            Console.WriteLine($"   password / 密码: {password}");
            Console.WriteLine(" This password is shown only once. 此密码仅显示一次，请妥善保存。");
            Console.WriteLine("==================================================================");
            Console.WriteLine();
        }
    }

    /// <summary>A password that meets the Identity rules: upper, lower and digits, 16 characters.</summary>
    private static string Generate()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        const string lower = "abcdefghijkmnpqrstuvwxyz";
        const string digits = "23456789";
        var all = upper + lower + digits;
        var chars = new char[16];
        chars[0] = upper[RandomNumberGenerator.GetInt32(upper.Length)];
        chars[1] = lower[RandomNumberGenerator.GetInt32(lower.Length)];
        chars[2] = digits[RandomNumberGenerator.GetInt32(digits.Length)];
        for (var i = 3; i < chars.Length; i++)
        {
            chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        }

        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Could not {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
