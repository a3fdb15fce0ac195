using System.Data.Common;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Search;
using InnoCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace InnoCenter.Web.Tests.Search;

/// <summary>
/// The searches' cost model reads how many entries each kind has, at most once a minute. Many searches starting at once
/// on a database not counted yet count it once between them, not once each (on PostgreSQL at national the count took
/// 119 ms, and every search of that moment ran it).
/// </summary>
public abstract class TextSearchKindSizeTests<TFactory>
    where TFactory : AppFactory, new()
{
    [ProviderFact]
    public async Task Searches_starting_together_count_the_kinds_entries_once_between_them()
    {
        await using var own = await OwnApp<TFactory>.StartAsync();
        await using var scope = own.Factory.Services.CreateAsyncScope();
        var connection = scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.GetConnectionString()!;
        var postgres = scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.IsNpgsql();
        var counter = new KindCounts();
        var contexts = Enumerable.Range(0, 16).Select(_ => postgres
            ? (AppDbContext)new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(connection).AddInterceptors(counter).Options)
            : new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(connection).AddInterceptors(counter).Options)).ToList();
        try
        {
            using var start = new ManualResetEventSlim();
            var searches = contexts.Select(db => Task.Run(async () =>
            {
                start.Wait();
                return await TextSearch.PrepareAsync(db, SearchKinds.Organization, "智能", CancellationToken.None);
            })).ToList();
            start.Set();
            var prepared = await Task.WhenAll(searches);

            Assert.All(prepared, Assert.NotNull);
            Assert.Equal(1, counter.Count);
        }
        finally
        {
            foreach (var db in contexts)
            {
                await db.DisposeAsync();
            }
        }
    }

    /// <summary>Counts the statements that group the index's entries by kind.</summary>
    private sealed class KindCounts : DbCommandInterceptor
    {
        public int Count;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("GROUP BY", StringComparison.Ordinal) && command.CommandText.Contains("\"Kind\"", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref Count);
            }

            return ValueTask.FromResult(result);
        }
    }
}

public sealed class SqliteTextSearchKindSizeTests : TextSearchKindSizeTests<SqliteAppFactory>;

public sealed class PostgresTextSearchKindSizeTests : TextSearchKindSizeTests<PostgresAppFactory>;
