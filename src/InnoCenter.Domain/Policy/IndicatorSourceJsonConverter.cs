using System.Text.Json;
using System.Text.Json.Serialization;
using InnoCenter.Domain.Assessment;
using InnoCenter.Domain.Common;

namespace InnoCenter.Domain.Policy;

/// <summary>
/// The JSON forms of <see cref="IndicatorSource"/>: a string <c>"manual"</c> or an object with exactly one of ledger, ratio,
/// weighted. Roll-up keys are read by their current name (<see cref="LedgerRollupKeys.Canonical"/>), so stored versions
/// and frozen cycle rules that name a former key keep reading the figure.
/// </summary>
public sealed class IndicatorSourceJsonConverter : JsonConverter<IndicatorSource>
{
    public override IndicatorSource Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            var text = reader.GetString();
            return string.Equals(text, "manual", StringComparison.OrdinalIgnoreCase)
                ? ManualSource.Instance
                : throw new JsonException($"Unknown indicator source \"{text}\": expected \"manual\" or an object with ledger, ratio or weighted.");
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("An indicator source is \"manual\" or an object with ledger, ratio or weighted.");
        }

        using var document = JsonDocument.ParseValue(ref reader);
        var properties = document.RootElement.EnumerateObject().ToList();
        if (properties.Count != 1)
        {
            throw new JsonException("An indicator source object has exactly one of ledger, ratio or weighted.");
        }

        var property = properties[0];
        return property.Name.ToLowerInvariant() switch
        {
            "ledger" => new LedgerSource(LedgerRollupKeys.Canonical(ReadString(property.Value, "ledger"))),
            "ratio" => ReadRatio(property.Value),
            "weighted" => ReadWeighted(property.Value),
            "funds" => new FundsSource(ReadString(property.Value, "funds")),
            _ => throw new JsonException($"Unknown indicator source \"{property.Name}\": expected ledger, ratio or weighted."),
        };
    }

    public override void Write(Utf8JsonWriter writer, IndicatorSource value, JsonSerializerOptions options)
    {
        switch (value)
        {
            case ManualSource:
                writer.WriteStringValue("manual");
                return;
            case FundsSource funds:
                funds.Write(writer);
                return;
            case LedgerSource ledger:
                writer.WriteStartObject();
                writer.WriteString("ledger", ledger.Key);
                writer.WriteEndObject();
                return;
            case RatioSource ratio:
                writer.WriteStartObject();
                writer.WriteStartObject("ratio");
                writer.WriteString("numerator", ratio.Numerator);
                writer.WriteString("denominator", ratio.Denominator);
                writer.WriteNumber("scale", ratio.Scale);
                writer.WriteEndObject();
                writer.WriteEndObject();
                return;
            case WeightedSource weighted:
                writer.WriteStartObject();
                writer.WriteStartObject("weighted");
                foreach (var (key, weight) in weighted.Weights)
                {
                    writer.WriteNumber(key, weight);
                }

                writer.WriteEndObject();
                writer.WriteEndObject();
                return;
            default:
                throw new JsonException($"Cannot write indicator source {value.GetType().Name}.");
        }
    }

    private static RatioSource ReadRatio(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("A ratio source is an object with numerator, denominator and an optional scale.");
        }

        string? numerator = null, denominator = null;
        var scale = 1m;
        foreach (var p in element.EnumerateObject())
        {
            switch (p.Name.ToLowerInvariant())
            {
                case "numerator": numerator = LedgerRollupKeys.Canonical(ReadString(p.Value, "numerator")); break;
                case "denominator": denominator = LedgerRollupKeys.Canonical(ReadString(p.Value, "denominator")); break;
                case "scale": scale = ReadNumber(p.Value, "scale"); break;
                default: throw new JsonException($"Unknown property \"{p.Name}\" in a ratio source.");
            }
        }

        return new RatioSource(
            numerator ?? throw new JsonException("A ratio source needs a numerator."),
            denominator ?? throw new JsonException("A ratio source needs a denominator."),
            scale);
    }

    private static WeightedSource ReadWeighted(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("A weighted source is an object of roll-up key → weight.");
        }

        var weights = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var p in element.EnumerateObject())
        {
            if (!weights.TryAdd(LedgerRollupKeys.Canonical(p.Name), ReadNumber(p.Value, p.Name)))
            {
                throw new JsonException($"The key \"{p.Name}\" appears twice in a weighted source.");
            }
        }

        return new WeightedSource(weights);
    }

    private static string ReadString(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.String
            ? element.GetString()!
            : throw new JsonException($"\"{name}\" must be a string.");

    private static decimal ReadNumber(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetDecimal(out var number)
            ? number
            : throw new JsonException($"\"{name}\" must be a number.");
}
