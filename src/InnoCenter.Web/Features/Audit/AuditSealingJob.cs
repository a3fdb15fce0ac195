using InnoCenter.Web.Infrastructure.Audit;
using InnoCenter.Web.Infrastructure.Jobs;

namespace InnoCenter.Web.Features.Audit;

/// <summary>
/// Every <c>Audit:SealSeconds</c> (default 1; 0 turns it off), on whichever node holds the lease, seals the audit rows
/// the writers appended and, every <c>Audit:HeadSeconds</c>, signs the head of the chain into the shared file store.
/// </summary>
public sealed class AuditSealingJob(IServiceScopeFactory scopes, IConfiguration config, ILogger<AuditSealingJob> logger) : BackgroundService
{
    public const string LeaseName = "audit-sealer";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(config.GetValue("Audit:SealSeconds", 1.0));
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        // The lease outlives a few missed ticks, so a short pause does not hand the sealer to another node; if this
        // node dies, another one takes over after at most this long.
        var leaseFor = TimeSpan.FromTicks(Math.Max(interval.Ticks * 5, TimeSpan.FromSeconds(10).Ticks));
        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var leases = scope.ServiceProvider.GetRequiredService<JobLeases>();
                if (await leases.TryAcquireAsync(LeaseName, leaseFor, stoppingToken))
                {
                    var outcome = await scope.ServiceProvider.GetRequiredService<AuditSealer>().SealAsync(forceHead: false, stoppingToken);
                    if (outcome.Head is { } head)
                    {
                        logger.LogDebug("Signed audit head {Sequence}", head.Sequence);
                    }
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The audit sealer failed; it will try again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
