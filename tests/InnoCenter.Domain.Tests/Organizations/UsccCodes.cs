using InnoCenter.Domain.Organizations;

namespace InnoCenter.Domain.Tests.Organizations;

/// <summary>Test data and a builder for credit codes, computed independently of <see cref="Uscc"/> where it matters.</summary>
internal static class UsccCodes
{
    /// <summary>Real codes of real enterprises (reference/domain.md §1); they pass both checks.</summary>
    public static readonly string[] Real =
    [
        "91440300708461136T",
        "9144030071526726XG",
        "91350100M000100Y43",
        "91110108551385082Q",
    ];

    public static TheoryData<string> RealCodes => [.. Real];

    /// <summary>
    /// The GB 32100 check character, written from the standard rather than from the code under test:
    /// weight of position i (0-based) is 3^i mod 31.
    /// </summary>
    public static char ReferenceCheckCharacter(string first17)
    {
        var sum = 0;
        var weight = 1;
        for (var i = 0; i < 17; i++)
        {
            sum += Uscc.Alphabet.IndexOf(first17[i]) * weight;
            weight = weight * 3 % 31;
        }

        return Uscc.Alphabet[(31 - sum % 31) % 31];
    }

    /// <summary>The GB 11714 check character of an organisation code's first 8 characters (0–9 then A–Z = 10–35).</summary>
    public static char ReferenceOrganizationCodeCheck(string first8)
    {
        int[] weights = [3, 7, 9, 10, 5, 8, 4, 2];
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            var c = first8[i];
            sum += (char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10) * weights[i];
        }

        return (11 - sum % 11) switch
        {
            10 => 'X',
            11 => '0',
            var d => (char)('0' + d),
        };
    }

    /// <summary>A code that passes both checks, from a 2-character prefix, a 6-digit region and 8 organisation-code characters.</summary>
    public static string Build(string prefix, string region, string organization8)
    {
        var first17 = prefix + region + organization8 + ReferenceOrganizationCodeCheck(organization8);
        return first17 + ReferenceCheckCharacter(first17);
    }

    /// <summary>Gives the code a correct final check character whatever its first 17 characters are.</summary>
    public static string WithCorrectCheckCharacter(string first17) => first17 + ReferenceCheckCharacter(first17);
}
