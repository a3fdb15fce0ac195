using System.Diagnostics.CodeAnalysis;

namespace InnoCenter.Domain.Organizations;

/// <summary>
/// Unified Social Credit Code (统一社会信用代码, GB 32100-2015): 18 characters — registration department, organisation type,
/// GB/T 2260 region code, GB 11714 organisation code and a check character.
/// </summary>
public sealed record Uscc
{
    public const int Length = 18;
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    private static readonly int[] OrgCodeWeights = [3, 7, 9, 10, 5, 8, 4, 2];

    /// <summary>Department/type pairs seen in practice; any other pair is a warning, not a refusal.</summary>
    public static readonly IReadOnlySet<string> KnownPrefixes =
        new HashSet<string> { "11", "12", "13", "19", "51", "52", "53", "91", "92", "93", "Y1" };

    private Uscc(string value) => Value = value;

    public string Value { get; }

    /// <summary>Positions 3–8: the GB/T 2260 code of the registering administration.</summary>
    public string RegionCode => Value.Substring(2, 6);

    /// <summary>Positions 1–2: registration department and organisation type.</summary>
    public string Prefix => Value[..2];

    /// <summary>An enterprise legal person (企业法人) registers with prefix 91.</summary>
    public bool IsEnterprise => Prefix == "91";

    public bool HasKnownPrefix => KnownPrefixes.Contains(Prefix);

    public override string ToString() => Value;

    /// <summary>Validates a code; on failure <paramref name="errorCode"/> names why (a key the UI localises).</summary>
    public static bool TryParse(string? input, [NotNullWhen(true)] out Uscc? code, out string? errorCode)
    {
        code = null;
        var s = Normalize(input);
        if (s.Length == 0)
        {
            errorCode = "uscc.required";
            return false;
        }

        if (s.Length != Length)
        {
            errorCode = "uscc.length";
            return false;
        }

        foreach (var c in s)
        {
            if (Alphabet.IndexOf(c) < 0)
            {
                errorCode = "uscc.character";
                return false;
            }
        }

        for (var i = 2; i < 8; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
            {
                errorCode = "uscc.region";
                return false;
            }
        }

        if (s[17] != CheckCharacter(s.AsSpan(0, 17)))
        {
            errorCode = "uscc.checksum";
            return false;
        }

        if (!OrganizationCodeIsValid(s.AsSpan(8, 9)))
        {
            errorCode = "uscc.organization_code";
            return false;
        }

        code = new Uscc(s);
        errorCode = null;
        return true;
    }

    public static Uscc Parse(string input) =>
        TryParse(input, out var code, out var error) ? code : throw new FormatException($"Invalid credit code ({error}).");

    /// <summary>
    /// Builds a valid code from its parts, computing both check characters — for demo data, the benchmark generator
    /// and tests, which need codes that pass every check.
    /// </summary>
    public static Uscc Compose(string prefix, string regionCode, string organizationCodeFirst8)
    {
        var orgCheck = OrganizationCodeCheck(organizationCodeFirst8)
                       ?? throw new ArgumentException("The organisation code must be 0-9 or A-Z.", nameof(organizationCodeFirst8));
        var first17 = prefix + regionCode + organizationCodeFirst8 + orgCheck;
        return Parse(first17 + CheckCharacter(first17));
    }

    public static string Normalize(string? input) => (input ?? string.Empty).Trim().ToUpperInvariant();

    /// <summary>
    /// The credit code a search text could be (normalised), or null when it has not a code's length — so that a search
    /// compares codes only when it can match one, and a name search stays on the name index.
    /// </summary>
    public static string? AsSearchedCode(string text) => text.Trim().Length == Length ? Normalize(text) : null;

    /// <summary>The GB 32100 check character for the first 17 characters.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length < 17)
        {
            throw new ArgumentException("Seventeen characters are needed.", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = Alphabet.IndexOf(first17[i]);
            if (value < 0)
            {
                throw new ArgumentException($"'{first17[i]}' is not a credit-code character.", nameof(first17));
            }

            sum += value * Weights[i];
        }

        return Alphabet[(31 - sum % 31) % 31];
    }

    /// <summary>The GB 11714 check character of an organisation code's first 8 characters, or null when one is not 0–9/A–Z.</summary>
    public static char? OrganizationCodeCheck(ReadOnlySpan<char> first8)
    {
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            var c = first8[i];
            int v;
            if (char.IsAsciiDigit(c))
            {
                v = c - '0';
            }
            else if (char.IsAsciiLetterUpper(c))
            {
                v = c - 'A' + 10;
            }
            else
            {
                return null;
            }

            sum += v * OrgCodeWeights[i];
        }

        var check = 11 - sum % 11;
        return check switch
        {
            10 => 'X',
            11 => '0',
            _ => (char)('0' + check),
        };
    }

    private static bool OrganizationCodeIsValid(ReadOnlySpan<char> nine) => OrganizationCodeCheck(nine[..8]) == nine[8];
}
