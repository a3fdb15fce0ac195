using System.Text.Json.Nodes;
using InnoCenter.Domain.Tests.Assessment;

namespace InnoCenter.Domain.Tests.Reviews;

/// <summary>The review section of a pack is checked like every other: a value that cannot run is refused naming its field.</summary>
public sealed class ReviewRulesValidationTests
{
    [Theory]
    [InlineData("tianjin-2020.json")]
    [InlineData("national-2018.json")]
    public void An_expert_import_cap_below_one_row_is_refused_naming_review_maxImportRows(string file)
    {
        var pack = TestPacks.Load(file);

        var problems = (pack with { Review = pack.Review with { MaxImportRows = 0 } }).Validate();

        Assert.Empty(pack.Validate());
        Assert.Contains(problems, e => e.Field == "review.maxImportRows");
    }

    [Theory]
    [InlineData("tianjin-2020.json")]
    [InlineData("national-2018.json")]
    public void Each_shipped_pack_states_its_expert_import_cap_rather_than_leaving_it_to_the_code(string file)
    {
        var review = JsonNode.Parse(File.ReadAllText(TestPacks.PackPath(file)))!["review"]!.AsObject();

        Assert.True(review.ContainsKey("maxImportRows"), "review.maxImportRows is missing");
        Assert.Equal(review["maxImportRows"]!.GetValue<int>(), TestPacks.Load(file).Review.MaxImportRows);
    }

    [Fact]
    public void A_yearly_load_cap_below_one_panel_and_a_default_size_outside_the_bounds_are_refused_by_name()
    {
        var pack = TestPacks.Tianjin;
        var review = pack.Review with
        {
            Load = pack.Review.Load with { MaxPanelsPerYear = 0 },
            Panel = pack.Review.Panel with { DefaultSize = pack.Review.Panel.MaxSize + 2 },
        };

        var fields = (pack with { Review = review }).Validate().Select(e => e.Field).ToList();

        Assert.Contains("review.load.maxPanelsPerYear", fields);
        Assert.Contains("review.panel", fields);
    }
}
