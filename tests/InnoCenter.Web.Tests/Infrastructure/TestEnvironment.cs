namespace InnoCenter.Web.Tests.Infrastructure;

/// <summary>What this machine offers the tests. Under CI=true a missing service is a failure, never a skip.</summary>
public static class TestEnvironment
{
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string PostgresConnection =>
        Environment.GetEnvironmentVariable("PG_CONN") is { Length: > 0 } c
            ? c
            : throw new InvalidOperationException("PG_CONN is not set: the PostgreSQL suite cannot run (CI must provide it).");

    /// <summary>Null when PostgreSQL suites should run; otherwise why they are skipped.</summary>
    public static string? PostgresSkipReason =>
        Environment.GetEnvironmentVariable("PG_CONN") is { Length: > 0 } || IsCi
            ? null
            : "PostgreSQL suite skipped: set PG_CONN to a server connection string to run it (.ci/run does).";
}
