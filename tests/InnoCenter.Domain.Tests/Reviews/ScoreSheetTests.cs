using InnoCenter.Domain.Common;
using InnoCenter.Domain.Policy;
using InnoCenter.Domain.Reviews;
using static InnoCenter.Domain.Tests.Reviews.ReviewFixtures;

namespace InnoCenter.Domain.Tests.Reviews;

public sealed class ScoreSheetTests
{
    private static PanelMember Member()
    {
        var panel = ReviewPanel.Create(Guid.CreateVersion7(), 5, TianjinQuotas, Form, Aggregation, null, DateTimeOffset.UnixEpoch);
        var member = panel.AddMember(Guid.CreateVersion7(), PanelMemberSource.Drawn, null, null, DateTimeOffset.UnixEpoch);
        member.Accept(DateTimeOffset.UnixEpoch);
        return member;
    }

    private static Result<ScoreSheet> Submit(decimal? plan, decimal? technology, string? comment = "意见", string? rec = "Approve") =>
        ScoreSheet.Submit(Member(), Form, new Dictionary<string, decimal?> { ["plan"] = plan, ["technology"] = technology }, comment, rec, DateTimeOffset.UnixEpoch);

    [Fact]
    public void A_complete_sheet_within_the_maxima_is_accepted_with_its_total()
    {
        var sheet = Submit(40, 52.5m);

        Assert.True(sheet.IsSuccess);
        Assert.Equal(92.5m, sheet.Value.Total);
        Assert.Equal(Recommendation.Approve, sheet.Value.Recommendation);
    }

    [Fact]
    public void A_score_above_the_criterions_maximum_is_refused_naming_the_criterion_and_its_maximum()
    {
        var error = Assert.Single(Submit(41, 50).Failure!.Errors);

        Assert.Equal("reviews.score.out_of_range", error.Code);
        Assert.Equal("points[plan]", error.Field);
        Assert.Equal(40m, error.Args[0]);
    }

    [Fact]
    public void Missing_negative_and_over_precise_scores_and_a_missing_recommendation_are_each_named()
    {
        var failure = ScoreSheet.Submit(
            Member(), Form, new Dictionary<string, decimal?> { ["technology"] = 10.25m, ["other"] = 1 }, " ", "maybe", DateTimeOffset.UnixEpoch).Failure!;

        Assert.Equal(FailureKind.Validation, failure.Kind);
        Assert.Contains(failure.Errors, e => e.Code == "validation.required" && e.Field == "points[plan]");
        Assert.Contains(failure.Errors, e => e.Code == "reviews.score.precision" && e.Field == "points[technology]");
        Assert.Contains(failure.Errors, e => e.Code == "reviews.score.unknown_criterion");
        Assert.Contains(failure.Errors, e => e.Code == "validation.required" && e.Field == "comment");
        Assert.Contains(failure.Errors, e => e.Code == "reviews.recommendation_unknown");
        Assert.Equal("reviews.score.out_of_range", Assert.Single(Submit(-1, 10).Failure!.Errors).Code);
    }

    [Fact]
    public void The_forms_decimals_decide_how_precise_points_may_be()
    {
        var whole = Form with { PointsDecimals = 0 };
        var two = Form with { PointsDecimals = 2 };
        Result<ScoreSheet> With(ScoringForm form, decimal technology) =>
            ScoreSheet.Submit(Member(), form, new Dictionary<string, decimal?> { ["plan"] = 30, ["technology"] = technology }, "意见", "Approve", DateTimeOffset.UnixEpoch);

        var refused = Assert.Single(With(whole, 10.5m).Failure!.Errors);
        Assert.Equal(("reviews.score.precision", 0), (refused.Code, (int)refused.Args[0]));
        Assert.True(With(two, 10.25m).IsSuccess);
        Assert.Equal("reviews.score.precision", Assert.Single(With(two, 10.125m).Failure!.Errors).Code);
    }

    [Fact]
    public void A_member_answers_an_invitation_once()
    {
        var member = Member();

        Assert.Throws<InvalidOperationException>(() => member.Decline("late", DateTimeOffset.UnixEpoch));
        Assert.Throws<InvalidOperationException>(() => member.Accept(DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void Only_the_accepted_leader_writes_the_panel_opinion()
    {
        var panel = ReviewPanel.Create(Guid.CreateVersion7(), 3, [], new ScoringForm(), Aggregation, null, DateTimeOffset.UnixEpoch);
        var leader = panel.AddMember(Guid.CreateVersion7(), PanelMemberSource.Drawn, null, null, DateTimeOffset.UnixEpoch);
        var other = panel.AddMember(Guid.CreateVersion7(), PanelMemberSource.Drawn, null, null, DateTimeOffset.UnixEpoch);
        panel.SetLeader(leader.Id);

        Assert.Throws<InvalidOperationException>(() => panel.WriteOpinion(leader, "意见", Recommendation.Approve, DateTimeOffset.UnixEpoch));
        leader.Accept(DateTimeOffset.UnixEpoch);
        other.Accept(DateTimeOffset.UnixEpoch);
        Assert.Throws<InvalidOperationException>(() => panel.WriteOpinion(other, "意见", Recommendation.Approve, DateTimeOffset.UnixEpoch));
        panel.WriteOpinion(leader, "同意通过", Recommendation.ApproveWithConditions, DateTimeOffset.UnixEpoch);

        Assert.Equal(Recommendation.ApproveWithConditions, panel.OpinionRecommendation);
        Assert.Equal(leader.ExpertId, panel.OpinionByExpertId);
    }
}
