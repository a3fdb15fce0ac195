using System.Security.Cryptography;
using InnoCenter.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;

namespace InnoCenter.Web.Infrastructure.Startup;

/// <summary>
/// Makes sure the roles exist and that there is an Admin: from INNOCENTER_ADMIN_EMAIL / INNOCENTER_ADMIN_PASSWORD, or
/// with a generated password printed once to the console — the only time it is ever shown.
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
        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0)
        {
            return;
        }

        var config = sp.GetRequiredService<IConfiguration>();
        var email = config["INNOCENTER_ADMIN_EMAIL"] is { Length: > 0 } e ? e : "admin@innocenter.local";
        var password = config["INNOCENTER_ADMIN_PASSWORD"];
        var generated = string.IsNullOrEmpty(password);
        if (generated)
        {
            password = Generate();
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
        Check(await users.AddToRoleAsync(admin, Roles.Admin), "make the first user an Admin");

        if (generated)
        {
            Console.WriteLine();
            Console.WriteLine("==================================================================");
            Console.WriteLine(" First Admin created / 已创建首个管理员账号");
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
