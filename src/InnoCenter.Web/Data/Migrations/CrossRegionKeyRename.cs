using InnoCenter.Domain.Assessment;

namespace InnoCenter.Web.Data.Migrations;

/// <summary>
/// Carries the rows that stored the cross-region members' roll-up key under its former, Tianjin-only name
/// (<see cref="LedgerRollupKeys.LegacyMembersBeijingHebei"/>) to its neutral one (<see cref="LedgerRollupKeys.MembersCrossRegion"/>):
/// an application's and a plan's indicator that names the figure, and an annual report's pre-filled figure. The kept
/// roll-up rows are raw and policy-free (members by region), so they hold no key; stored pack versions and the rules
/// frozen into cycles are never rewritten and read the former name as the new one.
/// </summary>
public static class CrossRegionKeyRename
{
    /// <summary>The same statements run on SQLite and PostgreSQL.</summary>
    public static string Sql() => string.Join("\n",
        $"UPDATE \"ApplicationIndicators\" SET \"Figure\" = '{LedgerRollupKeys.MembersCrossRegion}' WHERE \"Figure\" = '{LedgerRollupKeys.LegacyMembersBeijingHebei}';",
        $"UPDATE \"PlanIndicators\" SET \"Figure\" = '{LedgerRollupKeys.MembersCrossRegion}' WHERE \"Figure\" = '{LedgerRollupKeys.LegacyMembersBeijingHebei}';",
        $"UPDATE \"AnnualReportValues\" SET \"Code\" = '{LedgerRollupKeys.MembersCrossRegion}' WHERE \"Code\" = '{LedgerRollupKeys.LegacyMembersBeijingHebei}' AND \"Kind\" = '{nameof(ReportValueKind.Figure)}';");
}
