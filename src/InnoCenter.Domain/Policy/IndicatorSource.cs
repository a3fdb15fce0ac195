using System.Text.Json;
using System.Text.Json.Serialization;
using InnoCenter.Domain.Assessment;
using InnoCenter.Domain.Common;

namespace InnoCenter.Domain.Policy;

/// <summary>
/// Where an indicator's value comes from. In JSON: <c>"manual"</c> (the center enters it, with evidence),
/// <c>{ "ledger": "key" }</c> (a ledger roll-up figure), <c>{ "ratio": { "numerator": "key", "denominator": "key",
/// "scale": 100 } }</c> (numerator ÷ denominator × scale; scale defaults to 1) or <c>{ "weighted": { "key": 4, … } }</c>
/// (Σ weight × figure). Keys are <see cref="LedgerRollupKeys"/>.
/// </summary>
[JsonConverter(typeof(IndicatorSourceJsonConverter))]
public abstract record IndicatorSource
{
    /// <summary>The roll-up keys it reads.</summary>
    public abstract IEnumerable<string> Keys { get; }
}

public sealed record ManualSource : IndicatorSource
{
    public static readonly ManualSource Instance = new();

    public override IEnumerable<string> Keys => [];
}

public sealed record LedgerSource(string Key) : IndicatorSource
{
    public override IEnumerable<string> Keys => [Key];
}

public sealed record RatioSource(string Numerator, string Denominator, decimal Scale = 1m) : IndicatorSource
{
    public override IEnumerable<string> Keys => [Numerator, Denominator];
}

public sealed record WeightedSource(IReadOnlyDictionary<string, decimal> Weights) : IndicatorSource
{
    public override IEnumerable<string> Keys => Weights.Keys;
}
