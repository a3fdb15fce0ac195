using InnoCenter.Domain.Assessment;
using InnoCenter.Domain.Policy;

namespace InnoCenter.Domain.Tests.Assessment;

public sealed class AssessmentEligibilityTests
{
    private static readonly AssessmentRules Tianjin = TestPacks.Tianjin.Assessment;
    private static readonly AssessmentRules National = TestPacks.National.Assessment;

    private static CenterFacts Center(string recognisedOn, AssessmentStanding standing = AssessmentStanding.Active, int? recheck = null) =>
        new(Guid.NewGuid(), DateOnly.Parse(recognisedOn), standing, recheck);

    [Theory]
    [InlineData("2020-06-01", 2020, "2021-01-15", EligibilityOutcome.NotYetEligible)] // seven months old when the cycle starts
    [InlineData("2020-06-01", 2021, "2022-01-15", EligibilityOutcome.Assessed)]
    [InlineData("2020-01-15", 2020, "2021-01-15", EligibilityOutcome.Assessed)]       // exactly a year
    [InlineData("2020-01-16", 2020, "2021-01-15", EligibilityOutcome.NotYetEligible)] // a day short of a year
    [InlineData("2021-03-01", 2020, "2023-01-10", EligibilityOutcome.NotYetEligible)] // recognised after the assessed year
    public void A_center_recognised_less_than_a_year_before_the_cycle_is_not_assessed(string recognisedOn, int year, string cycleStartsOn, EligibilityOutcome expected) =>
        Assert.Equal(expected, AssessmentEligibility.Decide(Tianjin, Center(recognisedOn), year, DateOnly.Parse(cycleStartsOn)));

    [Fact]
    public void A_revoked_center_is_never_assessed() =>
        Assert.Equal(EligibilityOutcome.Revoked,
            AssessmentEligibility.Decide(Tianjin, Center("2018-01-01", AssessmentStanding.Revoked), 2022, new DateOnly(2023, 1, 15)));

    [Theory]
    [InlineData(2020, EligibilityOutcome.Assessed)]
    [InlineData(2021, EligibilityOutcome.Assessed)]
    [InlineData(2022, EligibilityOutcome.EvaluationYear)] // the 3rd year after recognition
    [InlineData(2023, EligibilityOutcome.Assessed)]
    [InlineData(2024, EligibilityOutcome.Assessed)]
    [InlineData(2025, EligibilityOutcome.EvaluationYear)] // the 6th
    public void The_national_pack_skips_the_annual_assessment_in_every_third_year_after_recognition(int year, EligibilityOutcome expected) =>
        Assert.Equal(expected, AssessmentEligibility.Decide(National, Center("2019-03-01"), year, new DateOnly(year + 1, 1, 15)));

    [Theory]
    [InlineData(2020)]
    [InlineData(2022)]
    [InlineData(2025)]
    public void The_tianjin_pack_has_no_evaluation_years(int year) =>
        Assert.Equal(EligibilityOutcome.Assessed, AssessmentEligibility.Decide(Tianjin, Center("2019-03-01"), year, new DateOnly(year + 1, 1, 15)));

    [Fact]
    public void A_re_check_due_in_an_evaluation_year_still_takes_place() =>
        Assert.Equal(EligibilityOutcome.Recheck,
            AssessmentEligibility.Decide(National, Center("2019-03-01", AssessmentStanding.UnderRectification, 2022), 2022, new DateOnly(2023, 1, 15)));

    [Fact]
    public void During_a_longer_rectification_the_center_is_not_assessed_until_its_re_check_year()
    {
        var twoYears = National with { Consequences = TestPacks.Rectification(years: 2) };
        var center = Center("2018-03-01", AssessmentStanding.UnderRectification, 2022);

        Assert.Equal(EligibilityOutcome.InRectification, AssessmentEligibility.Decide(twoYears, center, 2021, new DateOnly(2022, 1, 15)));
        Assert.Equal(EligibilityOutcome.Recheck, AssessmentEligibility.Decide(twoYears, center, 2022, new DateOnly(2023, 1, 15)));
        Assert.True(EligibilityOutcome.Recheck.FilesReport());
        Assert.False(EligibilityOutcome.InRectification.FilesReport());
    }

    [Fact]
    public void Deciding_a_whole_cycle_keeps_the_centers_in_order()
    {
        var centers = new[] { Center("2018-05-05"), Center("2022-05-05"), Center("2017-01-01", AssessmentStanding.Revoked), Center("2019-02-02") };

        var outcomes = AssessmentEligibility.DecideAll(National, centers, 2022, new DateOnly(2023, 1, 15));

        Assert.Equal(centers.Select(c => c.CenterId), outcomes.Select(o => o.Center.CenterId));
        Assert.Equal(
            new[] { EligibilityOutcome.Assessed, EligibilityOutcome.NotYetEligible, EligibilityOutcome.Revoked, EligibilityOutcome.EvaluationYear },
            outcomes.Select(o => o.Outcome));
    }
}
