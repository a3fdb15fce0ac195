using InnoCenter.Domain.Common;
using InnoCenter.Domain.Funds;
using InnoCenter.Domain.Policy;
using InnoCenter.Domain.Tests.Assessment;

namespace InnoCenter.Domain.Tests.Funds;

public sealed class GrantAcceptanceTests
{
    private static readonly DateTimeOffset Now = new(2027, 12, 1, 2, 0, 0, TimeSpan.Zero);
    private static readonly Guid Admin = Guid.NewGuid();
    private static readonly Guid Staff = Guid.NewGuid();
    private static readonly PolicyPack Pack = TestPacks.Tianjin;

    private static Grant Running()
    {
        var grant = Grant.Draft(GrantTests.Draft(), Pack, Guid.NewGuid(), Now).Value;
        Assert.True(grant.Approve(Admin, Now).IsSuccess);
        Assert.True(grant.Start(Admin, Now).IsSuccess);
        return grant;
    }

    private static Dictionary<Guid, int> EvidenceFor(Grant g) => g.Targets.ToDictionary(t => t.Id, _ => 1);

    [Fact]
    public void Both_packs_name_acceptance_verdicts()
    {
        Assert.Contains(TestPacks.Tianjin.Funds.Verdicts, v => v.Code == "passed");
        Assert.Contains(TestPacks.National.Funds.Verdicts, v => v.Code == "failed");
    }

    [Fact]
    public void A_submission_names_every_target_without_a_value_or_evidence()
    {
        var g = Running();

        var refused = g.SubmitEvaluation(new Dictionary<Guid, int>(), hasGrantEvidence: true, Staff, Now);

        Assert.Equal(["funds.evaluation_value_missing", "funds.evaluation_evidence_missing"], refused.Failure!.Errors.Select(e => e.Code));
        Assert.False(g.EvaluationSubmitted);
    }

    [Fact]
    public void A_negative_actual_value_is_refused()
    {
        var g = Running();

        var refused = g.ReportTarget(g.Targets[0].Id, -1m, null);

        Assert.Equal("funds.target_negative", refused.Failure!.Errors.Single().Code);
        Assert.Null(g.Targets[0].ActualValue);
    }

    [Fact]
    public void After_the_submission_the_center_can_no_longer_change_a_value()
    {
        var g = Running();
        Assert.True(g.ReportTarget(g.Targets[0].Id, 4m, "完成").IsSuccess);
        Assert.True(g.SubmitEvaluation(EvidenceFor(g), false, Staff, Now).IsSuccess);

        var late = g.ReportTarget(g.Targets[0].Id, 9m, null);

        Assert.Equal(FailureKind.IllegalTransition, late.Failure!.Kind);
        Assert.Equal(4m, g.Targets[0].ActualValue);
    }

    [Fact]
    public void The_verdict_needs_the_submission_and_a_packs_verdict_per_target_then_accepts_the_grant()
    {
        var g = Running();
        var verdicts = Pack.Funds.Verdicts;
        var target = g.Targets[0].Id;
        Assert.Equal(FailureKind.IllegalTransition, g.RecordVerdict("passed", new Dictionary<Guid, string?> { [target] = "passed" }, "理由", verdicts, Admin, Now).Failure!.Kind);
        g.ReportTarget(target, 4m, null);
        g.SubmitEvaluation(EvidenceFor(g), false, Staff, Now);

        var missing = g.RecordVerdict("passed", new Dictionary<Guid, string?>(), "理由", verdicts, Admin, Now);
        Assert.Equal("targets[0].verdict", missing.Failure!.Errors.Single().Field);
        Assert.Equal(GrantStatus.InExecution, g.Status);

        Assert.True(g.RecordVerdict("failed", new Dictionary<Guid, string?> { [target] = "failed" }, "未达到绩效目标", verdicts, Admin, Now).IsSuccess);
        Assert.Equal(GrantStatus.Accepted, g.Status);
        Assert.Equal("failed", g.Verdict);
        Assert.Equal("failed", g.Targets[0].Verdict);
        Assert.Equal("未达到绩效目标", g.Events[^1].Reason);
    }
}
