using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Startup;

namespace InnoCenter.Bench.Generator;

/// <summary>
/// <c>--scale city|national|export --provider Sqlite|Postgres --connection "…" --seed 42</c>, plus
/// <c>--reset</c> (drop and recreate the database first), <c>--drop</c> (only drop it: the harness's clean-up), <c>--today yyyy-MM-dd</c> (pin the date the history ends on;
/// default today in Beijing), <c>--samples FILE</c> (where the harness's sample ids and token go) and <c>--files DIR</c>
/// (the file store the generated attachments point into).
/// </summary>
public sealed record Options(
    Scale Scale,
    DatabaseProvider Provider,
    string Connection,
    int Seed,
    bool Reset,
    bool Drop,
    DateOnly Today,
    string SamplesFile,
    string FilesRoot)
{
    public const string Usage =
        "dotnet run --project bench/InnoCenter.Bench.Generator -c Release -- --scale city|national|export " +
        "[--provider Sqlite|Postgres] [--connection \"Data Source=bench/data/city.db\"] [--seed 42] [--reset] [--drop] " +
        "[--today 2026-11-27] [--samples FILE] [--files DIR]";

    public static Options Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var flags = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            var a = args[i];
            if (!a.StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Unexpected argument '{a}'.");
            }

            var key = a[2..];
            if (key is "reset" or "drop" or "help")
            {
                flags.Add(key);
            }
            else if (i + 1 < args.Length)
            {
                values[key] = args[++i];
            }
            else
            {
                throw new ArgumentException($"{a} needs a value.");
            }
        }

        if (flags.Contains("help"))
        {
            throw new ArgumentException("Usage:");
        }

        var scale = Scale.Parse(values.GetValueOrDefault("scale") ?? throw new ArgumentException("--scale is required."));
        var provider = (values.GetValueOrDefault("provider") ?? "Sqlite").Trim().ToLowerInvariant() switch
        {
            "sqlite" => DatabaseProvider.Sqlite,
            "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
            var other => throw new ArgumentException($"Unknown provider '{other}': use Sqlite or Postgres."),
        };
        var connection = values.GetValueOrDefault("connection")
                         ?? (provider == DatabaseProvider.Sqlite
                             ? $"Data Source=bench/data/{scale.Name}.db"
                             : throw new ArgumentException("--connection is required for Postgres."));
        var seed = int.Parse(values.GetValueOrDefault("seed") ?? "42", System.Globalization.CultureInfo.InvariantCulture);
        var today = values.TryGetValue("today", out var t)
            ? DateOnly.ParseExact(t, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            : DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, LocalizationSetup.Beijing).DateTime);
        var stem = provider == DatabaseProvider.Sqlite
            ? new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connection).DataSource
            : $"bench/data/{scale.Name}-postgres";
        return new Options(
            scale, provider, connection, seed, flags.Contains("reset"), flags.Contains("drop"), today,
            values.GetValueOrDefault("samples") ?? stem + ".env",
            values.GetValueOrDefault("files") ?? stem + ".files");
    }
}
