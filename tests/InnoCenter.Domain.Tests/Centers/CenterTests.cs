using InnoCenter.Domain.Centers;
using InnoCenter.Domain.Common;
using InnoCenter.Domain.Organizations;

namespace InnoCenter.Domain.Tests.Centers;

public sealed class CenterTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Approved = new(2025, 6, 30);
    private static readonly DateOnly Today = new(2026, 3, 1);

    private static readonly Guid Lead = Guid.NewGuid();
    private static readonly Guid University = Guid.NewGuid();
    private static readonly Guid Institute = Guid.NewGuid();
    private static readonly Guid Alliance = Guid.NewGuid();
    private static readonly Guid Newcomer = Guid.NewGuid();

    private static readonly Dictionary<Guid, string> Regions = new()
    {
        [Lead] = "Tianjin",
        [University] = "Tianjin",
        [Institute] = "Beijing",
        [Alliance] = "Tianjin",
        [Newcomer] = "Hebei",
    };

    private static CenterFounding Founding(params CenterFoundingMember[] members) => new(
        Guid.NewGuid(), "天津市智能装备制造业创新中心", "high-end-equipment", Lead, "津工信科〔2025〕8号", "TJMIC-2025-01", Approved,
        members.Length > 0
            ? members
            : [
                new(Lead, MemberKind.Enterprise, 60m),
                new(University, MemberKind.University, 25m),
                new(Institute, MemberKind.ResearchInstitute, 15m),
                new(Alliance, MemberKind.IndustryOrganization, null),
            ]);

    private static Center Found() => Center.Found(Founding(), Regions, Now).Value;

    private static decimal EquityOn(Center c, DateOnly day) => c.MembersOn(day).Sum(m => m.EquitySharePercent ?? 0);

    [Fact]
    public void A_founded_center_is_active_with_its_members_joined_on_the_approval_date()
    {
        var center = Found();

        Assert.Equal(CenterStatus.Active, center.Status);
        Assert.Equal(4, center.Memberships.Count);
        Assert.All(center.Memberships, m => Assert.Equal(Approved, m.JoinedOn));
        Assert.True(Assert.Single(center.Memberships, m => m.IsLead).OrganizationId == Lead);
        Assert.Equal("Beijing", center.Memberships.Single(m => m.OrganizationId == Institute).Region);
        Assert.Equal(100m, EquityOn(center, Approved));
    }

    [Fact]
    public void Founding_shares_that_do_not_total_100_are_refused()
    {
        var result = Center.Found(Founding(new(Lead, MemberKind.Enterprise, 60m), new(University, MemberKind.University, 30m)), Regions, Now);

        var error = Assert.Single(result.Failure!.Errors);
        Assert.Equal("centers.equity_total", error.Code);
        Assert.Equal(90m, error.Args[1]);
    }

    [Fact]
    public void A_lead_that_is_not_a_member_an_unknown_organisation_and_a_duplicate_are_each_named()
    {
        var stranger = Guid.NewGuid();
        var result = Center.Found(
            Founding(new(University, MemberKind.University, 50m), new(University, MemberKind.University, 50m), new(stranger, MemberKind.Enterprise, null)),
            Regions, Now);

        var codes = result.Failure!.Errors.Select(e => e.Code).ToList();
        Assert.Contains("centers.lead_not_member", codes);
        Assert.Contains("centers.member_duplicate", codes);
        Assert.Contains("centers.organization_unknown", codes);
    }

    [Fact]
    public void A_share_with_more_than_two_decimals_or_of_zero_is_refused()
    {
        var result = Center.Found(
            Founding(new(Lead, MemberKind.Enterprise, 99.995m), new(University, MemberKind.University, 0.005m), new(Institute, MemberKind.ResearchInstitute, 0m)),
            Regions, Now);

        Assert.Equal(3, result.Failure!.Errors.Count(e => e.Code == "centers.share_invalid"));
    }

    [Fact]
    public void A_join_with_matching_share_changes_keeps_100_percent_on_every_day_and_keeps_history()
    {
        var center = Found();
        var on = new DateOnly(2025, 12, 1);

        var result = center.ChangeMembership(on,
        [
            new JoinStep(Newcomer, MemberKind.Enterprise, "Hebei", 10m),
            new ShareStep(Lead, 50m),
        ], Today, Now);

        Assert.True(result.IsSuccess, string.Join("; ", result.Failure?.Errors.Select(e => e.ToString()) ?? []));
        Assert.Equal(2, result.Value.Count);
        Assert.Equal(100m, EquityOn(center, on.AddDays(-1)));
        Assert.Equal(100m, EquityOn(center, on));
        Assert.Equal(60m, center.MembersOn(on.AddDays(-1)).Single(m => m.OrganizationId == Lead).EquitySharePercent);
        Assert.Equal(50m, center.MembersOn(on).Single(m => m.OrganizationId == Lead).EquitySharePercent);
        Assert.Equal(2, center.Memberships.Count(m => m.OrganizationId == Lead));
        Assert.True(center.MembersOn(on).Single(m => m.OrganizationId == Lead).IsLead);
    }

    [Fact]
    public void A_leave_that_leaves_the_shares_short_is_refused_and_nothing_changes()
    {
        var center = Found();
        var before = center.Memberships.Select(m => (m.OrganizationId, m.JoinedOn, m.LeftOn, m.EquitySharePercent)).ToList();

        var result = center.ChangeMembership(new DateOnly(2025, 10, 1), [new LeaveStep(Institute)], Today, Now);

        var error = Assert.Single(result.Failure!.Errors);
        Assert.Equal("centers.equity_total", error.Code);
        Assert.Equal("2025-10-01", error.Args[0]);
        Assert.Equal(85m, error.Args[1]);
        Assert.Equal(before, center.Memberships.Select(m => (m.OrganizationId, m.JoinedOn, m.LeftOn, m.EquitySharePercent)).ToList());
    }

    [Fact]
    public void A_member_without_equity_may_leave_and_rejoin_later_as_a_new_period()
    {
        var center = Found();

        Assert.True(center.ChangeMembership(new DateOnly(2025, 9, 1), [new LeaveStep(Alliance)], Today, Now).IsSuccess);
        Assert.True(center.ChangeMembership(new DateOnly(2026, 1, 1), [new JoinStep(Alliance, MemberKind.IndustryOrganization, "Tianjin", null)], Today, Now).IsSuccess);

        Assert.DoesNotContain(center.MembersOn(new DateOnly(2025, 10, 1)), m => m.OrganizationId == Alliance);
        Assert.Contains(center.MembersOn(new DateOnly(2026, 1, 1)), m => m.OrganizationId == Alliance);
        Assert.Equal(2, center.Memberships.Count(m => m.OrganizationId == Alliance));
    }

    [Fact]
    public void Joining_twice_leaving_as_a_non_member_and_the_lead_leaving_are_refused()
    {
        var center = Found();
        var on = new DateOnly(2025, 9, 1);

        Assert.Equal("centers.already_member", center.ChangeMembership(on, [new JoinStep(University, MemberKind.University, "Tianjin", null)], Today, Now).Failure!.Errors[0].Code);
        Assert.Equal("centers.not_member_on", center.ChangeMembership(on, [new LeaveStep(Newcomer)], Today, Now).Failure!.Errors[0].Code);
        Assert.Contains(center.ChangeMembership(on, [new LeaveStep(Lead), new ShareStep(University, 85m)], Today, Now).Failure!.Errors, e => e.Code == "centers.lead_cannot_leave");
    }

    [Fact]
    public void A_change_dated_before_approval_or_in_the_future_is_outside_the_centers_life()
    {
        var center = Found();

        Assert.Equal("centers.date_outside_life", center.ChangeMembership(Approved.AddDays(-1), [new LeaveStep(Alliance)], Today, Now).Failure!.Errors[0].Code);
        Assert.Equal("centers.date_outside_life", center.ChangeMembership(Today.AddDays(1), [new LeaveStep(Alliance)], Today, Now).Failure!.Errors[0].Code);
    }

    [Fact]
    public void A_share_given_on_the_day_a_period_began_corrects_that_period()
    {
        var center = Found();

        var result = center.ChangeMembership(Approved, [new ShareStep(Lead, 55m), new ShareStep(Alliance, 5m)], Today, Now);

        Assert.True(result.IsSuccess);
        Assert.Empty(result.Value);
        Assert.Equal(4, center.Memberships.Count);
        Assert.Equal(55m, center.Memberships.Single(m => m.OrganizationId == Lead).EquitySharePercent);
    }

    [Fact]
    public void Statuses_move_only_along_the_allowed_paths_and_each_move_is_recorded()
    {
        var center = Found();
        var by = Guid.NewGuid();

        var recommend = center.ChangeStatus(CenterStatus.RecommendedNational, StatusBasis.Decision, "津工信科〔2026〕3号", "推荐申报国家级", new DateOnly(2026, 1, 10), Today, by, Now);
        var backToRectification = center.ChangeStatus(CenterStatus.UnderRectification, StatusBasis.PolicyRule, "assessment.fail", "考核不合格", new DateOnly(2026, 2, 1), Today, by, Now);

        Assert.True(recommend.IsSuccess);
        Assert.Equal(CenterStatus.Active, recommend.Value.From);
        Assert.Equal(CenterStatus.RecommendedNational, recommend.Value.To);
        Assert.Equal(FailureKind.IllegalTransition, backToRectification.Failure!.Kind);
        Assert.Equal(CenterStatus.RecommendedNational, center.Status);
    }

    [Fact]
    public void A_revoked_center_stays_revoked_and_its_life_ends_on_the_revocation()
    {
        var center = Found();
        var revoked = new DateOnly(2026, 2, 1);

        Assert.True(center.ChangeStatus(CenterStatus.Revoked, StatusBasis.PolicyRule, "two-consecutive-fails", "连续两年考核不合格", revoked, Today, null, Now).IsSuccess);

        Assert.Empty(center.AllowedNext);
        Assert.False(center.ChangeStatus(CenterStatus.Active, StatusBasis.Decision, "x", "y", Today, Today, null, Now).IsSuccess);
        Assert.True(center.IsWithinLife(revoked, Today));
        Assert.False(center.IsWithinLife(revoked.AddDays(1), Today));
        Assert.Equal("centers.date_outside_life", center.ChangeMembership(revoked, [new LeaveStep(Alliance)], Today, Now).Failure!.Errors[0].Code);
    }

    [Fact]
    public void A_status_change_needs_a_reference_a_reason_and_a_date_not_before_the_current_status()
    {
        var center = Found();

        var result = center.ChangeStatus(CenterStatus.UnderRectification, StatusBasis.Decision, " ", null, Approved.AddDays(-1), Today, null, Now);

        Assert.Equal(["reference", "reason", "effectiveOn"], result.Failure!.Errors.Select(e => e.Field!).ToArray());
        Assert.Equal(CenterStatus.Active, center.Status);
    }

    [Fact]
    public void The_legal_entity_founded_before_approval_starts_the_centers_life()
    {
        var center = Found();
        var code = Uscc.Parse("91440300708461136T");

        var done = center.CompleteLegalEntity(new LegalEntityDetails("天津智能装备创新中心有限公司", code, 3_000_000_000L, new DateOnly(2024, 5, 20), null), Today, Now);
        var late = center.CompleteLegalEntity(new LegalEntityDetails("x", code, 1, Approved.AddDays(1), null), Today, Now);

        Assert.True(done.IsSuccess);
        Assert.Equal(new DateOnly(2024, 5, 20), center.LifeStart);
        Assert.True(center.IsWithinLife(new DateOnly(2024, 6, 1), Today));
        Assert.Equal("centers.founded_after_approval", late.Failure!.Errors.Single().Code);
    }
}

public sealed class EquityRuleTests
{
    private static readonly Guid A = Guid.NewGuid();
    private static readonly Guid B = Guid.NewGuid();
    private static readonly Guid C = Guid.NewGuid();

    private static DateOnly D(int month, int day) => new(2025, month, day);

    [Fact]
    public void Periods_handing_over_a_share_on_the_same_day_total_100_on_every_day()
    {
        EquityPeriod[] periods =
        [
            new(A, D(1, 1), D(6, 1), 70m),
            new(A, D(6, 1), null, 50m),
            new(B, D(1, 1), null, 30m),
            new(C, D(6, 1), null, 20m),
        ];

        Assert.Null(EquityRule.FirstBreach(periods));
    }

    [Fact]
    public void A_gap_of_one_day_is_found_on_that_day()
    {
        EquityPeriod[] periods =
        [
            new(A, D(1, 1), D(6, 1), 70m),
            new(A, D(6, 2), null, 70m),
            new(B, D(1, 1), null, 30m),
        ];

        Assert.Equal((D(6, 1), 30m), EquityRule.FirstBreach(periods));
    }

    [Fact]
    public void An_overlap_is_found_where_it_begins_and_members_without_equity_do_not_count()
    {
        EquityPeriod[] periods =
        [
            new(A, D(1, 1), null, 100m),
            new(B, D(3, 1), null, null),
            new(C, D(4, 1), D(5, 1), 10m),
        ];

        Assert.Equal((D(4, 1), 110m), EquityRule.FirstBreach(periods));
    }

    [Fact]
    public void Governance_warns_when_the_decision_body_has_no_current_independent_member()
    {
        var center = Guid.NewGuid();
        var rep = GovernanceSeat.Create(center, GovernanceBody.DecisionBody, SeatKind.MemberRepresentative, "李海燕", "理事长", null, A, D(1, 1)).Value;
        var expert = GovernanceSeat.Create(center, GovernanceBody.AdvisoryCommittee, SeatKind.Expert, "王院士", null, "天津大学", null, D(1, 1)).Value;
        var independent = GovernanceSeat.Create(center, GovernanceBody.DecisionBody, SeatKind.IndependentScientist, "陈教授", null, null, null, D(1, 1)).Value;

        Assert.True(GovernanceRules.DecisionBodyLacksIndependent([rep, expert], D(2, 1)));
        Assert.False(GovernanceRules.DecisionBodyLacksIndependent([rep, expert, independent], D(2, 1)));
        Assert.True(independent.End(D(3, 1)).IsSuccess);
        Assert.True(GovernanceRules.DecisionBodyLacksIndependent([rep, expert, independent], D(3, 1)));
    }

    [Fact]
    public void A_seat_must_fit_its_body_and_an_independent_figure_represents_no_member()
    {
        var center = Guid.NewGuid();

        Assert.Equal("centers.seat_kind_mismatch",
            GovernanceSeat.Create(center, GovernanceBody.AdvisoryCommittee, SeatKind.MemberRepresentative, "x", null, null, A, D(1, 1)).Failure!.Errors[0].Code);
        Assert.Equal("centers.independent_represents_member",
            GovernanceSeat.Create(center, GovernanceBody.DecisionBody, SeatKind.IndependentIndustry, "x", null, null, A, D(1, 1)).Failure!.Errors[0].Code);
        Assert.Equal("centers.representative_needs_member",
            GovernanceSeat.Create(center, GovernanceBody.DecisionBody, SeatKind.MemberRepresentative, "x", null, null, null, D(1, 1)).Failure!.Errors[0].Code);
    }
}
