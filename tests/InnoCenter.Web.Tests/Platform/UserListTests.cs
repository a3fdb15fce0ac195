using System.Net.Http.Json;
using InnoCenter.Web.Features.Users;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Web;
using InnoCenter.Web.Tests.Infrastructure;

namespace InnoCenter.Web.Tests.Platform;

/// <summary>The Admins' user list, once per provider.</summary>
public abstract class UserListTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    [ProviderFact]
    public async Task The_user_list_pages_accounts_awaiting_verification_first_then_newest_first()
    {
        var admin = await factory.ClientFor(Roles.Admin);
        var marker = $"名单{Guid.NewGuid():N}";
        var at = DateTimeOffset.UtcNow.AddDays(-10);
        // Created in an order that is neither the list's nor its reverse.
        var made = new (bool Active, int Day)[] { (true, 1), (false, 2), (true, 4), (false, 0), (true, 3) }
            .Select(x => new AppUser
            {
                Id = Guid.CreateVersion7(),
                UserName = $"{marker}-{x.Day}@test.local",
                Email = $"{marker}-{x.Day}@test.local",
                DisplayName = $"{marker} {x.Day}",
                IsActive = x.Active,
                CreatedAt = at.AddDays(x.Day),
                SecurityStamp = Guid.NewGuid().ToString("N"),
            }).ToList();
        await factory.WithDbAsync(async db =>
        {
            db.Users.AddRange(made);
            return await db.SaveChangesAsync();
        });

        var pages = new List<UserDto>();
        for (var page = 1; page <= 3; page++)
        {
            var result = (await admin.GetFromJsonAsync<PagedResult<UserDto>>($"/api/v1/users?search={marker}&pageSize=2&page={page}", Json.Options))!;
            Assert.Equal(5, result.Total);
            pages.AddRange(result.Items);
        }

        Assert.Equal([$"{marker} 2", $"{marker} 0", $"{marker} 4", $"{marker} 3", $"{marker} 1"], pages.Select(u => u.DisplayName));
        Assert.Equal([false, false, true, true, true], pages.Select(u => u.IsActive));
    }
}

public sealed class SqliteUserListTests(SqliteAppFactory factory) : UserListTests<SqliteAppFactory>(factory);

[PostgresSuite]
public sealed class PostgresUserListTests(PostgresAppFactory factory) : UserListTests<PostgresAppFactory>(factory);
