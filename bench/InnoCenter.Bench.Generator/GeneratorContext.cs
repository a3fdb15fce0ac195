using System.Diagnostics;
using System.Globalization;
using InnoCenter.Domain.Organizations;
using InnoCenter.Domain.Policy;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Startup;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Bench.Generator;

/// <summary>An organisation as later steps need it, without going back to the database.</summary>
public sealed record OrgRef(Guid Id, string CreditCode, string Name, OrganizationType Type, string Region);

/// <summary>One membership period of a center, as the ledger step needs it (who may co-own, take part, share revenue).</summary>
public sealed record MemberPeriod(Guid OrganizationId, DateOnly JoinedOn, DateOnly? LeftOn, bool IsLead);

/// <summary>A center as later steps need it: its life (from its legal entity's founding or approval) and its members over time.</summary>
public sealed record CenterRef(Guid Id, string Name, string KeyArea, Guid LeadOrganizationId, DateOnly ApprovedOn, DateOnly LifeStart, IReadOnlyList<MemberPeriod> Members);

/// <summary>
/// What the steps share: the options, the policy pack, one open database context without interceptors, the clock the
/// history ends at, what earlier steps made (organisations, users), and the sample ids the harness reads.
/// </summary>
public sealed class GeneratorContext : IAsyncDisposable
{
    private readonly SortedDictionary<string, string> _samples = new(StringComparer.Ordinal);

    public GeneratorContext(Options options, PolicyPack policy)
    {
        Options = options;
        Policy = policy;
        Db = CreateDb(options);
        // Midnight in Beijing at the start of the chosen day: the whole history lies before it.
        Now = new DateTimeOffset(options.Today.ToDateTime(TimeOnly.MinValue), LocalizationSetup.Beijing.BaseUtcOffset).ToUniversalTime();
    }

    public Options Options { get; }

    public Scale Scale => Options.Scale;

    public PolicyPack Policy { get; }

    /// <summary>
    /// A context built without the audit and version interceptors: generation writes history directly, so the audit
    /// chain of a generated database starts empty (DESIGN's audit log covers changes made through the app).
    /// </summary>
    public AppDbContext Db { get; }

    public DateTimeOffset Now { get; }

    public DateOnly Today => Options.Today;

    public List<OrgRef> Organizations { get; } = [];

    public Guid AdminUserId { get; set; }

    public string AdminName { get; set; } = string.Empty;

    /// <summary>The CenterUser account acting for an organisation, for the organisations that have one.</summary>
    public Dictionary<Guid, (Guid UserId, string Name)> ApplicantUsers { get; } = [];

    /// <summary>The centers the centers step founded (one per Approved application), for the ledger and assessment steps.</summary>
    public List<CenterRef> Centers { get; } = [];

    /// <summary>Lines of the harness's sample file (<c>KEY=value</c>, shell-sourceable): ids to read, the Admin's token.</summary>
    public void Sample(string key, object value) =>
        _samples[key] = Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>A sample an earlier step published, or null.</summary>
    public string? SampleOf(string key) => _samples.GetValueOrDefault(key);

    public async Task WriteSamplesAsync()
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(Options.SamplesFile));
        Directory.CreateDirectory(dir!);
        await File.WriteAllLinesAsync(Options.SamplesFile, _samples.Select(kv => $"BENCH_{kv.Key}='{kv.Value}'"));
    }

    /// <summary>
    /// Inserts entities (with the children they carry) in batches: one transaction and one SaveChanges per batch, the
    /// tracker cleared after each so memory stays flat; prints progress.
    /// </summary>
    public async Task InsertAsync<T>(string label, int total, IEnumerable<T> entities, CancellationToken ct, int batchSize = 2_000)
        where T : class
    {
        var clock = Stopwatch.StartNew();
        var batch = new List<T>(batchSize);
        var done = 0;
        foreach (var entity in entities)
        {
            batch.Add(entity);
            if (batch.Count == batchSize)
            {
                done += await FlushAsync(batch, ct);
                Progress(label, done, total, clock);
            }
        }

        if (batch.Count > 0 || done == 0)
        {
            done += await FlushAsync(batch, ct);
            Progress(label, done, total, clock);
        }
    }

    /// <summary>
    /// Saves entities of several types (each with the children it carries) in one transaction and clears the tracker:
    /// for a step that makes related rows of many tables together (a center's ledger) and flushes them in chunks.
    /// </summary>
    public async Task SaveBatchAsync(IReadOnlyCollection<object> entities, CancellationToken ct)
    {
        if (entities.Count == 0)
        {
            return;
        }

        await using var tx = await Db.Database.BeginTransactionAsync(ct);
        Db.AddRange(entities);
        await Db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        Db.ChangeTracker.Clear();
    }

    private async Task<int> FlushAsync<T>(List<T> batch, CancellationToken ct)
        where T : class
    {
        var n = batch.Count;
        if (n == 0)
        {
            return 0;
        }

        await using var tx = await Db.Database.BeginTransactionAsync(ct);
        Db.Set<T>().AddRange(batch);
        await Db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        Db.ChangeTracker.Clear();
        batch.Clear();
        return n;
    }

    public static void Progress(string label, int done, int total, Stopwatch clock)
    {
        var rate = done / Math.Max(clock.Elapsed.TotalSeconds, 0.001);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {label,-28} {done,9:N0} / {total,9:N0}  {clock.Elapsed.TotalSeconds,6:F1} s  {rate,8:N0}/s"));
    }

    private static AppDbContext CreateDb(Options o)
    {
        AppDbContext db = o.Provider == DatabaseProvider.Postgres
            ? new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>()
                .UseNpgsql(o.Connection, x => x.CommandTimeout(600)).Options)
            : new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>()
                .UseSqlite(o.Connection, x => x.CommandTimeout(600)).Options);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        return db;
    }

    public ValueTask DisposeAsync() => Db.DisposeAsync();
}
