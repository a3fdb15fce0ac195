using System.Text.Json;
using InnoCenter.Domain.Assessment;
using InnoCenter.Domain.Policy;
using InnoCenter.Domain.Tests.Assessment;

namespace InnoCenter.Domain.Tests.Funds;

public sealed class FundsSourceTests
{
    private const string FundsSourceJson = "{ \"funds\": \"execution_rate\" }";

    [Fact]
    public void Both_packs_fill_a_fund_execution_rate_indicator_from_the_funds_module()
    {
        foreach (var pack in new[] { TestPacks.Tianjin, TestPacks.National })
        {
            var indicator = pack.Assessment.IndicatorSystem.Indicators.Single(i => i.Code == "fund-execution-rate");
            Assert.Equal(new FundsSource("execution_rate"), indicator.Source);
            Assert.Equal([FundFigureKeys.ExecutionRate], indicator.Source.Keys);
            Assert.Empty(pack.Validate());
        }
    }

    [Fact]
    public void An_unknown_fund_figure_is_refused_by_the_packs_validation_with_the_field_named()
    {
        var json = File.ReadAllText(TestPacks.PackPath("tianjin-2020.json"));
        Assert.Contains(FundsSourceJson, json);

        var errors = TestPacks.Parse(json.Replace(FundsSourceJson, "{ \"funds\": \"executoin_rate\" }")).Validate();

        var error = Assert.Single(errors);
        Assert.Equal("policy.assessment.unknown_ledger_key", error.Code);
        Assert.EndsWith(".source", error.Field);
    }

    [Fact]
    public void A_funds_source_is_written_as_it_is_read()
    {
        var source = JsonSerializer.Deserialize<IndicatorSource>(FundsSourceJson, TestPacks.JsonOptions)!;

        Assert.Equal("{\"funds\":\"execution_rate\"}", JsonSerializer.Serialize(source, TestPacks.JsonOptions));
    }

    [Fact]
    public void The_scorer_reads_a_funds_source_from_the_reports_figures()
    {
        var figures = new Dictionary<string, decimal> { [FundFigureKeys.ExecutionRate] = 62.5m };

        Assert.Equal(62.5m, IndicatorScorer.ValueOf(new FundsSource("execution_rate"), figures, manualValue: 99m).Value);
    }
}
