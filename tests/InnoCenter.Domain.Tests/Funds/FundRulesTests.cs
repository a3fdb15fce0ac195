using InnoCenter.Domain.Policy;
using InnoCenter.Domain.Tests.Assessment;

namespace InnoCenter.Domain.Tests.Funds;

public sealed class FundRulesTests
{
    [Theory]
    [InlineData("tianjin-2020.json")]
    [InlineData("national-2018.json")]
    public void Both_shipped_packs_carry_valid_fund_rules(string file)
    {
        var pack = TestPacks.Load(file);

        Assert.True(pack.Funds.IsConfigured);
        Assert.Empty(pack.Validate());
        Assert.Equal(6, pack.Funds.Sources.Count);
        Assert.Equal(4, pack.Funds.Forms.Count);
        Assert.Equal(5, pack.Funds.MaxExecutionYears);
        Assert.Equal(2, pack.Funds.Warnings.CarryOverYears);
        Assert.Contains(pack.Funds.Categories, c => c.Zh == "中试生产线及设备");
    }

    [Fact]
    public void A_broken_fund_section_names_each_field_in_error()
    {
        var pack = TestPacks.Tianjin;
        var broken = pack with
        {
            Funds = pack.Funds with
            {
                MaxExecutionYears = 0,
                HoldingGrades = ["terrible"],
                Matching = pack.Funds.Matching with { FiscalSource = "nowhere", MatchedSources = ["ghost"] },
                Warnings = pack.Funds.Warnings with { NearLimitPercent = 120, IdleDays = 0, CarryOverYears = 0 },
                Forms = [],
            },
        };

        var fields = broken.Validate().Select(e => e.Field).ToList();

        Assert.Contains("funds.maxExecutionYears", fields);
        Assert.Contains("funds.holdingGrades[0]", fields);
        Assert.Contains("funds.matching.fiscalSource", fields);
        Assert.Contains("funds.matching.matchedSources[0]", fields);
        Assert.Contains("funds.warnings.nearLimitPercent", fields);
        Assert.Contains("funds.warnings.idleDays", fields);
        Assert.Contains("funds.warnings.carryOverYears", fields);
        Assert.Contains("funds.forms", fields);
    }

    [Fact]
    public void A_pack_written_before_the_fund_rules_stays_valid()
    {
        var old = TestPacks.Tianjin with { Funds = new FundRules() };

        Assert.False(old.Funds.IsConfigured);
        Assert.Empty(old.Validate());
    }
}
