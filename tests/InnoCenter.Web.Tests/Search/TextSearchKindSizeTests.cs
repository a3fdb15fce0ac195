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
        var appDb = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // The statement that groups the index's entries by kind.
        var counter = new CommandCounter(sql => sql.Contains("GROUP BY", StringComparison.Ordinal) && sql.Contains("\"Kind\"", StringComparison.Ordinal));
        var contexts = Enumerable.Range(0, 16).Select(_ => CommandCounter.ContextLike(appDb, counter)).ToList();
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
}

public sealed class SqliteTextSearchKindSizeTests : TextSearchKindSizeTests<SqliteAppFactory>;

public sealed class PostgresTextSearchKindSizeTests : TextSearchKindSizeTests<PostgresAppFactory>;
