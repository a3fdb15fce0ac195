using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Jobs;
using InnoCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnoCenter.Web.Tests.Platform;

public abstract class JobLeaseTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    private async Task<bool> TryAcquireAsync(string name)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<JobLeases>().TryAcquireAsync(name, TimeSpan.FromMinutes(5), CancellationToken.None);
    }

    private Task<int> PutLeaseAsync(string name, string holder, DateTimeOffset expiresAt) =>
        factory.WithDbAsync(db =>
        {
            db.Set<JobLease>().Add(new JobLease { Name = name, Holder = holder, ExpiresAt = expiresAt });
            return db.SaveChangesAsync();
        });

    [ProviderFact]
    public async Task A_lease_held_by_another_node_is_not_taken_until_it_expires()
    {
        var name = "test-" + Guid.NewGuid().ToString("N");
        await PutLeaseAsync(name, "other-node", DateTimeOffset.UtcNow.AddMinutes(5));

        Assert.False(await TryAcquireAsync(name));
        await factory.WithDbAsync(db => db.Set<JobLease>().Where(l => l.Name == name)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1))));
        Assert.True(await TryAcquireAsync(name));
        Assert.Equal(JobLeases.Me, await factory.WithDbAsync(db => db.Set<JobLease>().Where(l => l.Name == name).Select(l => l.Holder).SingleAsync()));
    }

    [ProviderFact]
    public async Task The_holder_renews_its_own_lease_and_a_new_lease_is_created_on_first_use()
    {
        var name = "test-" + Guid.NewGuid().ToString("N");

        Assert.True(await TryAcquireAsync(name));
        Assert.True(await TryAcquireAsync(name));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Set<JobLease>().CountAsync(l => l.Name == name)));
    }
}

public sealed class SqliteJobLeaseTests(SqliteAppFactory factory) : JobLeaseTests<SqliteAppFactory>(factory);

[PostgresSuite]
public sealed class PostgresJobLeaseTests(PostgresAppFactory factory) : JobLeaseTests<PostgresAppFactory>(factory);
