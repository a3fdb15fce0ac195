using InnoCenter.Web.Infrastructure.Jobs;
using InnoCenter.Web.Infrastructure.Observability;

namespace InnoCenter.Web.Features.Notices;

/// <summary>
/// Every few minutes, on whichever node holds the lease, closes the notice windows that have ended. The work itself is
/// idempotent, so a node that loses its lease mid-run cannot double anything.
/// </summary>
public sealed class NoticeClosingJob(IServiceScopeFactory scopes, IConfiguration config, ILogger<NoticeClosingJob> logger) : BackgroundService
{
    public const string LeaseName = "notice-closing";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(config.GetValue("Jobs:NoticeClosingSeconds", 300));
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval);
        do
        {
            using var run = AppTelemetry.StartJob(LeaseName, logger);
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var leases = scope.ServiceProvider.GetRequiredService<JobLeases>();
                if (await leases.TryAcquireAsync(LeaseName, interval * 2, stoppingToken))
                {
                    var notices = scope.ServiceProvider.GetRequiredService<NoticeHandlers>();
                    var closed = await notices.CloseDueNoticesAsync(notices.Today, stoppingToken);
                    if (closed > 0)
                    {
                        logger.LogInformation("Closed {Count} public notice(s)", closed);
                    }

                    run.Succeeded();
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                run.Failed(ex);
                logger.LogError(ex, "The notice-closing job failed; it will try again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
