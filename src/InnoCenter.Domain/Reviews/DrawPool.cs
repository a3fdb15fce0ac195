using System.Text.Json;
using InnoCenter.Domain.Policy;

namespace InnoCenter.Domain.Reviews;

/// <summary>An expert of a pool version: who, and the domains and key areas a draw reads (each distinct, in ordinal order).</summary>
public sealed record PoolExpert(Guid ExpertId, IReadOnlyList<string> Domains, IReadOnlyList<string> KeyAreas);

/// <summary>
/// A pool version (专家库版本): every expert a draw looked at, before anyone was left out, in canonical order (expert
/// id). Stored once per distinct content (<see cref="ExpertPoolSnapshot"/>) and shared by the draws that saw it; what
/// is particular to one draw — the subject's key area, the experts left out, the size, the quotas and the members
/// kept — is its <see cref="DrawTerms"/>.
/// </summary>
public sealed record DrawPool
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public IReadOnlyList<PoolExpert> Experts { get; init; } = [];

    /// <summary>The pool the candidates make, in canonical form, so the same experts give the same JSON and hash.</summary>
    public static DrawPool Of(IEnumerable<DrawCandidate> candidates) => new()
    {
        Experts = candidates
            .Select(c => new PoolExpert(
                c.ExpertId,
                c.Domains.Distinct().Order(StringComparer.Ordinal).ToList(),
                c.KeyAreas.Distinct().Order(StringComparer.Ordinal).ToList()))
            .OrderBy(e => e.ExpertId.ToString("N"), StringComparer.Ordinal)
            .ToList(),
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static DrawPool FromJson(string json) =>
        JsonSerializer.Deserialize<DrawPool>(json, Json) ?? throw new FormatException("Empty pool version.");
}

/// <summary>
/// What one draw adds to its pool version to make its <see cref="DrawSnapshot"/>: the panel size, the quotas, the
/// members kept, the subject's key area, and the experts of the pool it left out (on the panel, inactive, in conflict,
/// at the load cap — a few hundred ids at most, where the pool holds thousands of experts).
/// </summary>
public sealed record DrawTerms
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Algorithm { get; init; } = PanelDrawing.Algorithm;

    public int Size { get; init; }

    public IReadOnlyList<DomainQuota> Quotas { get; init; } = [];

    public IReadOnlyList<PoolEntry> Fixed { get; init; } = [];

    public string? KeyArea { get; init; }

    /// <summary>Experts of the pool version who were not eligible for this draw, in canonical order.</summary>
    public IReadOnlyList<Guid> Excluded { get; init; } = [];

    /// <summary>
    /// The snapshot the draw ran on, rebuilt from the pool version: the pool less the excluded, each expert's key-area
    /// match read against the subject's key area — the same rule and order as <see cref="PanelDrawing.Prepare"/>.
    /// </summary>
    public DrawSnapshot Apply(DrawPool pool)
    {
        var excluded = Excluded.ToHashSet();
        return new DrawSnapshot
        {
            Algorithm = Algorithm,
            Size = Size,
            Quotas = Quotas,
            Fixed = Fixed,
            Eligible = pool.Experts
                .Where(e => !excluded.Contains(e.ExpertId))
                .Select(e => new PoolEntry(e.ExpertId, e.Domains, KeyArea is not null && e.KeyAreas.Contains(KeyArea)))
                .OrderBy(e => e.ExpertId.ToString("N"), StringComparer.Ordinal)
                .ToList(),
        };
    }

    /// <summary>
    /// Splits a prepared snapshot into the pool version the candidates make and this draw's terms. Fails loudly when the
    /// two do not rebuild the very same snapshot (byte for byte): a draw is recorded only if it can be verified.
    /// </summary>
    public static (DrawPool Pool, DrawTerms Terms) Split(IEnumerable<DrawCandidate> candidates, DrawSnapshot snapshot, string? keyArea)
    {
        var pool = DrawPool.Of(candidates);
        var eligible = snapshot.Eligible.Select(e => e.ExpertId).ToHashSet();
        var terms = new DrawTerms
        {
            Algorithm = snapshot.Algorithm,
            Size = snapshot.Size,
            Quotas = snapshot.Quotas,
            Fixed = snapshot.Fixed,
            KeyArea = keyArea,
            Excluded = pool.Experts.Where(e => !eligible.Contains(e.ExpertId)).Select(e => e.ExpertId).ToList(),
        };
        if (terms.Apply(pool).ToJson() != snapshot.ToJson())
        {
            throw new InvalidOperationException("The pool version and the draw's terms do not rebuild the draw's snapshot.");
        }

        return (pool, terms);
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static DrawTerms FromJson(string json) =>
        JsonSerializer.Deserialize<DrawTerms>(json, Json) ?? throw new FormatException("Empty draw terms.");
}
