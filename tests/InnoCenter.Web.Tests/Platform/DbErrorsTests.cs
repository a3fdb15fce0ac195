using InnoCenter.Web.Data;
using InnoCenter.Web.Features.Reminders;
using InnoCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Tests.Platform;

/// <summary>A handler refuses only the failures it expects; on both engines a duplicate key is told from any other failure.</summary>
public abstract class DbErrorsTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    [ProviderFact]
    public async Task A_duplicate_key_is_a_unique_violation_and_a_missing_required_value_is_not()
    {
        var subject = Guid.NewGuid();
        var due = new DateOnly(2026, 12, 31);
        await factory.WithDbAsync(async db =>
        {
            db.SentReminders.Add(new SentReminder { Kind = "test", SubjectId = subject, DueOn = due, SentAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });

        var duplicate = await factory.WithDbAsync(async db =>
        {
            db.SentReminders.Add(new SentReminder { Kind = "test", SubjectId = subject, DueOn = due, SentAt = DateTimeOffset.UtcNow });
            return await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        });
        var missing = await factory.WithDbAsync(async db =>
        {
            db.SentReminders.Add(new SentReminder { Kind = null!, SubjectId = Guid.NewGuid(), DueOn = due, SentAt = DateTimeOffset.UtcNow });
            return await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        });

        Assert.True(duplicate.IsUniqueViolation());
        Assert.True(duplicate.IsLostRace());
        Assert.False(missing.IsUniqueViolation());
        Assert.False(missing.IsLostRace());
    }
}

public sealed class SqliteDbErrorsTests(SqliteAppFactory factory) : DbErrorsTests<SqliteAppFactory>(factory);

[PostgresSuite]
public sealed class PostgresDbErrorsTests(PostgresAppFactory factory) : DbErrorsTests<PostgresAppFactory>(factory);
