using InnoCenter.Web.Infrastructure.Caching;

namespace InnoCenter.Web.Features.Plans;

/// <summary>How many centers are behind their plan in a year, as the workbench counts them.</summary>
public sealed record PlanBehindCount(int Year, int Count);

/// <summary>
/// The workbench's count of centers behind their plan, computed at most once a minute for the whole process: it
/// evaluates every center's plan against the kept roll-up (≈ 0.1–0.3 s for 1,000 centers), which every officer's home
/// page would otherwise repeat. The count may be a minute old; its link opens the list computed on the spot.
/// </summary>
public sealed class PlanBehindSnapshots(TimeProvider clock) : SharedSnapshot<PlanBehindCount>(TimeSpan.FromMinutes(1), clock);
