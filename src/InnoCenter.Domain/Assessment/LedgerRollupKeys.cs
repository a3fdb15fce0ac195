namespace InnoCenter.Domain.Assessment;

/// <summary>
/// The figures the ledger (成果台账) rolls up per center and year. Indicator sources in a policy pack may name only
/// these keys, so a typing error in a pack is refused when the pack is validated rather than scoring zero for ever.
/// A key absent from a center's roll-up means the ledger holds nothing for it that year: it counts as 0.
/// </summary>
public static class LedgerRollupKeys
{
    public const string InventionApplications = "ip.invention_applications";
    public const string InventionGrants = "ip.invention_grants";
    public const string PctApplications = "ip.pct_applications";
    public const string UtilityModels = "ip.utility_models";
    public const string SoftwareCopyrights = "ip.software_copyrights";
    public const string ProjectsTotal = "projects.total";
    public const string CommonKeyBreakthroughs = "projects.common_key_breakthroughs";
    public const string TransferDeals = "transfer.deals";
    public const string TransferContractValueWan = "transfer.contract_value_wan";
    public const string TransferRevenueWan = "transfer.revenue_wan";
    public const string TransferSmeDeals = "transfer.sme_deals";
    public const string TransferFirstCommercial = "transfer.first_commercial";
    public const string IncubatedEnterprises = "incubated.enterprises";
    public const string SmeServed = "sme.served";
    public const string StandardsInternational = "standards.international";
    public const string StandardsNational = "standards.national";
    public const string StandardsIndustry = "standards.industry";
    public const string StandardsLocal = "standards.local";
    public const string StandardsGroup = "standards.group";
    public const string StaffTotal = "staff.total";
    public const string StaffRd = "staff.rd";
    public const string TalentHighLevel = "talent.high_level";
    public const string TrainingPersonTimes = "training.person_times";
    public const string IntlProjects = "intl.projects";
    public const string IntlJointLabs = "intl.joint_labs";
    public const string IntlIntroductions = "intl.introductions";
    public const string MembersTotal = "members.total";

    /// <summary>Members in a region the pack counts as cross-region (<see cref="Policy.RegionScope"/>), under any pack.</summary>
    public const string MembersCrossRegion = "members.cross_region";

    /// <summary>
    /// The former name of <see cref="MembersCrossRegion"/>, from when only the Tianjin pack (京冀) existed. Stored pack
    /// versions and the rules frozen into assessment cycles are never rewritten, so an indicator source naming it is read
    /// as the new key (<see cref="Canonical"/>); rows that stored the key were renamed by the MembersCrossRegionKey migration.
    /// </summary>
    public const string LegacyMembersBeijingHebei = "members.beijing_hebei";

    /// <summary>Every key, in the order pages show them.</summary>
    public static readonly IReadOnlyList<string> Ordered =
    [
        InventionApplications, InventionGrants, PctApplications, UtilityModels, SoftwareCopyrights,
        ProjectsTotal, CommonKeyBreakthroughs,
        TransferDeals, TransferContractValueWan, TransferRevenueWan, TransferSmeDeals, TransferFirstCommercial,
        IncubatedEnterprises, SmeServed,
        StandardsInternational, StandardsNational, StandardsIndustry, StandardsLocal, StandardsGroup,
        StaffTotal, StaffRd, TalentHighLevel, TrainingPersonTimes,
        IntlProjects, IntlJointLabs, IntlIntroductions,
        MembersTotal, MembersCrossRegion,
    ];

    /// <summary>The key as this release names it: a former name read from stored rules becomes the current one.</summary>
    public static string Canonical(string key) => key == LegacyMembersBeijingHebei ? MembersCrossRegion : key;

    /// <summary>Every key a pack's source may name: the ledger's, and the Funds module's figures (<see cref="FundFigureKeys"/>) beside them.</summary>
    public static readonly IReadOnlySet<string> All = new HashSet<string>(Ordered.Concat(FundFigureKeys.Ordered), StringComparer.Ordinal);
}
