namespace InnoCenter.Web.Features.Dashboard;

/// <summary>
/// Keeps the last computed dashboard for <c>Dashboard:CacheSeconds</c> (60 by default), so a room of officers opening
/// the dashboard costs one computation, not one each. When it is stale, the first reader computes it again while the
/// others keep reading the previous one; only before the first computation does anyone wait. The page shows the time
/// the figures are from.
/// </summary>
public sealed class DashboardSnapshots(IConfiguration config, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private readonly TimeSpan _maxAge = TimeSpan.FromSeconds(Math.Max(0, config.GetValue("Dashboard:CacheSeconds", 60)));
    private DashboardFigures? _last;
    private Task<DashboardFigures>? _refreshing;

    /// <param name="compute">Reads the figures; it must not depend on the calling request's cancellation, since other readers may wait on it.</param>
    public async Task<DashboardFigures> GetAsync(Func<Task<DashboardFigures>> compute)
    {
        TaskCompletionSource<DashboardFigures>? mine = null;
        Task<DashboardFigures> wait;
        lock (_gate)
        {
            if (_last is { } fresh && clock.GetUtcNow() - fresh.AsOf < _maxAge)
            {
                return fresh;
            }

            if (_refreshing is { } running)
            {
                if (_last is { } stale)
                {
                    return stale;
                }

                wait = running;
            }
            else
            {
                mine = new TaskCompletionSource<DashboardFigures>(TaskCreationOptions.RunContinuationsAsynchronously);
                wait = _refreshing = mine.Task;
            }
        }

        if (mine is null)
        {
            return await wait;
        }

        try
        {
            var figures = await compute();
            lock (_gate)
            {
                _last = figures;
                _refreshing = null;
            }

            mine.SetResult(figures);
            return figures;
        }
        catch (Exception ex)
        {
            lock (_gate)
            {
                _refreshing = null;
            }

            mine.SetException(ex);
            throw;
        }
    }
}
