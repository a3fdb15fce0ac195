using InnoCenter.Domain.Assessment;
using InnoCenter.Domain.Policy;

namespace InnoCenter.Domain.Tests.Assessment;

/// <summary>
/// A programme run on the national pack, year by year, the way the web layer will drive it: who is assessed, the scores
/// of the year's reports, the consequences of the published grades. No code here knows which pack it runs.
/// </summary>
public sealed class NationalPathTests
{
    private static readonly PolicyPack Pack = TestPacks.National;
    private static readonly AssessmentCalculator Calculator = new(Pack.Assessment);

    private sealed class Center(DateOnly recognisedOn)
    {
        public Guid Id { get; } = Guid.NewGuid();

        public DateOnly RecognisedOn { get; } = recognisedOn;

        public CenterHistory History { get; set; } = CenterHistory.New();

        public CenterFacts Facts => new(Id, RecognisedOn, History.Standing, History.RecheckYear);
    }

    private enum Performance { Weak, Fair, Strong }

    /// <summary>Every figure and grade at a level: weak scores nothing, strong everything, fair in between.</summary>
    private static CenterInputs Report(Guid id, Performance level)
    {
        var full = level != Performance.Weak;
        return new CenterInputs(id)
        {
            Figures = LedgerRollupKeys.All.ToDictionary(k => k, _ => full ? 10000m : 0m),
            ManualValues = new Dictionary<string, decimal>
            {
                ["testing-service-hours"] = level == Performance.Strong ? 5000m : 0m,
                ["rd-spending-share"] = full ? 40m : 0m,
                ["plan-completion"] = level == Performance.Strong ? 100m : 0m,
            },
            ExpertGrades = Pack.Assessment.IndicatorSystem.Indicators
                .Where(i => i.Kind == IndicatorKind.Qualitative)
                .ToDictionary(i => i.Code, _ => level == Performance.Strong ? "A" : "D"),
        };
    }

    /// <summary>One cycle for one center: eligibility, then (if it files) score and consequence, then the history moves on.</summary>
    private static (EligibilityOutcome Outcome, CenterScore? Score, Consequence? Consequence) Cycle(Center center, int year, Performance level)
    {
        var outcome = AssessmentEligibility.Decide(Pack.Assessment, center.Facts, year, new DateOnly(year + 1, 1, 20));
        if (!outcome.FilesReport())
        {
            return (outcome, null, null);
        }

        var score = Calculator.ScoreAll([Report(center.Id, level)]).Single();
        Assert.True(score.IsComplete);
        var consequence = ConsequenceEngine.Decide(Pack.Assessment, center.History, year, score.Grade.Code).Value;
        center.History = new CenterHistory(
            [.. center.History.Results, new PublishedResult(year, score.Grade.Code)], consequence.Standing, consequence.RecheckYear);
        return (outcome, score, consequence);
    }

    [Fact]
    public void The_sample_reports_grade_as_intended()
    {
        Assert.Equal("fail", Calculator.Score(Report(Guid.NewGuid(), Performance.Weak)).Grade.Code);
        Assert.Equal("pass", Calculator.Score(Report(Guid.NewGuid(), Performance.Fair)).Grade.Code);
        Assert.Equal(100m, Calculator.Score(Report(Guid.NewGuid(), Performance.Strong)).Total);
    }

    [Fact]
    public void Fail_then_rectification_then_a_failed_re_check_removes_the_title()
    {
        var center = new Center(new DateOnly(2019, 3, 1));

        var first = Cycle(center, 2019, Performance.Strong);
        Assert.Equal(EligibilityOutcome.NotYetEligible, first.Outcome); // under a year old when the cycle starts

        var failing = Cycle(center, 2020, Performance.Weak);
        Assert.Equal(EligibilityOutcome.Assessed, failing.Outcome);
        Assert.Equal(ConsequenceKind.StartRectification, failing.Consequence!.Kind);
        Assert.Equal(AssessmentStanding.UnderRectification, center.History.Standing);
        Assert.Equal(2021, center.History.RecheckYear);

        var recheck = Cycle(center, 2021, Performance.Weak);
        Assert.Equal(EligibilityOutcome.Recheck, recheck.Outcome);
        Assert.Equal(ConsequenceKind.RecheckFailedRemove, recheck.Consequence!.Kind);
        Assert.True(recheck.Consequence.PublicNotice);
        Assert.Equal(AssessmentStanding.Revoked, center.History.Standing);

        Assert.Equal(EligibilityOutcome.Revoked, Cycle(center, 2023, Performance.Strong).Outcome);
    }

    [Fact]
    public void Fail_then_rectification_then_a_passed_re_check_restores_the_center_then_evaluation_year_then_reward()
    {
        var center = new Center(new DateOnly(2019, 3, 1));

        Assert.Equal(ConsequenceKind.StartRectification, Cycle(center, 2020, Performance.Weak).Consequence!.Kind);

        var recheck = Cycle(center, 2021, Performance.Fair);
        Assert.Equal(EligibilityOutcome.Recheck, recheck.Outcome);
        Assert.Equal(ConsequenceKind.RecheckPassed, recheck.Consequence!.Kind);
        Assert.True(recheck.Consequence.ContinuedSupport);
        Assert.Equal(AssessmentStanding.Active, center.History.Standing);

        var evaluation = Cycle(center, 2022, Performance.Weak);
        Assert.Equal(EligibilityOutcome.EvaluationYear, evaluation.Outcome);
        Assert.Null(evaluation.Score);
        Assert.Equal(2, center.History.Results.Count);

        var excellent = Cycle(center, 2023, Performance.Strong);
        Assert.Equal(EligibilityOutcome.Assessed, excellent.Outcome);
        Assert.Equal("excellent", excellent.Score!.Grade.Code);
        Assert.Equal(ConsequenceKind.FlagReward, excellent.Consequence!.Kind);
        Assert.True(excellent.Consequence.ContinuedSupport);
    }

    [Fact]
    public void The_same_results_under_the_tianjin_pack_revoke_instead_of_opening_a_rectification()
    {
        var tianjin = TestPacks.Tianjin.Assessment;
        var history = CenterHistory.New();

        var first = ConsequenceEngine.Decide(tianjin, history, 2020, "fail").Value;
        history = new CenterHistory([new PublishedResult(2020, "fail")], first.Standing, first.RecheckYear);
        var second = ConsequenceEngine.Decide(tianjin, history, 2021, "fail").Value;

        Assert.Equal(ConsequenceKind.None, first.Kind);
        Assert.Equal(ConsequenceKind.Revoke, second.Kind);
        Assert.Equal(EligibilityOutcome.Assessed, AssessmentEligibility.Decide(tianjin, new CenterFacts(Guid.NewGuid(), new DateOnly(2019, 3, 1)), 2022, new DateOnly(2023, 1, 20)));
    }
}
