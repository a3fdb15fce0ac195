using InnoCenter.Web.Infrastructure.Caching;

namespace InnoCenter.Web.Features.Ledger;

/// <summary>
/// Each kind's number of records over all centers (by slug), as the Admin's ledger overview shows them before a center
/// is chosen: counted at most once a minute for the process. Counting 300,000 IP records, 100,000 deals and the rest on
/// every visit held that page at 2 % of the floor at national scale; the figures may be a minute old, and each list
/// they open counts its own.
/// </summary>
public sealed class LedgerTotalsSnapshot(TimeProvider clock) : SharedSnapshot<IReadOnlyDictionary<string, int>>(TimeSpan.FromMinutes(1), clock);
