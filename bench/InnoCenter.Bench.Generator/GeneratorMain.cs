using System.Diagnostics;
using InnoCenter.Web.Infrastructure.Policy;
using InnoCenter.Web.Infrastructure.Startup;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Bench.Generator;

/// <summary>
/// Fills a database at city, national or export scale through the domain model, reproducibly from a seed: the same
/// seed and date give the same data (bench/repro-check.py compares two runs table by table; organisations and experts
/// get seeded ids, the other records fresh v7 GUIDs each run).
/// </summary>
public static class GeneratorMain
{
    public static async Task<int> Main(string[] args)
    {
        Options options;
        try
        {
            options = Options.Parse(args);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine(Options.Usage);
            return 2;
        }

        var clock = Stopwatch.StartNew();
        var policyPath = Path.Combine(AppContext.BaseDirectory, "policies", "tianjin-2020.json");
        var policy = PolicyProvider.Parse(await File.ReadAllTextAsync(policyPath));
        Console.WriteLine($"InnoCenter benchmark data: scale {options.Scale.Name}, {options.Provider}, seed {options.Seed}, history up to {options.Today:yyyy-MM-dd}");

        if (options.Provider == DatabaseProvider.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(options.Connection).DataSource;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
            if (options.Reset)
            {
                foreach (var f in new[] { file, file + "-wal", file + "-shm" })
                {
                    File.Delete(f);
                }
            }
        }

        await using var context = new GeneratorContext(options, policy);
        var db = context.Db;
        if (options.Drop)
        {
            await db.Database.EnsureDeletedAsync();
            Console.WriteLine("  dropped");
            return 0;
        }

        if (options.Reset && options.Provider == DatabaseProvider.Postgres)
        {
            await db.Database.EnsureDeletedAsync();
        }

        await db.Database.MigrateAsync();
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            await db.Database.OpenConnectionAsync();
            // WAL as the app sets it; no fsync while generating — a crash here only means generating again.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;");
        }

        if (await db.Organizations.AnyAsync())
        {
            Console.Error.WriteLine("The database already holds data: point --connection at a new database, or add --reset.");
            return 1;
        }

        Console.WriteLine($"  migrated in {clock.Elapsed.TotalSeconds:F1} s");
        var steps = typeof(IGeneratorStep).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IGeneratorStep).IsAssignableFrom(t))
            .Select(t => (IGeneratorStep)Activator.CreateInstance(t)!)
            .OrderBy(s => s.Order)
            .ToList();
        foreach (var step in steps)
        {
            var stepClock = Stopwatch.StartNew();
            Console.WriteLine($"[{step.Order}] {step.Name}");
            await step.RunAsync(context, new Random(unchecked(options.Seed * 7919 + step.Order)), CancellationToken.None);
            Console.WriteLine($"  done in {stepClock.Elapsed.TotalSeconds:F1} s");
        }

        if (options.Provider == DatabaseProvider.Sqlite)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
        }

        context.Sample("SCALE", options.Scale.Name);
        context.Sample("SEED", options.Seed);
        context.Sample("FILES_ROOT", Path.GetFullPath(options.FilesRoot));
        await context.WriteSamplesAsync();
        Console.WriteLine($"Done in {clock.Elapsed.TotalSeconds:F1} s. Samples and the Admin's token: {options.SamplesFile}");
        return 0;
    }
}
