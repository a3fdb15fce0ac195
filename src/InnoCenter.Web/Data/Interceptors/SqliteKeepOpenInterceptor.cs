using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace InnoCenter.Web.Data.Interceptors;

/// <summary>
/// Keeps a SQLite context's connection open from its first statement until the context is disposed, instead of taking
/// it from Microsoft.Data.Sqlite's pool and giving it back around every statement. The pool guards its list with one
/// lock; a page that sends a dozen statements took and returned a connection a dozen times, and under 16 concurrent
/// requests on two cores the threads queued on that lock (a sampled profile of the grant page at national: 43 % of the
/// request threads' time waiting in <c>SqliteConnectionPool.GetConnection</c> and <c>Return</c>). Held, it is taken
/// once per request. Nothing else changes: SQLite in autocommit mode keeps no snapshot between statements, so an open
/// connection holds no read transaction; EF owns the connection and disposes it (back to the pool) with the context.
/// </summary>
public sealed class SqliteKeepOpenInterceptor : DbConnectionInterceptor
{
    public override InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        Keep(connection) ? InterceptionResult.Suppress() : result;

    public override ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        ValueTask.FromResult(Keep(connection) ? InterceptionResult.Suppress() : result);

    // A broken connection is closed as EF asks.
    private static bool Keep(DbConnection connection) => connection.State == ConnectionState.Open;
}
