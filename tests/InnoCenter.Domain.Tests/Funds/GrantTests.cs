using InnoCenter.Domain.Common;
using InnoCenter.Domain.Funds;
using InnoCenter.Domain.Policy;
using InnoCenter.Domain.Tests.Assessment;

namespace InnoCenter.Domain.Tests.Funds;

public sealed class GrantTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 2, 0, 0, TimeSpan.Zero);
    private static readonly Guid Drafter = Guid.NewGuid();
    private static readonly Guid Second = Guid.NewGuid();
    private static readonly PolicyPack Pack = TestPacks.Tianjin;

    public static GrantDraft Draft(DateOnly? from = null, DateOnly? to = null) => new(
        Guid.NewGuid(), "中试线建设支持", "津工信科〔2026〕3号", "city", "grant",
        from ?? new DateOnly(2026, 1, 1), to ?? new DateOnly(2027, 12, 31),
        [
            new LineDraft("pilot-line", [new ShareDraft("city", 600_000m), new ShareDraft("district", 400_000m)]),
            new LineDraft("standards", [new ShareDraft("city", 100_000m)]),
        ],
        [new TargetDraft("standards", 3m)]);

    private static Grant Running()
    {
        var grant = Grant.Draft(Draft(), Pack, Drafter, Now).Value;
        Assert.True(grant.Approve(Second, Now).IsSuccess);
        Assert.True(grant.Start(Second, Now).IsSuccess);
        return grant;
    }

    [Fact]
    public void A_draft_sums_its_lines_to_the_fen_and_keeps_the_pack_it_began_under()
    {
        var grant = Grant.Draft(Draft(), Pack, Drafter, Now).Value;

        Assert.Equal(1_100_000m, grant.Amount);
        Assert.Equal(110_000_000L, grant.AmountFen);
        Assert.Equal(Pack.Code, grant.PolicyCode);
        Assert.Equal(Pack.Version, grant.PolicyVersion);
        Assert.Equal(GrantStatus.Draft, grant.Status);
    }

    [Fact]
    public void The_drafter_can_never_approve_their_own_grant()
    {
        var grant = Grant.Draft(Draft(), Pack, Drafter, Now).Value;

        var result = grant.Approve(Drafter, Now);

        Assert.Equal(FailureKind.Forbidden, result.Failure!.Kind);
        Assert.Equal("funds.four_eyes", result.Failure.Errors[0].Code);
        Assert.Equal(GrantStatus.Draft, grant.Status);
        Assert.True(grant.Approve(Second, Now).IsSuccess);
    }

    [Fact]
    public void Illegal_transitions_fail_loudly_and_change_nothing()
    {
        var grant = Grant.Draft(Draft(), Pack, Drafter, Now).Value;

        Assert.Equal(FailureKind.IllegalTransition, grant.Start(Second, Now).Failure!.Kind);
        Assert.Equal(FailureKind.IllegalTransition, grant.Accept("ok", Second, Now).Failure!.Kind);
        Assert.Equal(GrantStatus.Draft, grant.Status);
        Assert.Equal(FailureKind.Validation, grant.Terminate(" ", Second, Now).Failure!.Kind);
        Assert.True(grant.Terminate("项目取消", Second, Now).IsSuccess);
        Assert.Equal(FailureKind.IllegalTransition, grant.Approve(Second, Now).Failure!.Kind);
        Assert.Equal(FailureKind.IllegalTransition, grant.Terminate("again", Second, Now).Failure!.Kind);
        Assert.Equal(["Draft", "Terminated"], grant.Events.Select(e => e.To.ToString()));
        Assert.Equal("项目取消", grant.Events[^1].Reason);
    }

    [Theory]
    [InlineData(2026, 1, 1, 2031, 1, 1, "funds.period_too_long")]
    [InlineData(2026, 6, 1, 2026, 5, 31, "funds.period_reversed")]
    public void A_period_longer_than_the_pack_allows_or_reversed_is_refused(int y1, int m1, int d1, int y2, int m2, int d2, string code)
    {
        var result = Grant.Draft(Draft(new DateOnly(y1, m1, d1), new DateOnly(y2, m2, d2)), Pack, Drafter, Now);

        Assert.Contains(result.Failure!.Errors, e => e.Code == code && e.Field == "periodTo");
    }

    [Fact]
    public void A_period_of_exactly_the_longest_length_is_accepted()
    {
        Assert.True(Grant.Draft(Draft(new DateOnly(2026, 1, 1), new DateOnly(2030, 12, 31)), Pack, Drafter, Now).IsSuccess);
    }

    [Fact]
    public void Unknown_codes_sub_fen_amounts_and_unknown_indicators_are_each_named()
    {
        var draft = Draft() with
        {
            Form = "gift",
            Lines = [new LineDraft("cafeteria", [new ShareDraft("city", 10.005m)])],
            Targets = [new TargetDraft("no-such-indicator", 1m)],
        };

        var errors = Grant.Draft(draft, Pack, Drafter, Now).Failure!.Errors;

        Assert.Contains(errors, e => e.Field == "form" && e.Code == "policy.unknown_code");
        Assert.Contains(errors, e => e.Field == "lines[0].category" && e.Code == "policy.unknown_code");
        Assert.Contains(errors, e => e.Field == "lines[0].shares[0].amount" && e.Code == "funds.amount_sub_fen");
        Assert.Contains(errors, e => e.Field == "targets[0].indicator" && e.Code == "policy.unknown_code");
    }

    [Fact]
    public void An_adjustment_takes_effect_only_when_a_second_admin_approves_it_and_shares_follow()
    {
        var grant = Running();
        var from = grant.FindLine("pilot-line")!;
        var to = grant.FindLine("standards")!;
        var change = grant.RequestAdjustment(from.Id, to.Id, 100_000m, "标准制定任务增加", Drafter, Now).Value;

        Assert.Equal(1_000_000m, from.Amount);
        Assert.Equal(FailureKind.Forbidden, grant.DecideChange(change.Id, true, "同意", new Dictionary<Guid, long>(), Drafter, Now).Failure!.Kind);
        Assert.True(grant.DecideChange(change.Id, true, "同意", new Dictionary<Guid, long>(), Second, Now).IsSuccess);

        Assert.Equal(900_000m, from.Amount);
        Assert.Equal(200_000m, to.Amount);
        Assert.Equal(from.AmountFen, from.Shares.Sum(s => s.AmountFen));
        Assert.Equal(54_000_000L, from.Shares.Single(s => s.Source == "city").AmountFen);
        Assert.Equal(grant.AmountFen, grant.Lines.Sum(l => l.AmountFen));
        Assert.Equal(ChangeStatus.Approved, change.Status);
    }

    [Fact]
    public void An_adjustment_never_leaves_a_line_below_what_is_already_spent()
    {
        var grant = Running();
        var from = grant.FindLine("pilot-line")!;
        var to = grant.FindLine("standards")!;
        var change = grant.RequestAdjustment(from.Id, to.Id, 300_000m, "调剂", Drafter, Now).Value;
        var spent = new Dictionary<Guid, long> { [from.Id] = 75_000_000L };

        var result = grant.DecideChange(change.Id, true, "同意", spent, Second, Now);

        Assert.Equal("funds.line_below_spent", result.Failure!.Errors[0].Code);
        Assert.Equal(1_000_000m, from.Amount);
        Assert.Equal(ChangeStatus.Pending, change.Status);
    }

    [Fact]
    public void An_extension_past_the_longest_period_is_refused_and_an_approved_one_moves_the_end()
    {
        var grant = Running();

        Assert.Contains(grant.RequestExtension(new DateOnly(2031, 1, 1), "延期", Pack.Funds, Drafter, Now).Failure!.Errors, e => e.Code == "funds.period_too_long");
        var change = grant.RequestExtension(new DateOnly(2028, 6, 30), "设备到货延迟", Pack.Funds, Drafter, Now).Value;
        Assert.True(grant.DecideChange(change.Id, true, "同意延期", new Dictionary<Guid, long>(), Second, Now).IsSuccess);

        Assert.Equal(new DateOnly(2028, 6, 30), grant.PeriodTo);
        Assert.Equal(new DateOnly(2027, 12, 31), change.OldPeriodTo);
    }

    [Fact]
    public void Expenditures_outside_the_period_off_category_sub_fen_or_overspending_are_refused()
    {
        var grant = Running();
        Expenditure Spend(string category, int year, decimal amount) =>
            Expenditure.Record(grant, new ExpenditureDraft(category, new DateOnly(year, 5, 1), "天津某设备公司", amount, null), _ => 0, Second, Now) switch
            {
                { IsSuccess: true } ok => ok.Value,
                var failed => throw new InvalidOperationException(failed.Failure!.Errors[0].Code),
            };

        Assert.Equal("funds.outside_period", Assert.Throws<InvalidOperationException>(() => Spend("pilot-line", 2029, 10m)).Message);
        Assert.Equal("funds.no_line_for_category", Assert.Throws<InvalidOperationException>(() => Spend("common-key-tech", 2026, 10m)).Message);
        Assert.Equal("funds.amount_sub_fen", Assert.Throws<InvalidOperationException>(() => Spend("pilot-line", 2026, 0.001m)).Message);
        Assert.Equal("funds.amount_not_positive", Assert.Throws<InvalidOperationException>(() => Spend("pilot-line", 2026, -1m)).Message);
        Assert.Equal("funds.line_overspent", Assert.Throws<InvalidOperationException>(() => Spend("standards", 2026, 100_000.01m)).Message);
        Assert.Equal(100_000m, Spend("standards", 2026, 100_000m).Amount);
    }

    [Fact]
    public void A_correction_is_a_reversing_entry_with_a_reason_and_only_once()
    {
        var grant = Running();
        var spent = Expenditure.Record(grant, new ExpenditureDraft("pilot-line", new DateOnly(2026, 5, 1), "供应商", 1234.56m, null), _ => 0, Second, Now).Value;

        Assert.Equal(FailureKind.Validation, spent.Reverse("", false, Second, Now).Failure!.Kind);
        var reversal = spent.Reverse("金额录入错误", false, Second, Now).Value;

        Assert.Equal(-123_456L, reversal.AmountFen);
        Assert.Equal(spent.Id, reversal.ReversesId);
        Assert.Equal(1234.56m, spent.Amount);
        Assert.Equal(FailureKind.IllegalTransition, spent.Reverse("again", true, Second, Now).Failure!.Kind);
        Assert.Equal(FailureKind.IllegalTransition, reversal.Reverse("again", false, Second, Now).Failure!.Kind);
    }

    [Fact]
    public void A_tranche_is_released_by_a_second_admin_only_and_never_while_held()
    {
        var grant = Running();
        var tranche = Tranche.Plan(grant, 1, 300_000m, new DateOnly(2026, 4, 1), false, 70_000_000L, 0, Drafter, Now).Value;

        Assert.Equal(FailureKind.Forbidden, tranche.Release(grant, [], new DateOnly(2026, 4, 1), Drafter, Now).Failure!.Kind);
        var held = tranche.Release(grant, [new TrancheHold("funds.hold.matching", "district")], new DateOnly(2026, 4, 1), Second, Now);
        Assert.Equal("funds.hold.matching", held.Failure!.Errors[0].Code);
        Assert.Equal(TrancheStatus.Planned, tranche.Status);

        var receipt = tranche.Release(grant, [], new DateOnly(2026, 4, 1), Second, Now).Value;
        Assert.Equal(30_000_000L, receipt.AmountFen);
        Assert.Equal("city", receipt.Source);
        Assert.Equal(FailureKind.IllegalTransition, tranche.Release(grant, [], new DateOnly(2026, 4, 2), Second, Now).Failure!.Kind);
    }

    [Fact]
    public void Only_an_approved_grant_is_published_and_only_once()
    {
        var grant = Grant.Draft(Draft(), Pack, Drafter, Now).Value;

        Assert.Equal(FailureKind.IllegalTransition, grant.Publish(Second, Now).Failure!.Kind);
        Assert.True(grant.Approve(Second, Now).IsSuccess);
        Assert.True(grant.Publish(Second, Now).IsSuccess);
        Assert.Equal(Now, grant.PublishedAt);
        Assert.Equal(FailureKind.IllegalTransition, grant.Publish(Second, Now).Failure!.Kind);
    }

    [Fact]
    public void Planned_tranches_never_exceed_the_main_sources_share()
    {
        var grant = Running();

        var result = Tranche.Plan(grant, 2, 500_000.01m, new DateOnly(2026, 4, 1), false, 70_000_000L, 20_000_000L, Drafter, Now);

        Assert.Equal("funds.tranches_exceed_source", result.Failure!.Errors[0].Code);
    }
}
