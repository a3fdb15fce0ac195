using System.Data.Common;
using InnoCenter.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace InnoCenter.Web.Tests.Infrastructure;

/// <summary>Counts the reading commands a context sends (those whose text <c>counts</c> accepts; all when null), across threads.</summary>
public sealed class CommandCounter(Func<string, bool>? counts = null) : DbCommandInterceptor
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (counts is null || counts(command.CommandText))
        {
            Interlocked.Increment(ref _count);
        }

        return ValueTask.FromResult(result);
    }

    /// <summary>A new context of the app's provider on the same database as <paramref name="appDb"/>, with these interceptors only.</summary>
    public static AppDbContext ContextLike(AppDbContext appDb, params IInterceptor[] interceptors)
    {
        var connection = appDb.Database.GetConnectionString()!;
        return appDb.Database.IsNpgsql()
            ? new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(connection).AddInterceptors(interceptors).Options)
            : new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(connection).AddInterceptors(interceptors).Options);
    }
}
