using System.Text.Json;
using InnoCenter.Domain.Assessment;

namespace InnoCenter.Domain.Policy;

/// <summary>
/// An indicator whose value the Funds module fills for the center and year (<c>{ "funds": "execution_rate" }</c>): the
/// figure is one of <see cref="FundFigureKeys"/>, named without its <c>funds.</c> prefix. A typing error is refused when
/// the pack is validated, like an unknown ledger key.
/// </summary>
public sealed record FundsSource(string Figure) : IndicatorSource
{
    /// <summary>The figure's key among the report's figures.</summary>
    public string Key => FundFigureKeys.Prefix + Figure;

    public override IEnumerable<string> Keys => [Key];

    internal void Write(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("funds", Figure);
        writer.WriteEndObject();
    }
}
