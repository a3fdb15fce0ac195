using InnoCenter.Web.Infrastructure.Jobs;

namespace InnoCenter.Web.Infrastructure.Backup;

/// <summary>
/// Makes a backup every <c>Backup:Hours</c> (default 24; 0 turns it off) into <c>Backup:Directory</c> (default
/// data/backups; on several nodes, a shared folder), on whichever node holds the lease, then applies the retention.
/// </summary>
public sealed class BackupJob(IServiceScopeFactory scopes, IConfiguration config, TimeProvider clock, ILogger<BackupJob> logger) : BackgroundService
{
    public const string LeaseName = "backup";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromHours(config.GetValue("Backup:Hours", 24.0));
        if (every <= TimeSpan.Zero)
        {
            return;
        }

        // Checked often, done when due: a restart does not push the next backup a whole period away.
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Min(10, Math.Max(1, every.TotalMinutes / 2))));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var backups = scope.ServiceProvider.GetRequiredService<BackupService>();
                var directory = backups.DefaultDirectory;
                if (backups.NewestIn(directory) is { } newest && clock.GetUtcNow() - newest < every)
                {
                    continue;
                }

                if (await scope.ServiceProvider.GetRequiredService<JobLeases>().TryAcquireAsync(LeaseName, TimeSpan.FromHours(2), stoppingToken))
                {
                    await backups.BackupAsync(directory, stoppingToken);
                    var pruned = backups.Prune(directory);
                    if (pruned > 0)
                    {
                        logger.LogInformation("Retention removed {Count} old backup(s)", pruned);
                    }
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The scheduled backup failed; it will try again");
            }
        }
    }
}
