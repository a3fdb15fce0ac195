using InnoCenter.Domain.Reviews;

namespace InnoCenter.Domain.Tests.Reviews;

public sealed class ConflictRulesTests
{
    private const string Lead = "91120116MA05T6K2XX";
    private const string Member = "12120000401354603X";
    private const string Elsewhere = "91110108551385082Q";
    private static readonly DateOnly Today = new(2026, 6, 30);
    private static readonly string[] Parties = [Lead, Member];

    private static ExpertAffiliations Expert(string current, params AffiliationPeriod[] past) =>
        new(Guid.CreateVersion7(), current, "当前单位", past);

    private static AffiliationPeriod Past(string code, DateOnly ended) => new(code, "既往单位", null, ended);

    [Fact]
    public void An_expert_working_for_the_lead_now_is_in_conflict()
    {
        var verdict = ConflictRules.Judge(Expert(Lead), Parties, Today, 3, declared: false, []);

        Assert.True(verdict.InConflict);
        var finding = Assert.Single(verdict.Detected);
        Assert.Equal(ConflictFindingKind.CurrentAffiliation, finding.Kind);
        Assert.Equal(Lead, finding.CreditCode);
    }

    [Fact]
    public void An_expert_working_for_any_consortium_member_now_is_in_conflict()
    {
        Assert.True(ConflictRules.Judge(Expert(Member), Parties, Today, 3, false, []).InConflict);
    }

    [Fact]
    public void A_past_affiliation_that_ended_within_the_window_is_a_conflict()
    {
        var verdict = ConflictRules.Judge(Expert(Elsewhere, Past(Member, Today.AddYears(-2))), Parties, Today, 3, false, []);

        Assert.True(verdict.InConflict);
        Assert.Equal(ConflictFindingKind.PastAffiliation, Assert.Single(verdict.Detected).Kind);
    }

    [Fact]
    public void A_past_affiliation_that_ended_exactly_n_years_ago_still_counts()
    {
        Assert.True(ConflictRules.Judge(Expert(Elsewhere, Past(Lead, Today.AddYears(-3))), Parties, Today, 3, false, []).InConflict);
    }

    [Fact]
    public void A_past_affiliation_that_ended_before_the_window_is_not_a_conflict()
    {
        var verdict = ConflictRules.Judge(Expert(Elsewhere, Past(Lead, Today.AddYears(-3).AddDays(-1))), Parties, Today, 3, false, []);

        Assert.False(verdict.InConflict);
        Assert.Empty(verdict.Detected);
    }

    [Fact]
    public void The_window_comes_from_the_policy()
    {
        var expert = Expert(Elsewhere, Past(Lead, Today.AddYears(-4)));

        Assert.False(ConflictRules.Judge(expert, Parties, Today, 3, false, []).InConflict);
        Assert.True(ConflictRules.Judge(expert, Parties, Today, 5, false, []).InConflict);
    }

    [Fact]
    public void An_unrelated_expert_is_not_in_conflict()
    {
        Assert.False(ConflictRules.Judge(Expert(Elsewhere, Past("91440300708461136T", Today)), Parties, Today, 3, false, []).InConflict);
    }

    [Fact]
    public void A_declared_conflict_counts_without_any_affiliation()
    {
        var verdict = ConflictRules.Judge(Expert(Elsewhere), Parties, Today, 3, declared: true, []);

        Assert.True(verdict.InConflict);
        Assert.Empty(verdict.Detected);
    }

    [Fact]
    public void A_dismissed_detected_conflict_no_longer_counts()
    {
        var verdict = ConflictRules.Judge(Expert(Lead), Parties, Today, 3, false, [Lead]);

        Assert.False(verdict.InConflict);
        Assert.Single(verdict.Dismissed);
        Assert.Empty(verdict.Standing);
    }

    [Fact]
    public void Dismissing_one_organisation_leaves_a_link_to_another_party_standing()
    {
        var verdict = ConflictRules.Judge(Expert(Lead, Past(Member, Today.AddYears(-1))), Parties, Today, 3, false, [Lead]);

        Assert.True(verdict.InConflict);
        Assert.Equal(Member, Assert.Single(verdict.Standing).CreditCode);
    }

    [Fact]
    public void A_dismissal_does_not_lift_a_declared_conflict()
    {
        Assert.True(ConflictRules.Judge(Expert(Lead), Parties, Today, 3, declared: true, [Lead]).InConflict);
    }
}
