using InnoCenter.Web.Infrastructure.Caching;

namespace InnoCenter.Web.Features.Dashboard;

/// <summary>
/// Keeps the last computed dashboard for <c>Dashboard:CacheSeconds</c> (60 by default), so a room of officers opening
/// the dashboard costs one computation, not one each (<see cref="SharedSnapshot{T}"/>). The page shows the time the
/// figures are from.
/// </summary>
public sealed class DashboardSnapshots(IConfiguration config, TimeProvider clock)
    : SharedSnapshot<DashboardFigures>(TimeSpan.FromSeconds(config.GetValue("Dashboard:CacheSeconds", 60)), clock);
