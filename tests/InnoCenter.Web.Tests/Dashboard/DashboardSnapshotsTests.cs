using InnoCenter.Web.Features.Dashboard;
using InnoCenter.Web.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace InnoCenter.Web.Tests.Dashboard;

/// <summary>The dashboard's shared snapshot: one computation per minute, and nobody waits on a refresh once there is something to show.</summary>
public sealed class DashboardSnapshotsTests
{
    private readonly TestClock _clock = new();
    private int _computed;

    private DashboardSnapshots Snapshots() => new(
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Dashboard:CacheSeconds"] = "60" }).Build(), _clock);

    private Task<DashboardFigures> Compute()
    {
        Interlocked.Increment(ref _computed);
        return Task.FromResult(Figures());
    }

    private DashboardFigures Figures() => new(_clock.GetUtcNow(), [], new Dictionary<Domain.Applications.ApplicationStatus, int>(), _computed, [], new Dictionary<string, IReadOnlyList<decimal>>(), null, new Dictionary<string, int>());

    [Fact]
    public async Task Readers_within_a_minute_share_one_computation_and_a_later_reader_computes_again()
    {
        var snapshots = Snapshots();

        var first = await snapshots.GetAsync(Compute);
        _clock.Advance(TimeSpan.FromSeconds(59));
        var second = await snapshots.GetAsync(Compute);
        _clock.Advance(TimeSpan.FromSeconds(2));
        var third = await snapshots.GetAsync(Compute);

        Assert.Same(first, second);
        Assert.NotSame(first, third);
        Assert.Equal(2, _computed);
    }

    [Fact]
    public async Task While_one_reader_refreshes_a_stale_snapshot_the_others_get_the_previous_one_at_once()
    {
        var snapshots = Snapshots();
        var old = await snapshots.GetAsync(Compute);
        _clock.Advance(TimeSpan.FromMinutes(2));
        var release = new TaskCompletionSource<DashboardFigures>(TaskCreationOptions.RunContinuationsAsynchronously);

        var refreshing = snapshots.GetAsync(() => release.Task);
        var meanwhile = await snapshots.GetAsync(Compute);
        var fresh = Figures();
        release.SetResult(fresh);

        Assert.Same(old, meanwhile);
        Assert.Same(fresh, await refreshing);
        Assert.Same(fresh, await snapshots.GetAsync(Compute));
        Assert.Equal(1, _computed);
    }

    [Fact]
    public async Task A_failed_refresh_is_not_kept_and_the_next_reader_tries_again()
    {
        var snapshots = Snapshots();

        await Assert.ThrowsAsync<InvalidOperationException>(() => snapshots.GetAsync(() => throw new InvalidOperationException("database away")));
        var figures = await snapshots.GetAsync(Compute);

        Assert.Equal(1, _computed);
        Assert.NotNull(figures);
    }
}
