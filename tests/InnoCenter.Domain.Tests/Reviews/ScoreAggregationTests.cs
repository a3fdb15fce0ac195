using InnoCenter.Domain.Reviews;
using static InnoCenter.Domain.Tests.Reviews.ReviewFixtures;

namespace InnoCenter.Domain.Tests.Reviews;

public sealed class ScoreAggregationTests
{
    private static SheetPoints Sheet(decimal plan, decimal technology) =>
        new(Guid.CreateVersion7(), new Dictionary<string, decimal> { ["plan"] = plan, ["technology"] = technology });

    [Fact]
    public void Five_scores_drop_the_highest_and_the_lowest()
    {
        // Totals 90, 80, 70, 60, 20: trimmed mean of 80, 70, 60 = 70.
        var sheets = new[] { Sheet(35, 55), Sheet(30, 50), Sheet(30, 40), Sheet(20, 40), Sheet(10, 10) };

        var result = ScoreAggregation.Aggregate(sheets, Form, Aggregation);

        Assert.True(result.Trimmed);
        Assert.Equal(70m, result.Total);
        Assert.Equal(26.67m, result.Criteria.Single(c => c.Code == "plan").Value); // 30, 30, 20
        Assert.Equal(43.33m, result.Criteria.Single(c => c.Code == "technology").Value); // 50, 40, 40
        Assert.Equal(70m, result.MedianTotal);
    }

    [Fact]
    public void Four_scores_take_the_plain_mean()
    {
        var sheets = new[] { Sheet(35, 55), Sheet(30, 50), Sheet(30, 40), Sheet(20, 41) };

        var result = ScoreAggregation.Aggregate(sheets, Form, Aggregation);

        Assert.False(result.Trimmed);
        Assert.Equal(75.25m, result.Total); // (90 + 80 + 70 + 61) / 4
        Assert.Equal(28.75m, result.Criteria.Single(c => c.Code == "plan").Value);
        Assert.Equal(75m, result.MedianTotal);
    }

    [Fact]
    public void A_total_further_from_the_median_than_the_threshold_is_flagged()
    {
        // Threshold: 15 % of the form's 100 points = 15. Median 70; 20 is 50 away, 90 is 20 away, 80 is 10 away.
        var low = Sheet(10, 10);
        var high = Sheet(35, 55);
        var near = Sheet(30, 50);
        var sheets = new[] { high, near, Sheet(30, 40), Sheet(20, 40), low };

        var result = ScoreAggregation.Aggregate(sheets, Form, Aggregation);

        Assert.Equal(15m, result.OutlierThreshold);
        Assert.Equal(new[] { high.SheetId, low.SheetId }.Order(), result.Outliers.Order());
    }

    [Fact]
    public void A_total_exactly_at_the_threshold_is_not_flagged()
    {
        var sheets = new[] { Sheet(20, 50), Sheet(20, 35), Sheet(20, 35) }; // 70, 55, 55: median 55, 70 is 15 away

        Assert.Empty(ScoreAggregation.Aggregate(sheets, Form, Aggregation).Outliers);
    }

    [Fact]
    public void No_scores_give_no_result_rather_than_zero()
    {
        var result = ScoreAggregation.Aggregate([], Form, Aggregation);

        Assert.Null(result.Total);
        Assert.Null(result.MedianTotal);
        Assert.All(result.Criteria, c => Assert.Null(c.Value));
    }

    [Fact]
    public void The_mean_rounds_half_away_from_zero_to_two_decimals()
    {
        Assert.Equal(1.67m, ScoreAggregation.Mean([1m, 2m, 2m], Aggregation).Value);
        Assert.Equal(0.13m, ScoreAggregation.Mean([0.125m], Aggregation).Value);
    }
}
