using InnoCenter.Domain.Centers;

namespace InnoCenter.Web.Features.Ledger;

/// <summary>What a kind's validation knows while it checks one request: the center, today, and what an import has claimed.</summary>
public sealed class LedgerScope(Center center, DateOnly today)
{
    public Center Center { get; } = center;

    public DateOnly Today { get; } = today;

    /// <summary>Unique keys (e.g. IP numbers) claimed by earlier rows of the same import.</summary>
    public HashSet<string> Claimed { get; } = new(StringComparer.Ordinal);

    /// <summary>Per-scope caches a kind fills once (e.g. the center's existing IP numbers).</summary>
    public Dictionary<string, object> Cache { get; } = [];
}
