namespace InnoCenter.Web.Features.Funds;

/// <summary>Runs the sweep once a day (<c>Jobs:FundWarningsSeconds</c>, 0 to switch it off), the first time at start.</summary>
public sealed class FundWarningJob(IServiceScopeFactory scopes, IConfiguration config, ILogger<FundWarningJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(config.GetValue("Jobs:FundWarningsSeconds", 86400));
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var outcome = await scope.ServiceProvider.GetRequiredService<FundWarningSweep>().RunAsync(stoppingToken);
                if (outcome is { } o && o.Raised + o.Resolved > 0)
                {
                    logger.LogInformation("Fund warnings: {Raised} raised, {Resolved} resolved", o.Raised, o.Resolved);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The fund warning sweep failed; it will try again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
