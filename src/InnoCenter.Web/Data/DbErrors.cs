using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace InnoCenter.Web.Data;

/// <summary>
/// What a failed save means, on either engine. A handler turns only the failures it expects into a refusal (a unique
/// index kept another writer's row, or a version check lost); anything else is unexpected and goes on to the one
/// exception handler, which logs it — never reported to the user as "already exists".
/// </summary>
public static class DbErrors
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;

    /// <summary>A unique index (or primary key) refused the row: another writer stored the same key first.</summary>
    public static bool IsUniqueViolation(this DbUpdateException ex) => ex.InnerException switch
    {
        SqliteException s => s.SqliteErrorCode == SqliteConstraint && s.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    /// <summary>
    /// PostgreSQL chose this transaction as a deadlock's victim (40P01) — as concurrent inserts checked by one exclusion
    /// constraint can do. Nothing was written; the same work may be tried again. EF Core may wrap it as a "transient failure".
    /// </summary>
    public static bool IsDeadlock(this Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (e is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Another writer won: a unique index kept their row, or the row's version changed since it was read.</summary>
    public static bool IsLostRace(this DbUpdateException ex) => ex is DbUpdateConcurrencyException || ex.IsUniqueViolation();
}
