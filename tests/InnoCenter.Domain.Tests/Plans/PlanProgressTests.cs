using InnoCenter.Domain.Plans;

namespace InnoCenter.Domain.Tests.Plans;

public sealed class PlanProgressTests
{
    [Fact]
    public void A_past_year_below_the_packs_share_of_its_target_is_behind_and_at_it_is_not()
    {
        var today = new DateOnly(2026, 6, 1);
        Assert.True(PlanProgress.Evaluate("a", "项", null, 10m, 8.9m, 2025, today, 90m).BehindSchedule);
        Assert.False(PlanProgress.Evaluate("a", "项", null, 10m, 9m, 2025, today, 90m).BehindSchedule);
    }

    [Fact]
    public void The_current_year_is_judged_against_the_share_due_by_today_and_a_future_year_not_at_all()
    {
        var today = new DateOnly(2025, 7, 2); // day 183 of 365
        Assert.False(PlanProgress.Evaluate("a", "项", null, 10m, 5.1m, 2025, today, 100m).BehindSchedule);
        Assert.True(PlanProgress.Evaluate("a", "项", null, 10m, 4m, 2025, today, 100m).BehindSchedule);
        Assert.False(PlanProgress.Evaluate("a", "项", null, 10m, 0m, 2026, today, 100m).BehindSchedule);
    }

    [Fact]
    public void Completion_is_the_mean_of_capped_rates_and_an_unreported_free_indicator_counts_zero()
    {
        var today = new DateOnly(2027, 1, 1);
        var lines = new[]
        {
            PlanProgress.Evaluate("a", "项", "ip.invention_grants", 10m, 30m, 2026, today, 90m),
            PlanProgress.Evaluate("b", "家", null, 10m, null, 2026, today, 90m),
            PlanProgress.Evaluate("c", "项", null, 4m, 2m, 2026, today, 90m),
        };

        Assert.Equal(50m, PlanProgress.Completion(lines, 100m));
        Assert.Null(PlanProgress.Completion([], 100m));
    }

    [Fact]
    public void The_plan_in_force_is_the_latest_approved_revision_counting_from_the_year_or_before()
    {
        var revisions = new[] { (Number: 1, From: 2025), (Number: 2, From: 2027) }.Select(r => new Tuple<int, int>(r.Number, r.From)).ToList();

        Assert.Equal(1, PlanProgress.InForce(revisions, 2026, r => r.Item1, r => r.Item2)!.Item1);
        Assert.Equal(2, PlanProgress.InForce(revisions, 2027, r => r.Item1, r => r.Item2)!.Item1);
        Assert.Null(PlanProgress.InForce(revisions, 2024, r => r.Item1, r => r.Item2));
    }

    [Fact]
    public void A_revision_needs_a_reason_a_year_in_the_plan_and_known_figures_and_a_decided_one_cannot_be_decided_again()
    {
        var now = DateTimeOffset.UtcNow;
        var bad = PlanRevision.Propose(Guid.NewGuid(), 1, 2025, 2030, "", [new PlanIndicatorInput("a", "项", "nope", 1, null, null)], null, now);
        Assert.Equal(["reason", "effectiveFromYear", "indicators[0].figure"], bad.Failure!.Errors.Select(e => e.Field!).ToArray());

        var ok = PlanRevision.Propose(Guid.NewGuid(), 1, 2025, 2026, "细化", [new PlanIndicatorInput("a", "项", "ip.invention_grants", 1, 2, 3)], null, now).Value;
        Assert.False(ok.Reject(" ", null, now).IsSuccess);
        Assert.True(ok.Approve(null, null, now).IsSuccess);
        Assert.False(ok.Reject("迟了", null, now).IsSuccess);
        Assert.Equal(PlanRevisionStatus.Approved, ok.Status);
    }
}
