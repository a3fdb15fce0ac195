using InnoCenter.Domain.Applications;
using InnoCenter.Domain.Organizations;
using InnoCenter.Domain.Policy;

namespace InnoCenter.Domain.Tests.Applications;

public sealed class EligibilityTests
{
    private static readonly LocalizedText Name = new("规则", "rule");
    private static readonly MaterialItem Proposal = new("construction-proposal", "建设方案建议书", "Proposal", true);
    private static readonly MaterialItem Other = new("other", "其他", "Other", false);

    private static readonly EligibilityRule[] Rules =
    [
        new("lead", "leadIsEnterprise", true, Name),
        new("uni", "hasUniversityOrInstitute", true, Name),
        new("min", "minMembers", true, Name) { Threshold = 3 },
        new("equity", "equityTotals100", true, Name),
        new("materials", "requiredMaterials", true, Name),
        new("cross", "crossRegion", false, Name),
    ];

    private static EligibilityInput Input(
        string lead = "91440300708461136T",
        (OrganizationType, string, decimal?)[]? members = null,
        string[]? materials = null) => new(
        lead,
        members ?? [(OrganizationType.Enterprise, "Tianjin", 60m), (OrganizationType.University, "Tianjin", 40m), (OrganizationType.Enterprise, "Beijing", null)],
        materials ?? ["construction-proposal"],
        [Proposal, Other],
        new RegionScope("Tianjin", ["Beijing", "Hebei"]));

    private static EligibilityOutcome Outcome(EligibilityInput input, string code) =>
        EligibilityEvaluator.Evaluate(Rules, input).Single(r => r.Rule.Code == code).Outcome;

    [Fact]
    public void A_complete_cross_region_consortium_passes_every_rule()
    {
        var results = EligibilityEvaluator.Evaluate(Rules, Input());

        Assert.All(results, r => Assert.Equal(EligibilityOutcome.Pass, r.Outcome));
        Assert.False(EligibilityEvaluator.Blocks(results));
    }

    [Fact]
    public void A_lead_that_is_not_an_enterprise_fails_the_hard_rule()
    {
        Assert.Equal(EligibilityOutcome.Fail, Outcome(Input(lead: "12110000400002857P"), "lead"));
    }

    [Fact]
    public void A_consortium_without_a_university_or_institute_fails()
    {
        var input = Input(members: [(OrganizationType.Enterprise, "Tianjin", null), (OrganizationType.Enterprise, "Tianjin", null), (OrganizationType.FinancialInstitution, "Tianjin", null)]);

        Assert.Equal(EligibilityOutcome.Fail, Outcome(input, "uni"));
    }

    [Fact]
    public void Fewer_members_than_the_threshold_fail_and_the_threshold_itself_passes()
    {
        var two = Input(members: [(OrganizationType.Enterprise, "Tianjin", null), (OrganizationType.University, "Tianjin", null)]);

        Assert.Equal(EligibilityOutcome.Fail, Outcome(two, "min"));
        Assert.Equal(EligibilityOutcome.Pass, Outcome(Input(), "min"));
    }

    [Theory]
    [InlineData(60, 39.99, EligibilityOutcome.Fail)]
    [InlineData(60, 40, EligibilityOutcome.Pass)]
    [InlineData(60, 40.01, EligibilityOutcome.Fail)]
    public void Equity_shares_that_are_given_must_total_exactly_100(double a, double b, EligibilityOutcome expected)
    {
        var input = Input(members: [(OrganizationType.Enterprise, "Tianjin", (decimal)a), (OrganizationType.University, "Tianjin", (decimal)b), (OrganizationType.Enterprise, "Tianjin", null)]);

        Assert.Equal(expected, Outcome(input, "equity"));
    }

    [Fact]
    public void A_missing_required_material_blocks_but_a_missing_optional_one_does_not()
    {
        Assert.Equal(EligibilityOutcome.Fail, Outcome(Input(materials: ["other"]), "materials"));
        Assert.Equal(EligibilityOutcome.Pass, Outcome(Input(materials: ["construction-proposal"]), "materials"));
    }

    [Fact]
    public void A_soft_rule_that_fails_warns_without_blocking()
    {
        var tianjinOnly = Input(members: [(OrganizationType.Enterprise, "Tianjin", null), (OrganizationType.University, "Tianjin", null), (OrganizationType.Enterprise, "Tianjin", null)]);

        var results = EligibilityEvaluator.Evaluate(Rules, tianjinOnly);

        Assert.Equal(EligibilityOutcome.Warning, results.Single(r => r.Rule.Code == "cross").Outcome);
        Assert.False(EligibilityEvaluator.Blocks(results));
    }

    [Fact]
    public void An_unknown_rule_kind_fails_rather_than_passing_silently()
    {
        var results = EligibilityEvaluator.Evaluate([new EligibilityRule("x", "noSuchCheck", true, Name)], Input());

        Assert.Equal(EligibilityOutcome.Fail, results.Single().Outcome);
    }

    [Fact]
    public void Each_verdict_says_what_holds_not_the_rule_with_a_zero_or_the_opposite()
    {
        var complete = EligibilityEvaluator.Evaluate(Rules, Input()).ToDictionary(r => r.Rule.Code);
        var local = EligibilityEvaluator.Evaluate(Rules, Input(
            members: [(OrganizationType.Enterprise, "Tianjin", 60m), (OrganizationType.University, "Tianjin", 40m), (OrganizationType.Enterprise, "Tianjin", null)],
            materials: [])).ToDictionary(r => r.Rule.Code);

        Assert.Equal("eligibility.materials_complete", complete["materials"].MessageCode);
        Assert.Equal("eligibility.materials", local["materials"].MessageCode);
        Assert.Equal([1], local["materials"].Args);
        Assert.Equal("eligibility.cross_region", complete["cross"].MessageCode);
        Assert.Equal(EligibilityOutcome.Warning, local["cross"].Outcome);
        Assert.Equal("eligibility.cross_region_none", local["cross"].MessageCode);
    }
}
