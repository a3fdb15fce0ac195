using InnoCenter.Web.Data;
using Microsoft.EntityFrameworkCore;
using InnoCenter.Web.Infrastructure.Localization;

namespace InnoCenter.Web.Infrastructure.Policy;

/// <summary>
/// Keeps this node's pack in step with the database: every <c>Policy:RefreshSeconds</c> (default 5) it reads which
/// version is in force (one indexed read of an id, no JSON) and loads that version only when it changed — an Admin's
/// edit applied on another node, or a version whose start date has come. No restart, no reload per request.
/// </summary>
public sealed class PolicyRefresher(IServiceScopeFactory scopes, PolicyProvider policy, IConfiguration config, TimeProvider clock, ILogger<PolicyRefresher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = config.GetValue("Policy:RefreshSeconds", 5);
        if (seconds <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Could not check the policy pack in force; keeping version {Version}", policy.Current.Version);
            }
        }
    }

    /// <summary>Loads the version in force when it is not the one this node holds; true when it changed.</summary>
    public async Task<bool> RefreshAsync(CancellationToken ct)
    {
        if (policy.Code is not { } code)
        {
            return false;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var packs = db.PolicyPacks.AsNoTracking();
        var id = await PolicyVersions.InForce(packs, code, clock.TodayInBeijing()).Select(p => p.Id).FirstOrDefaultAsync(ct);
        if (id == Guid.Empty || id == policy.CurrentRecordId)
        {
            return false;
        }

        var json = await packs.Where(p => p.Id == id).Select(p => p.Json).FirstAsync(ct);
        policy.Activate(PolicyProvider.Parse(json), id);
        logger.LogInformation("Policy pack {Code}: version {Version} is now in force on this node", code, policy.Current.Version);
        return true;
    }
}
