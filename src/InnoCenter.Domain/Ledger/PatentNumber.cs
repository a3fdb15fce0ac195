using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace InnoCenter.Domain.Ledger;

/// <summary>
/// A Chinese patent application number (专利申请号) with its check digit (校验位). Since 2003: 12 digits — year (4),
/// kind (1: invention, 2: utility model, 3: design, 8: PCT invention, 9: PCT utility model), serial (7) — then
/// "." and a check digit; before: 8 digits (2-digit year, kind, serial of 5). The check digit is the sum of the digits
/// weighted 2, 3, …, 9, 2, 3, 4, 5 modulo 11, where 10 is written X. "ZL" (granted) and "CN" prefixes are accepted.
/// </summary>
public sealed record PatentNumber
{
    private static readonly int[] Weights = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];

    private PatentNumber(string digits, char check)
    {
        Digits = digits;
        Check = check;
    }

    /// <summary>The 12 (or 8) digits before the check digit.</summary>
    public string Digits { get; }

    public char Check { get; }

    /// <summary>The canonical form, e.g. 201710601862.3.</summary>
    public string Value => $"{Digits}.{Check}";

    /// <summary>1 invention, 2 utility model, 3 design, 8 PCT invention, 9 PCT utility model.</summary>
    public char KindDigit => Digits.Length == 12 ? Digits[4] : Digits[2];

    public override string ToString() => Value;

    public static char CheckDigit(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            sum += (digits[i] - '0') * Weights[i];
        }

        var check = sum % 11;
        return check == 10 ? 'X' : (char)('0' + check);
    }

    public static bool TryParse(string? input, [NotNullWhen(true)] out PatentNumber? number, out string? errorCode)
    {
        number = null;
        var s = Normalize(input);
        if (s.Length == 0)
        {
            errorCode = "validation.required";
            return false;
        }

        if (s.StartsWith("ZL", StringComparison.Ordinal) || s.StartsWith("CN", StringComparison.Ordinal))
        {
            s = s[2..];
        }

        // The dot before the check digit is optional when typed.
        var dot = s.IndexOf('.');
        string digits;
        string check;
        if (dot >= 0)
        {
            digits = s[..dot];
            check = s[(dot + 1)..];
        }
        else
        {
            digits = s.Length > 1 ? s[..^1] : s;
            check = s.Length > 1 ? s[^1..] : string.Empty;
        }

        if ((digits.Length != 12 && digits.Length != 8) || !digits.All(char.IsAsciiDigit) || check.Length != 1
            || !(char.IsAsciiDigit(check[0]) || check[0] == 'X'))
        {
            errorCode = "ledger.patent_format";
            return false;
        }

        var kind = digits.Length == 12 ? digits[4] : digits[2];
        if (kind is not ('1' or '2' or '3' or '8' or '9'))
        {
            errorCode = "ledger.patent_kind_digit";
            return false;
        }

        if (digits.Length == 12 && int.Parse(digits[..4]) < 2003)
        {
            errorCode = "ledger.patent_format";
            return false;
        }

        if (CheckDigit(digits) != check[0])
        {
            errorCode = "ledger.patent_check_digit";
            return false;
        }

        number = new PatentNumber(digits, check[0]);
        errorCode = null;
        return true;
    }

    /// <summary>Builds a valid number from its digits — for demo data and tests.</summary>
    public static PatentNumber Compose(string digits) =>
        TryParse(digits + "." + CheckDigit(digits), out var n, out var error) ? n : throw new FormatException(error);

    private static string Normalize(string? input)
    {
        var sb = new StringBuilder();
        foreach (var c in (input ?? string.Empty).Trim().ToUpperInvariant())
        {
            // Spaces may separate year, kind and serial; a full-width dot is a common typing slip.
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            sb.Append(c is '．' or '。' or '·' ? '.' : c);
        }

        return sb.ToString();
    }
}
