using InnoCenter.Domain.Organizations;

namespace InnoCenter.Domain.Tests.Organizations;

public sealed class UsccTests
{
    /// <summary>
    /// Characters that are not in the 31-character alphabet even after upper-casing. Lower-case letters whose upper case
    /// is in the alphabet are left out: they normalise to the original code's alphabet.
    /// </summary>
    private static readonly char[] OutsideAlphabet = ['I', 'O', 'S', 'V', 'Z', 'i', 'o', 's', 'v', 'z', '-', '*', '.', '中', '０', 'Ａ'];

    [Theory]
    [MemberData(nameof(UsccCodes.RealCodes), MemberType = typeof(UsccCodes))]
    public void A_real_code_parses(string input)
    {
        Assert.True(Uscc.TryParse(input, out var code, out var error));
        Assert.Null(error);
        Assert.Equal(input, code.Value);
        Assert.Equal(input, code.ToString());
    }

    [Theory]
    [MemberData(nameof(UsccCodes.RealCodes), MemberType = typeof(UsccCodes))]
    public void A_real_code_in_lower_case_with_surrounding_spaces_parses_normalised(string input)
    {
        var messy = "  \t" + input.ToLowerInvariant() + " \u3000";

        Assert.True(Uscc.TryParse(messy, out var code, out var error));
        Assert.Null(error);
        Assert.Equal(input, code.Value);
    }

    [Theory]
    [MemberData(nameof(UsccCodes.RealCodes), MemberType = typeof(UsccCodes))]
    public void Both_check_characters_of_a_real_code_are_what_the_algorithms_compute(string input)
    {
        Assert.Equal(input[17], Uscc.CheckCharacter(input.AsSpan(0, 17)));
        Assert.Equal(input[16], Uscc.OrganizationCodeCheck(input.AsSpan(8, 8)));
    }

    [Theory]
    [MemberData(nameof(UsccCodes.RealCodes), MemberType = typeof(UsccCodes))]
    public void Every_single_character_change_of_a_real_code_fails_with_the_right_error(string input)
    {
        var wrong = new List<string>();
        var tried = 0;
        for (var position = 0; position < Uscc.Length; position++)
        {
            foreach (var replacement in Uscc.Alphabet.Concat(OutsideAlphabet))
            {
                if (replacement == input[position])
                {
                    continue;
                }

                var changed = string.Concat(input.AsSpan(0, position), replacement.ToString(), input.AsSpan(position + 1));
                var expected =
                    !Uscc.Alphabet.Contains(char.ToUpperInvariant(replacement)) ? "uscc.character"
                    : position is >= 2 and < 8 && !char.IsAsciiDigit(replacement) ? "uscc.region"
                    : "uscc.checksum";

                tried++;
                if (Uscc.TryParse(changed, out _, out var error) || error != expected)
                {
                    wrong.Add($"{changed}: expected {expected}, got {error ?? "success"}");
                }
            }
        }

        Assert.Equal(Uscc.Length * (Uscc.Alphabet.Length - 1 + OutsideAlphabet.Length), tried);
        Assert.Empty(wrong);
    }

    [Theory]
    [MemberData(nameof(UsccCodes.RealCodes), MemberType = typeof(UsccCodes))]
    public void Swapping_two_different_adjacent_characters_of_a_real_code_fails(string input)
    {
        for (var i = 0; i < Uscc.Length - 1; i++)
        {
            if (input[i] == input[i + 1])
            {
                continue;
            }

            var chars = input.ToCharArray();
            (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]);
            var swapped = new string(chars);

            Assert.False(Uscc.TryParse(swapped, out _, out _), swapped);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\u3000\n")]
    public void A_missing_code_is_required(string? input)
    {
        Assert.False(Uscc.TryParse(input, out var code, out var error));
        Assert.Null(code);
        Assert.Equal("uscc.required", error);
    }

    [Theory]
    [InlineData("9")]
    [InlineData("91440300708461136")]
    [InlineData("91440300708461136T0")]
    [InlineData("91440300708461136TT")]
    [InlineData("91440300 708461136T")]
    [InlineData("91440300708461136T91440300708461136T")]
    public void A_code_of_the_wrong_length_fails_with_length(string input)
    {
        Assert.False(Uscc.TryParse(input, out var code, out var error));
        Assert.Null(code);
        Assert.Equal("uscc.length", error);
    }

    [Theory]
    [InlineData("91I40300708461136T")]
    [InlineData("91440300708461136O")]
    [InlineData("914403007084611-6T")]
    [InlineData("9144030070846113６T")]
    public void A_character_outside_the_alphabet_fails_with_character(string input)
    {
        Assert.False(Uscc.TryParse(input, out _, out var error));
        Assert.Equal("uscc.character", error);
    }

    [Theory]
    [InlineData("A20101")]
    [InlineData("12010B")]
    [InlineData("1201Y1")]
    public void A_letter_in_the_region_digits_fails_with_region_even_when_both_checks_pass(string region)
    {
        var input = UsccCodes.Build("91", region, "70846113");

        Assert.False(Uscc.TryParse(input, out _, out var error));
        Assert.Equal("uscc.region", error);
    }

    [Fact]
    public void A_wrong_organisation_code_check_under_a_correct_final_check_fails_with_organization_code()
    {
        // The real organisation code 70846113-6 with its check digit changed to 7, then a fresh final check character.
        var input = UsccCodes.WithCorrectCheckCharacter("91440300708461137");

        Assert.False(Uscc.TryParse(input, out _, out var error));
        Assert.Equal("uscc.organization_code", error);
    }

    [Fact]
    public void A_valid_code_with_an_unknown_prefix_parses_but_its_prefix_is_not_known()
    {
        var input = UsccCodes.Build("A1", "440300", "70846113");

        Assert.True(Uscc.TryParse(input, out var code, out var error), error);
        Assert.Equal("A1", code.Prefix);
        Assert.False(code.HasKnownPrefix);
        Assert.False(code.IsEnterprise);
    }

    [Theory]
    [InlineData("11")]
    [InlineData("12")]
    [InlineData("13")]
    [InlineData("19")]
    [InlineData("51")]
    [InlineData("52")]
    [InlineData("53")]
    [InlineData("91")]
    [InlineData("92")]
    [InlineData("93")]
    [InlineData("Y1")]
    public void Every_prefix_seen_in_practice_is_known_and_only_91_is_an_enterprise(string prefix)
    {
        var code = Uscc.Parse(UsccCodes.Build(prefix, "120116", "55138508"));

        Assert.True(code.HasKnownPrefix);
        Assert.Equal(prefix == "91", code.IsEnterprise);
    }

    [Theory]
    [MemberData(nameof(UsccCodes.RealCodes), MemberType = typeof(UsccCodes))]
    public void Every_real_code_is_an_enterprise_with_a_known_prefix(string input)
    {
        var code = Uscc.Parse(input);

        Assert.Equal("91", code.Prefix);
        Assert.True(code.IsEnterprise);
        Assert.True(code.HasKnownPrefix);
    }

    [Theory]
    [InlineData("91440300708461136T", "440300")]
    [InlineData("91350100M000100Y43", "350100")]
    [InlineData("91110108551385082Q", "110108")]
    public void The_region_code_is_positions_3_to_8(string input, string region)
    {
        Assert.Equal(region, Uscc.Parse(input).RegionCode);
    }

    [Fact]
    public void Parse_returns_the_code_or_throws_a_format_exception_naming_the_error()
    {
        Assert.Equal("91440300708461136T", Uscc.Parse(" 91440300708461136t ").Value);

        var ex = Assert.Throws<FormatException>(() => Uscc.Parse("91440300708461136X"));
        Assert.Contains("uscc.checksum", ex.Message);
    }

    [Fact]
    public void Two_parses_of_the_same_code_are_equal()
    {
        Assert.Equal(Uscc.Parse("91440300708461136T"), Uscc.Parse("91440300708461136t"));
        Assert.NotEqual(Uscc.Parse("91440300708461136T"), Uscc.Parse("9144030071526726XG"));
    }

    [Theory]
    [InlineData("70846113", '6')]
    [InlineData("71526726", 'X')]
    [InlineData("M000100Y", '4')]
    [InlineData("55138508", '2')]
    [InlineData("00000000", '0')]
    [InlineData("00000001", '9')]
    public void The_organisation_code_check_maps_10_to_X_and_11_to_0(string first8, char check)
    {
        Assert.Equal(check, Uscc.OrganizationCodeCheck(first8));
    }

    [Theory]
    [InlineData("7084611a")]
    [InlineData("7084611-")]
    [InlineData("7084611中")]
    public void The_organisation_code_check_of_a_character_outside_0_9_A_Z_is_null(string first8)
    {
        Assert.Null(Uscc.OrganizationCodeCheck(first8));
    }
}
