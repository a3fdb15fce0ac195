using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InnoCenter.Domain.Organizations;

namespace InnoCenter.Domain.Tests.Organizations;

/// <summary>A code built the way a registration authority builds one: prefix, region, organisation code, two checks.</summary>
public sealed record GeneratedCode(string Value)
{
    public override string ToString() => Value;
}

/// <summary>An organisation code (GB 11714 allows 0–9 and A–Z) with at least one letter that a credit code may not contain.</summary>
public sealed record OrganizationCodeOutsideAlphabet(string First8)
{
    public override string ToString() => First8;
}

public static class UsccArbitraries
{
    private static readonly string[] Prefixes = [.. Uscc.KnownPrefixes.Order(StringComparer.Ordinal)];

    private static Gen<string> CharactersFrom(string set, int count) =>
        Gen.ArrayOf(Gen.Elements(set.ToCharArray()), count).Select(cs => new string(cs));

    public static Arbitrary<GeneratedCode> GeneratedCode() =>
        (from prefix in Gen.Elements(Prefixes)
         from region in CharactersFrom("0123456789", 6)
         // Positions 9–16 are organisation-code characters; within a credit code they must also be in its alphabet.
         from organization in CharactersFrom(Uscc.Alphabet, 8)
         let first16 = prefix + region + organization
         let first17 = first16 + Uscc.OrganizationCodeCheck(first16.AsSpan(8, 8))
         select new GeneratedCode(first17 + Uscc.CheckCharacter(first17)))
        .ToArbitrary();

    public static Arbitrary<OrganizationCodeOutsideAlphabet> OrganizationCodeOutsideAlphabet() =>
        (from organization in CharactersFrom("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", 7)
         from forbidden in Gen.Elements('I', 'O', 'S', 'V', 'Z')
         from at in Gen.Choose(0, 7)
         select new OrganizationCodeOutsideAlphabet(organization.Insert(at, forbidden.ToString())))
        .ToArbitrary();
}

[Properties(Arbitrary = [typeof(UsccArbitraries)], MaxTest = 300)]
public sealed class UsccPropertyTests
{
    [Property]
    public bool Every_generated_code_parses(GeneratedCode generated) =>
        Uscc.TryParse(generated.Value, out var code, out var error)
        && error is null
        && code.Value == generated.Value
        && code.HasKnownPrefix
        && code.IsEnterprise == (code.Prefix == "91");

    [Property]
    public bool The_check_character_agrees_with_the_reference_algorithm(GeneratedCode generated) =>
        Uscc.CheckCharacter(generated.Value.AsSpan(0, 17)) == UsccCodes.ReferenceCheckCharacter(generated.Value[..17])
        && Uscc.OrganizationCodeCheck(generated.Value.AsSpan(8, 8)) == UsccCodes.ReferenceOrganizationCodeCheck(generated.Value.Substring(8, 8));

    [Property]
    public void Changing_the_last_character_of_a_generated_code_to_any_other_fails_with_checksum(GeneratedCode generated)
    {
        var first17 = generated.Value[..17];
        foreach (var other in Uscc.Alphabet.Where(c => c != generated.Value[17]))
        {
            Assert.False(Uscc.TryParse(first17 + other, out _, out var error));
            Assert.Equal("uscc.checksum", error);
        }
    }

    [Property]
    public void Changing_any_one_of_the_first_17_characters_to_another_digit_fails_with_checksum(GeneratedCode generated)
    {
        // Digits keep the region well-formed, so only the check character can notice.
        for (var position = 0; position < 17; position++)
        {
            foreach (var digit in "0123456789".Where(d => d != generated.Value[position]))
            {
                var changed = string.Concat(generated.Value.AsSpan(0, position), digit.ToString(), generated.Value.AsSpan(position + 1));
                Assert.False(Uscc.TryParse(changed, out _, out var error));
                Assert.Equal("uscc.checksum", error);
            }
        }
    }

    [Property]
    public bool A_generated_code_keeps_its_region_code(GeneratedCode generated) =>
        Uscc.Parse(generated.Value).RegionCode == generated.Value.Substring(2, 6);

    [Property]
    public void An_organisation_code_with_a_letter_outside_the_alphabet_never_makes_a_valid_credit_code(OrganizationCodeOutsideAlphabet organization)
    {
        var first16 = "91120116" + organization.First8;
        var check = Uscc.OrganizationCodeCheck(first16.AsSpan(8, 8));
        Assert.NotNull(check);
        var first17 = first16 + check.Value;
        // No check character can be computed over a letter outside the alphabet; any final character will do.
        var input = first17 + "0";

        Assert.False(Uscc.TryParse(input, out _, out var error));
        Assert.Equal("uscc.character", error);
    }
}
