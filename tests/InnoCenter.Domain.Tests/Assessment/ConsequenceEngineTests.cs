using InnoCenter.Domain.Assessment;
using InnoCenter.Domain.Common;
using InnoCenter.Domain.Policy;

namespace InnoCenter.Domain.Tests.Assessment;

public sealed class ConsequenceEngineTests
{
    private static readonly AssessmentRules Tianjin = TestPacks.Tianjin.Assessment;
    private static readonly AssessmentRules National = TestPacks.National.Assessment;

    private static CenterHistory History(params (int Year, string Grade)[] results) =>
        new([.. results.Select(r => new PublishedResult(r.Year, r.Grade))]);

    private static Consequence Decide(AssessmentRules rules, CenterHistory history, int year, string grade)
    {
        var result = ConsequenceEngine.Decide(rules, history, year, grade);
        Assert.True(result.IsSuccess, result.Failure?.ToString());
        return result.Value;
    }

    /// <summary>Publishes one grade a year from 2021 on, carrying the history forward, and returns each year's consequence.</summary>
    private static List<Consequence> Run(AssessmentRules rules, string grades)
    {
        var history = CenterHistory.New();
        var consequences = new List<Consequence>();
        var year = 2021;
        foreach (var grade in grades.Split(','))
        {
            var consequence = Decide(rules, history, year, grade);
            consequences.Add(consequence);
            history = new CenterHistory([.. history.Results, new PublishedResult(year, grade)], consequence.Standing, consequence.RecheckYear);
            year++;
        }

        return consequences;
    }

    [Theory]
    [InlineData("fail,pass,fail", AssessmentStanding.Active)]
    [InlineData("fail,good,fail,excellent,fail", AssessmentStanding.Active)]
    [InlineData("fail,fail", AssessmentStanding.Revoked)]
    [InlineData("pass,good,fail,fail", AssessmentStanding.Revoked)]
    [InlineData("excellent,excellent,good", AssessmentStanding.Active)]
    public void Tianjin_revokes_the_title_only_on_the_second_consecutive_failure(string grades, AssessmentStanding final)
    {
        var consequences = Run(Tianjin, grades);

        Assert.Equal(final, consequences[^1].Standing);
        Assert.Equal(final == AssessmentStanding.Revoked ? 1 : 0, consequences.Count(c => c.Kind == ConsequenceKind.Revoke));
        Assert.DoesNotContain(consequences, c => c.Kind is ConsequenceKind.StartRectification or ConsequenceKind.RecheckPassed or ConsequenceKind.RecheckFailedRemove);
    }

    [Fact]
    public void Tianjin_fail_pass_fail_keeps_the_title_without_support_in_the_failing_years()
    {
        var consequences = Run(Tianjin, "fail,pass,fail");

        Assert.Equal(new[] { ConsequenceKind.None, ConsequenceKind.None, ConsequenceKind.None }, consequences.Select(c => c.Kind));
        Assert.Equal(new[] { false, true, false }, consequences.Select(c => c.ContinuedSupport));
        Assert.Equal(new[] { 1, 0, 1 }, consequences.Select(c => c.ConsecutiveFailures));
    }

    [Fact]
    public void Tianjin_fail_fail_revokes_with_a_public_notice()
    {
        var revoke = Decide(Tianjin, History((2021, "fail")), 2022, "fail");

        Assert.Equal(ConsequenceKind.Revoke, revoke.Kind);
        Assert.Equal(AssessmentStanding.Revoked, revoke.Standing);
        Assert.True(revoke.PublicNotice);
        Assert.False(revoke.ContinuedSupport);
        Assert.Equal(2, revoke.ConsecutiveFailures);
    }

    [Fact]
    public void A_year_without_assessment_does_not_break_the_chain_of_failures_by_default()
    {
        var consequence = Decide(Tianjin, History((2020, "fail")), 2022, "fail");

        Assert.Equal(ConsequenceKind.Revoke, consequence.Kind);
    }

    [Fact]
    public void A_pack_may_say_that_a_year_without_assessment_breaks_the_chain()
    {
        var rules = Tianjin with { Consequences = TestPacks.Consecutive(gapsBreak: true) };

        Assert.Equal(ConsequenceKind.None, Decide(rules, History((2020, "fail")), 2022, "fail").Kind);
        Assert.Equal(ConsequenceKind.Revoke, Decide(rules, History((2020, "fail"), (2021, "fail")), 2022, "fail").Kind);
    }

    [Fact]
    public void A_pack_that_revokes_on_the_third_failure_keeps_the_title_after_two()
    {
        var rules = Tianjin with { Consequences = TestPacks.Consecutive(failures: 3) };

        Assert.Equal(new[] { ConsequenceKind.None, ConsequenceKind.None, ConsequenceKind.Revoke }, Run(rules, "fail,fail,fail").Select(c => c.Kind));
    }

    [Theory]
    [InlineData("excellent", ConsequenceKind.FlagReward, true)]
    [InlineData("good", ConsequenceKind.None, true)]
    [InlineData("pass", ConsequenceKind.None, true)]
    [InlineData("fail", ConsequenceKind.None, false)]
    public void A_first_result_is_rewarded_or_supported_by_its_grade_in_tianjin(string grade, ConsequenceKind kind, bool support)
    {
        var consequence = Decide(Tianjin, CenterHistory.New(), 2021, grade);

        Assert.Equal(kind, consequence.Kind);
        Assert.Equal(support, consequence.ContinuedSupport);
        Assert.Equal(AssessmentStanding.Active, consequence.Standing);
    }

    [Fact]
    public void National_a_failing_result_opens_a_one_year_rectification()
    {
        var consequence = Decide(National, CenterHistory.New(), 2021, "fail");

        Assert.Equal(ConsequenceKind.StartRectification, consequence.Kind);
        Assert.Equal(AssessmentStanding.UnderRectification, consequence.Standing);
        Assert.Equal(2022, consequence.RecheckYear);
        Assert.False(consequence.ContinuedSupport);
    }

    [Fact]
    public void National_the_re_check_decides_the_title_and_earns_no_reward()
    {
        var underRectification = new CenterHistory([new PublishedResult(2021, "fail")], AssessmentStanding.UnderRectification, 2022);

        var failed = Decide(National, underRectification, 2022, "fail");
        var passed = Decide(National, underRectification, 2022, "excellent");

        Assert.Equal(ConsequenceKind.RecheckFailedRemove, failed.Kind);
        Assert.Equal(AssessmentStanding.Revoked, failed.Standing);
        Assert.True(failed.PublicNotice);
        Assert.Equal(ConsequenceKind.RecheckPassed, passed.Kind);
        Assert.Equal(AssessmentStanding.Active, passed.Standing);
        Assert.True(passed.ContinuedSupport);
    }

    [Fact]
    public void National_a_failure_after_a_passed_re_check_opens_a_new_rectification_rather_than_removing()
    {
        Assert.Equal(
            new[] { ConsequenceKind.StartRectification, ConsequenceKind.RecheckPassed, ConsequenceKind.StartRectification, ConsequenceKind.RecheckFailedRemove },
            Run(National, "fail,pass,fail,fail").Select(c => c.Kind));
    }

    [Fact]
    public void A_revoked_center_has_no_further_consequence()
    {
        var result = ConsequenceEngine.Decide(Tianjin, new CenterHistory([], AssessmentStanding.Revoked), 2023, "excellent");

        Assert.False(result.IsSuccess);
        Assert.Equal(FailureKind.IllegalTransition, result.Failure!.Kind);
        Assert.Equal("assessment.center_revoked", result.Failure.Errors[0].Code);
    }

    [Fact]
    public void A_year_already_decided_is_refused()
    {
        var result = ConsequenceEngine.Decide(Tianjin, History((2022, "pass")), 2022, "fail");

        Assert.Equal(FailureKind.Conflict, result.Failure!.Kind);
        Assert.Equal("assessment.year_already_decided", result.Failure.Errors[0].Code);
    }

    [Fact]
    public void A_grade_the_pack_does_not_know_is_refused()
    {
        var result = ConsequenceEngine.Decide(Tianjin, CenterHistory.New(), 2022, "average");

        Assert.Equal(FailureKind.Validation, result.Failure!.Kind);
        Assert.Equal("assessment.unknown_grade", result.Failure.Errors[0].Code);
    }

    [Fact]
    public void A_re_check_before_its_year_is_refused()
    {
        var history = new CenterHistory([new PublishedResult(2021, "fail")], AssessmentStanding.UnderRectification, 2023);

        var result = ConsequenceEngine.Decide(National, history, 2022, "pass");

        Assert.Equal(FailureKind.IllegalTransition, result.Failure!.Kind);
        Assert.Equal("assessment.rectification_in_progress", result.Failure.Errors[0].Code);
    }
}
