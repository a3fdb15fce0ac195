using InnoCenter.Domain.Assessment;
using InnoCenter.Domain.Common;

namespace InnoCenter.Domain.Tests.Assessment;

/// <summary>The annual report's lifecycle, the correction of a ledger figure, the values a person types, and the cycle's frozen rules.</summary>
public sealed class AnnualReportTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Deadline = new(2026, 4, 30);

    private static AnnualReport NewReport() => AnnualReport.Create(
        Guid.NewGuid(), Guid.NewGuid(), 2025, false,
        new Dictionary<string, decimal> { [LedgerRollupKeys.InventionGrants] = 2m, [LedgerRollupKeys.StaffTotal] = 100m },
        [LedgerRollupKeys.InventionGrants, LedgerRollupKeys.StaffTotal, LedgerRollupKeys.StaffRd],
        ["rd-spending-share"], Now);

    private static SubmissionRequirements Complete => new(true, new HashSet<string> { "rd-spending-share" });

    [Fact]
    public void A_new_report_carries_the_ledger_figures_and_an_absent_key_is_zero()
    {
        var report = NewReport();

        Assert.Equal(ReportStatus.Draft, report.Status);
        Assert.Equal(2m, report.Find(LedgerRollupKeys.InventionGrants)!.Value);
        Assert.Equal(0m, report.Find(LedgerRollupKeys.StaffRd)!.LedgerValue);
        Assert.Null(report.Find("rd-spending-share")!.Value);
        Assert.Equal(3, report.Figures().Count);
    }

    [Fact]
    public void A_figure_differs_from_the_ledger_only_with_a_reason_and_evidence_and_the_ledger_value_stays()
    {
        var report = NewReport();
        var evidence = Guid.NewGuid();

        var neither = report.CorrectFigure(LedgerRollupKeys.InventionGrants, 5m, " ", null, null, Now);
        var noEvidence = report.CorrectFigure(LedgerRollupKeys.InventionGrants, 5m, "授权证书", null, null, Now);
        var done = report.CorrectFigure(LedgerRollupKeys.InventionGrants, 5m, "两项授权未录入台账", evidence, null, Now);
        var again = report.CorrectFigure(LedgerRollupKeys.InventionGrants, 6m, "又一项", null, null, Now);

        Assert.Equal(["assessment.change_reason_required", "assessment.change_evidence_required"], neither.Failure!.Errors.Select(e => e.Code));
        Assert.Equal("assessment.change_evidence_required", Assert.Single(noEvidence.Failure!.Errors).Code);
        Assert.True(done.IsSuccess);
        Assert.True(again.IsSuccess, "the evidence already attached to the figure serves a second correction");
        var figure = report.Find(LedgerRollupKeys.InventionGrants)!;
        Assert.Equal((2m, 6m, true, evidence), (figure.LedgerValue, figure.Value, figure.IsCorrected, figure.EvidenceFileId));
    }

    [Fact]
    public void Reporting_the_ledger_value_withdraws_a_correction_and_a_refresh_keeps_one_unless_the_ledger_caught_up()
    {
        var report = NewReport();
        report.CorrectFigure(LedgerRollupKeys.InventionGrants, 5m, "两项授权未录入台账", Guid.NewGuid(), null, Now);
        report.CorrectFigure(LedgerRollupKeys.StaffTotal, 120m, "含派遣人员", Guid.NewGuid(), null, Now);

        report.CorrectFigure(LedgerRollupKeys.StaffTotal, 100m, null, null, null, Now);
        report.RefreshLedger(new Dictionary<string, decimal> { [LedgerRollupKeys.InventionGrants] = 3m, [LedgerRollupKeys.StaffTotal] = 110m }, Now);

        Assert.Equal((3m, 5m, true), Tuple(report.Find(LedgerRollupKeys.InventionGrants)!));
        Assert.Equal((110m, 110m, false), Tuple(report.Find(LedgerRollupKeys.StaffTotal)!));

        report.RefreshLedger(new Dictionary<string, decimal> { [LedgerRollupKeys.InventionGrants] = 5m }, Now);
        var caughtUp = report.Find(LedgerRollupKeys.InventionGrants)!;
        Assert.False(caughtUp.IsCorrected);
        Assert.Null(caughtUp.Reason);
    }

    [Fact]
    public void Submitting_names_every_missing_item_then_the_report_is_locked_until_returned_with_a_reason()
    {
        var report = NewReport();

        var missing = report.Submit(new SubmissionRequirements(false, new HashSet<string> { "rd-spending-share" }), new DateOnly(2026, 4, 1), Deadline, null, Now);
        report.EnterManual("rd-spending-share", 32m, null, null, Now);
        var noEvidence = report.Submit(Complete, new DateOnly(2026, 4, 1), Deadline, null, Now);
        report.EnterManual("rd-spending-share", 32m, Guid.NewGuid(), null, Now);
        var submitted = report.Submit(Complete, new DateOnly(2026, 5, 2), Deadline, null, Now);
        var locked = report.EnterManual("rd-spending-share", 40m, null, null, Now);
        var noReason = report.Return("", null, Now);
        var returned = report.Return("补充审计报告", null, Now);
        var resubmitted = report.Submit(Complete, new DateOnly(2026, 4, 10), Deadline, null, Now);
        var accepted = report.Accept(null, Now);
        var acceptedTwice = report.Accept(null, Now);

        Assert.Equal(["assessment.operation_report_required", "assessment.value_required"], missing.Failure!.Errors.Select(e => e.Code));
        Assert.Equal("assessment.evidence_required", Assert.Single(noEvidence.Failure!.Errors).Code);
        Assert.Equal(ReportStatus.Submitted, submitted.Value);
        Assert.Equal(FailureKind.IllegalTransition, locked.Failure!.Kind);
        Assert.Equal("assessment.return_reason_required", noReason.Failure!.Errors[0].Code);
        Assert.Equal(ReportStatus.Returned, returned.Value);
        Assert.Equal(ReportStatus.Submitted, resubmitted.Value);
        Assert.False(report.SubmittedLate, "the resubmission came before the deadline");
        Assert.Equal(ReportStatus.Accepted, accepted.Value);
        Assert.Equal(FailureKind.IllegalTransition, acceptedTwice.Failure!.Kind);
        Assert.Equal(32m, report.ManualValues()["rd-spending-share"]);
    }

    [Fact]
    public void A_submission_after_the_deadline_is_marked_late()
    {
        var report = NewReport();
        report.EnterManual("rd-spending-share", 32m, Guid.NewGuid(), null, Now);

        report.Submit(Complete, Deadline.AddDays(1), Deadline, null, Now);

        Assert.True(report.SubmittedLate);
    }

    [Theory]
    [InlineData("12", ValueShape.Count, 12)]
    [InlineData(" 1,200 ", ValueShape.Count, 1200)]
    [InlineData("12项", ValueShape.Count, 12)]
    [InlineData("12 items", ValueShape.Count, 12)]
    [InlineData("35%", ValueShape.Percent, 35)]
    [InlineData("92.25", ValueShape.Percent, 92.25)]
    [InlineData("1250.5万元", ValueShape.Amount, 1250.5)]
    [InlineData("0", ValueShape.Amount, 0)]
    public void A_number_with_or_without_its_own_unit_is_read(string raw, ValueShape shape, double expected)
    {
        var units = shape switch { ValueShape.Percent => new[] { "%" }, ValueShape.Amount => ["万元", "CNY 10k"], _ => ["项", "items"] };

        var parsed = ReportValueParser.Parse(raw, shape, units, "value");

        Assert.Equal((decimal)expected, parsed.Value);
    }

    [Theory]
    [InlineData("N/A", ValueShape.Count, "assessment.value_not_number")]
    [InlineData("约十项", ValueShape.Count, "assessment.value_not_number")]
    [InlineData("5e3", ValueShape.Amount, "assessment.value_not_number")]
    [InlineData("1200元", ValueShape.Amount, "assessment.value_wrong_unit")]
    [InlineData("35%", ValueShape.Count, "assessment.value_wrong_unit")]
    [InlineData("-3", ValueShape.Count, "assessment.value_negative")]
    [InlineData("2.5", ValueShape.Count, "assessment.value_whole")]
    [InlineData("101%", ValueShape.Percent, "assessment.value_percent_range")]
    [InlineData("1.23456", ValueShape.Amount, "assessment.value_precision")]
    [InlineData("10000000000000", ValueShape.Amount, "assessment.value_too_large")]
    public void Free_text_another_unit_and_impossible_numbers_are_refused_by_name(string raw, ValueShape shape, string code)
    {
        var units = shape switch { ValueShape.Percent => new[] { "%" }, ValueShape.Amount => ["万元"], _ => ["项"] };

        var parsed = ReportValueParser.Parse(raw, shape, units, "value");

        var error = Assert.Single(parsed.Failure!.Errors);
        Assert.Equal((code, "value"), (error.Code, error.Field));
    }

    [Fact]
    public void An_empty_value_is_no_value()
    {
        Assert.Null(ReportValueParser.Parse("  ", ValueShape.Count, ["项"], "value").Value);
    }

    [Fact]
    public void A_cycle_freezes_its_rules_as_json_that_reads_back_the_same_and_scores_only_after_the_deadline()
    {
        var pack = TestPacks.Tianjin;
        var opened = AssessmentCycle.Open(2025, new DateOnly(2026, 3, 1), Deadline, pack.Code, pack.Version, pack.Assessment, null, Now);
        var cycle = opened.Value;

        var early = cycle.MarkScored(Deadline, null, Now);
        var scored = cycle.MarkScored(Deadline.AddDays(1), null, Now);
        var published = cycle.Publish(null, Now);
        var again = cycle.MarkScored(Deadline.AddDays(2), null, Now);

        Assert.Equal(
            System.Text.Json.JsonSerializer.Serialize(pack.Assessment, AssessmentCycle.Json),
            System.Text.Json.JsonSerializer.Serialize(cycle.Rules, AssessmentCycle.Json));
        Assert.Equal(pack.Assessment.IndicatorSystem.Indicators.Count, cycle.Rules.IndicatorSystem.Indicators.Count);
        Assert.Empty(cycle.Rules.Validate());
        Assert.IsType<Policy.RevokeAfterConsecutiveFailures>(cycle.Rules.Consequences.OnFailure);
        Assert.Equal("assessment.before_deadline", early.Failure!.Errors[0].Code);
        Assert.True(scored.IsSuccess);
        Assert.Equal(CycleStatus.Published, published.Value.Status);
        Assert.Equal("assessment.cycle_published", again.Failure!.Errors[0].Code);
    }

    [Fact]
    public void A_cycle_of_a_year_not_begun_with_a_past_deadline_or_on_broken_rules_is_refused()
    {
        var rules = TestPacks.Tianjin.Assessment;
        var broken = rules with { GradeBands = [] };

        var future = AssessmentCycle.Open(2027, new DateOnly(2026, 3, 1), Deadline, "x", 1, rules, null, Now);
        var past = AssessmentCycle.Open(2025, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 1), "x", 1, rules, null, Now);
        var invalid = AssessmentCycle.Open(2025, new DateOnly(2026, 3, 1), Deadline, "x", 1, broken, null, Now);

        Assert.Equal("assessment.year_range", future.Failure!.Errors[0].Code);
        Assert.Equal("assessment.deadline_not_future", past.Failure!.Errors[0].Code);
        Assert.Contains(invalid.Failure!.Errors, e => e.Code.StartsWith("policy.assessment.", StringComparison.Ordinal));
    }

    [Fact]
    public void A_deadline_moves_only_while_filing_to_today_or_later_with_a_reason_and_each_move_is_kept()
    {
        var cycle = AssessmentCycle.Open(2025, new DateOnly(2026, 3, 1), Deadline, "x", 1, TestPacks.Tianjin.Assessment, null, Now).Value;
        var lateDay = Deadline.AddDays(10);

        var noReason = cycle.MoveDeadline(lateDay.AddDays(20), "  ", lateDay, null, Now);
        var beforeToday = cycle.MoveDeadline(lateDay.AddDays(-1), "原因", lateDay, null, Now);
        var first = cycle.MoveDeadline(lateDay.AddDays(20), "中心负责人变更", lateDay, null, Now);
        var second = cycle.MoveDeadline(lateDay.AddDays(30), "再次延期", lateDay, null, Now);
        cycle.MarkScored(lateDay.AddDays(31), null, Now);
        var afterScoring = cycle.MoveDeadline(lateDay.AddDays(60), "太晚", lateDay.AddDays(31), null, Now);

        Assert.Equal(("validation.required", "reason"), (noReason.Failure!.Errors[0].Code, noReason.Failure.Errors[0].Field));
        Assert.Equal("assessment.deadline_past", beforeToday.Failure!.Errors[0].Code);
        Assert.True(first.IsSuccess && second.IsSuccess);
        Assert.Equal("assessment.deadline_closed", afterScoring.Failure!.Errors[0].Code);
        Assert.Equal(lateDay.AddDays(30), cycle.Deadline);
        Assert.Equal(
            [(Deadline, lateDay.AddDays(20), "中心负责人变更"), (lateDay.AddDays(20), lateDay.AddDays(30), "再次延期")],
            cycle.DeadlineChanges.Select(d => (d.From, d.To, d.Reason)).ToArray());
    }

    private static (decimal?, decimal?, bool) Tuple(ReportValue v) => (v.LedgerValue, v.Value, v.IsCorrected);
}
