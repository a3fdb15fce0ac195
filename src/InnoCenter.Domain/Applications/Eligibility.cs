using InnoCenter.Domain.Organizations;
using InnoCenter.Domain.Policy;

namespace InnoCenter.Domain.Applications;

public enum EligibilityOutcome
{
    Pass,
    Warning,
    Fail,
}

/// <summary>One rule's verdict on an application, with the arguments its message needs.</summary>
public sealed record EligibilityResult(EligibilityRule Rule, EligibilityOutcome Outcome, string MessageCode, object[] Args);

/// <summary>What the eligibility rules look at: the consortium (credit codes and kinds) and the materials present.</summary>
public sealed record EligibilityInput(
    string LeadCreditCode,
    IReadOnlyList<(OrganizationType Kind, string Region, decimal? EquitySharePercent)> Members,
    IReadOnlyCollection<string> MaterialsPresent,
    IReadOnlyList<MaterialItem> MaterialsRequired,
    RegionScope Regions);

/// <summary>
/// Evaluates the pack's eligibility rules (申报条件). A failing hard rule blocks submission; a failing soft rule is a
/// warning shown to the applicant and the formal reviewer.
/// </summary>
public static class EligibilityEvaluator
{
    public static IReadOnlyList<EligibilityResult> Evaluate(IEnumerable<EligibilityRule> rules, EligibilityInput input) =>
        rules.Select(rule => Evaluate(rule, input)).ToList();

    public static bool Blocks(IEnumerable<EligibilityResult> results) => results.Any(r => r.Outcome == EligibilityOutcome.Fail);

    private static EligibilityResult Evaluate(EligibilityRule rule, EligibilityInput input)
    {
        var (ok, code, args) = rule.Kind switch
        {
            "leadIsEnterprise" => LeadIsEnterprise(input),
            "hasUniversityOrInstitute" => (
                input.Members.Any(m => m.Kind is OrganizationType.University or OrganizationType.ResearchInstitute),
                "eligibility.has_university_or_institute", []),
            "minMembers" => (input.Members.Count >= (rule.Threshold ?? 0), "eligibility.min_members", [rule.Threshold ?? 0, input.Members.Count]),
            "equityTotals100" => EquityTotals(input),
            "crossRegion" => input.Regions.IsCrossRegionConsortium(input.Members.Select(m => m.Region))
                ? (true, "eligibility.cross_region", [])
                : (false, "eligibility.cross_region_none", []),
            "requiredMaterials" => MaterialsPresent(input),
            _ => (false, "eligibility.unknown_rule", new object[] { rule.Kind }),
        };
        var outcome = ok ? EligibilityOutcome.Pass : rule.Hard ? EligibilityOutcome.Fail : EligibilityOutcome.Warning;
        return new EligibilityResult(rule, outcome, code, args);
    }

    private static (bool, string, object[]) LeadIsEnterprise(EligibilityInput input) =>
        Uscc.TryParse(input.LeadCreditCode, out var code, out _) && code.IsEnterprise
            ? (true, "eligibility.lead_is_enterprise", [])
            : (false, "eligibility.lead_is_enterprise", []);

    private static (bool, string, object[]) EquityTotals(EligibilityInput input)
    {
        var given = input.Members.Where(m => m.EquitySharePercent is not null).Select(m => m.EquitySharePercent!.Value).ToList();
        if (given.Count == 0)
        {
            return (true, "eligibility.equity_none", []);
        }

        var total = given.Sum();
        return (total == 100m && given.All(s => s > 0), "eligibility.equity_totals", [total]);
    }

    private static (bool, string, object[]) MaterialsPresent(EligibilityInput input)
    {
        var missing = input.MaterialsRequired.Where(m => m.Required && !input.MaterialsPresent.Contains(m.Code)).Select(m => m.Code).ToList();
        // "0 missing" reads as a fault; a complete set says so.
        return missing.Count == 0 ? (true, "eligibility.materials_complete", []) : (false, "eligibility.materials", [missing.Count]);
    }
}
