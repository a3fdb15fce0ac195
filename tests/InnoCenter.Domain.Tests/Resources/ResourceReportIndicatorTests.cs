using InnoCenter.Domain.Policy;
using InnoCenter.Domain.Tests.Assessment;

namespace InnoCenter.Domain.Tests.Resources;

public sealed class ResourceReportIndicatorTests
{
    [Fact]
    public void Both_packs_fill_their_service_hours_indicator_from_the_resources_module()
    {
        Assert.Equal(("shared-resource-hours", ResourceReportIndicator.ExternalHours), Single(TestPacks.Tianjin));
        Assert.Equal(("testing-service-hours", ResourceReportIndicator.ExternalHours), Single(TestPacks.National));
        Assert.Equal(["pilot-line", "test-service"], TestPacks.National.Resources.ReportIndicators[0].Categories);
        Assert.Empty(TestPacks.Tianjin.Validate());
        Assert.Empty(TestPacks.National.Validate());

        static (string, string) Single(PolicyPack p) => (Assert.Single(p.Resources.ReportIndicators).Indicator, p.Resources.ReportIndicators[0].Figure);
    }

    [Fact]
    public void A_report_indicator_that_is_not_a_manual_quantitative_one_or_names_an_unknown_figure_or_category_is_refused_with_the_field_named()
    {
        var pack = TestPacks.Tianjin;
        var bad = pack with
        {
            Resources = pack.Resources with
            {
                ReportIndicators =
                [
                    new ResourceReportIndicator { Indicator = "smes-served", Figure = ResourceReportIndicator.ExternalHours },
                    new ResourceReportIndicator { Indicator = "shared-resource-hours", Figure = "hours", Categories = ["telescope"] },
                ],
            },
        };

        var errors = bad.Validate();

        Assert.Equal(
            [("policy.resources.report_indicator", "resources.reportIndicators[0].indicator"), ("policy.resources.report_figure", "resources.reportIndicators[1].figure"), ("policy.resources.report_category", "resources.reportIndicators[1].categories")],
            errors.Select(e => (e.Code, e.Field)));
    }
}
