namespace InnoCenter.Web.Infrastructure.Caching;

/// <summary>
/// A value computed at most once per <see cref="MaxAge"/> and shared by every reader of the process, for figures that
/// are costly over all centers and may be a minute old (the dashboard, the workbench's count of centers behind their
/// plan). When it is stale, the first reader computes it again while the others keep reading the previous one; only
/// before the first computation does anyone wait. A failed computation is not kept: the next reader tries again.
/// </summary>
public class SharedSnapshot<T>(TimeSpan maxAge, TimeProvider clock) where T : class
{
    private readonly Lock _gate = new();
    private (T Value, DateTimeOffset At)? _last;
    private Task<T>? _refreshing;

    public TimeSpan MaxAge { get; } = maxAge < TimeSpan.Zero ? TimeSpan.Zero : maxAge;

    /// <param name="compute">Reads the value; it must not depend on the calling request's cancellation, since other readers may wait on it.</param>
    public async Task<T> GetAsync(Func<Task<T>> compute)
    {
        TaskCompletionSource<T>? mine = null;
        Task<T> wait;
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            if (_last is { } fresh && now - fresh.At < MaxAge)
            {
                return fresh.Value;
            }

            if (_refreshing is { } running)
            {
                if (_last is { } stale)
                {
                    return stale.Value;
                }

                wait = running;
            }
            else
            {
                mine = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
                wait = _refreshing = mine.Task;
            }
        }

        if (mine is null)
        {
            return await wait;
        }

        try
        {
            var value = await compute();
            lock (_gate)
            {
                _last = (value, now);
                _refreshing = null;
            }

            mine.SetResult(value);
            return value;
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
