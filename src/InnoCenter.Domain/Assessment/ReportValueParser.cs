using System.Globalization;
using InnoCenter.Domain.Common;

namespace InnoCenter.Domain.Assessment;

/// <summary>What kind of number a value is, which decides what the parser accepts.</summary>
public enum ValueShape
{
    /// <summary>A whole number of things (项, 家, 人…), 0 or more.</summary>
    Count,

    /// <summary>An amount (万元, 小时…), 0 or more, up to four decimals.</summary>
    Amount,

    /// <summary>A percentage, 0–100.</summary>
    Percent,
}

/// <summary>
/// Reads a value typed by a person: a plain number ("12", "12.5", "1,200"), optionally followed by its own unit
/// ("35%", "12 项", "500万元"). Free text ("N/A", "约十项") and another unit ("1200元" where 万元 is expected) are refused
/// by name, so a value never lands in a numeric field by accident.
/// </summary>
public static class ReportValueParser
{
    public const decimal MaxMagnitude = 1_000_000_000_000m;

    /// <param name="raw">What was typed; empty means no value (null).</param>
    /// <param name="shape">Whole count, amount or percentage.</param>
    /// <param name="units">The unit's names that may follow the number (e.g. 万元 and CNY 10k); the first is named in the refusal.</param>
    /// <param name="field">The field the errors concern.</param>
    public static Result<decimal?> Parse(string? raw, ValueShape shape, IReadOnlyList<string> units, string field)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return (decimal?)null;
        }

        var text = raw.Trim().Replace("，", ",", StringComparison.Ordinal).Replace("．", ".", StringComparison.Ordinal);
        var end = text.Length;
        while (end > 0 && !char.IsDigit(text[end - 1]))
        {
            end--;
        }

        var number = text[..end].Trim();
        var suffix = text[end..].Trim();
        var expected = units.Count > 0 ? units[0] : string.Empty;
        if (number.Length == 0 || !decimal.TryParse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value))
        {
            return Failure.Validation(new Error("assessment.value_not_number", field, raw.Trim(), expected));
        }

        if (suffix.Length > 0 && !units.Any(u => string.Equals(u.Trim(), suffix, StringComparison.OrdinalIgnoreCase)))
        {
            return Failure.Validation(new Error("assessment.value_wrong_unit", field, suffix, expected));
        }

        if (value < 0)
        {
            return Failure.Validation(new Error("assessment.value_negative", field));
        }

        if (value > MaxMagnitude)
        {
            return Failure.Validation(new Error("assessment.value_too_large", field, MaxMagnitude));
        }

        switch (shape)
        {
            case ValueShape.Count when value != decimal.Truncate(value):
                return Failure.Validation(new Error("assessment.value_whole", field, expected));
            case ValueShape.Percent when value > 100m:
                return Failure.Validation(new Error("assessment.value_percent_range", field));
            case ValueShape.Amount or ValueShape.Percent when decimal.Round(value, 4) != value:
                return Failure.Validation(new Error("assessment.value_precision", field, 4));
        }

        return (decimal?)value;
    }
}
