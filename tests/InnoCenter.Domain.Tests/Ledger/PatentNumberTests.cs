using InnoCenter.Domain.Ledger;

namespace InnoCenter.Domain.Tests.Ledger;

public sealed class PatentNumberTests
{
    [Theory]
    [InlineData("201710601862.3", "201710601862.3", '1')]
    [InlineData("ZL201710601862.3", "201710601862.3", '1')]
    [InlineData("CN 2017 1 0601862.3", "201710601862.3", '1')]
    [InlineData("2017106018623", "201710601862.3", '1')]
    [InlineData("201710601862．3", "201710601862.3", '1')]
    [InlineData("ZL95115608.X", "95115608.X", '1')]
    [InlineData("zl95115608.x", "95115608.X", '1')]
    public void A_valid_number_parses_to_its_canonical_form(string input, string canonical, char kind)
    {
        Assert.True(PatentNumber.TryParse(input, out var number, out var error), error);
        Assert.Equal(canonical, number.Value);
        Assert.Equal(kind, number.KindDigit);
    }

    [Fact]
    public void Every_wrong_check_digit_is_refused()
    {
        foreach (var wrong in "0124567896X".Distinct().Where(c => c != '3'))
        {
            Assert.False(PatentNumber.TryParse($"201710601862.{wrong}", out _, out var error));
            Assert.Equal("ledger.patent_check_digit", error);
        }
    }

    [Fact]
    public void Changing_any_one_digit_of_a_valid_number_is_caught()
    {
        const string digits = "202310123456";
        var valid = PatentNumber.Compose(digits);
        for (var i = 0; i < digits.Length; i++)
        {
            foreach (var d in "0123456789".Where(d => d != digits[i]))
            {
                var changed = digits[..i] + d + digits[(i + 1)..];
                Assert.False(PatentNumber.TryParse($"{changed}.{valid.Check}", out _, out var error), changed);
                Assert.Contains(error, new[] { "ledger.patent_check_digit", "ledger.patent_kind_digit", "ledger.patent_format" });
            }
        }
    }

    [Theory]
    [InlineData("20171060186.3", "ledger.patent_format")]
    [InlineData("2017106018A2.3", "ledger.patent_format")]
    [InlineData("201750601862.3", "ledger.patent_kind_digit")]
    [InlineData("199910601862.3", "ledger.patent_format")]
    [InlineData("", "validation.required")]
    public void A_malformed_number_is_refused_with_its_reason(string input, string expected)
    {
        Assert.False(PatentNumber.TryParse(input, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void The_check_digit_ten_is_written_X()
    {
        Assert.Equal('X', PatentNumber.CheckDigit("95115608"));
        Assert.Equal('3', PatentNumber.CheckDigit("201710601862"));
    }

    [Theory]
    [InlineData(IpKind.InventionApplication, "ZL201710601862.3", "201710601862.3")]
    [InlineData(IpKind.Pct, "pct/cn2023/123456", "PCT/CN2023/123456")]
    [InlineData(IpKind.SoftwareCopyright, "2023SR0123456", "2023SR0123456")]
    [InlineData(IpKind.IcLayout, "BS235500123", "BS.235500123")]
    public void Numbers_are_checked_by_their_kind(IpKind kind, string input, string canonical)
    {
        Assert.Equal(canonical, IpNumbers.Normalize(kind, input, out var error));
        Assert.Null(error);
    }

    [Fact]
    public void A_utility_model_number_under_the_invention_kind_is_refused()
    {
        var utility = PatentNumber.Compose("202320123456").Value;

        Assert.Null(IpNumbers.Normalize(IpKind.InventionGrant, utility, out var error));
        Assert.Equal("ledger.patent_kind_mismatch", error);
        Assert.Equal(utility, IpNumbers.Normalize(IpKind.UtilityModel, utility, out _));
    }

    [Theory]
    [InlineData(IpKind.Pct, "PCT/CN23/1234", "ledger.pct_format")]
    [InlineData(IpKind.SoftwareCopyright, "SR2023", "ledger.software_copyright_format")]
    [InlineData(IpKind.IcLayout, "XY.12", "ledger.ic_layout_format")]
    public void Other_kinds_refuse_a_wrong_format(IpKind kind, string input, string expected)
    {
        Assert.Null(IpNumbers.Normalize(kind, input, out var error));
        Assert.Equal(expected, error);
    }
}

public sealed class MoneyTests
{
    [Theory]
    [InlineData("12345.67", 1_234_567L)]
    [InlineData("0", 0L)]
    [InlineData("0.10", 10L)]
    public void Yuan_convert_to_whole_fen(string yuan, long fen)
    {
        Assert.Equal(fen, Money.ToFen(decimal.Parse(yuan, System.Globalization.CultureInfo.InvariantCulture), out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData("-0.01", "ledger.amount_negative")]
    [InlineData("1.005", "ledger.amount_precision")]
    [InlineData("1000000000000.01", "ledger.amount_too_large")]
    public void Negative_sub_fen_and_absurd_amounts_are_refused(string yuan, string expected)
    {
        Assert.Null(Money.ToFen(decimal.Parse(yuan, System.Globalization.CultureInfo.InvariantCulture), out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void Fen_read_back_as_yuan_and_wan()
    {
        Assert.Equal(12345.67m, Money.ToYuan(1_234_567));
        Assert.Equal(1.234567m, Money.ToWan(1_234_567));
    }

    [Fact]
    public void Country_codes_are_iso_3166_and_china_is_home()
    {
        Assert.Equal(249, IsoCountries.All.Count);
        Assert.Equal("德国", IsoCountries.Find("de")!.Zh);
        Assert.Equal("DE", IsoCountries.FindByCodeOrName("Germany")!.Code);
        Assert.Equal("JP", IsoCountries.FindByCodeOrName("日本")!.Code);
        Assert.Null(IsoCountries.Find("XX"));
        Assert.Equal("CN", IsoCountries.Home);
    }
}
