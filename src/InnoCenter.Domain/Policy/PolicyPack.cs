using InnoCenter.Domain.Common;

namespace InnoCenter.Domain.Policy;

/// <summary>
/// A policy pack (政策包): every list and number of the programme that another city or a later year could change.
/// Loaded from <c>policies/*.json</c>; a version, once used, is never rewritten.
/// </summary>
public sealed record PolicyPack
{
    public required string Code { get; init; }

    public required int Version { get; init; }

    public required LocalizedText Name { get; init; }

    /// <summary>The document the rules come from, e.g. 津工信科〔2020〕21号附件1.</summary>
    public string? Source { get; init; }

    /// <summary>重点领域</summary>
    public IReadOnlyList<CodeItem> KeyAreas { get; init; } = [];

    public IReadOnlyList<CodeItem> OrganizationTypes { get; init; } = [];

    /// <summary>GB/T 2260 districts of the city.</summary>
    public IReadOnlyList<CodeItem> Districts { get; init; } = [];

    public IReadOnlyList<CodeItem> Regions { get; init; } = [];

    /// <summary>
    /// The region the programme's city is in (a code of <see cref="Regions"/>): its organisations name one of
    /// <see cref="Districts"/>. Null for a programme without a home city (the national one).
    /// </summary>
    public string? HomeRegion { get; init; }

    /// <summary>
    /// 跨区域: the regions whose members make a consortium, a membership or a cooperation cross-region (Tianjin: 京津冀,
    /// Beijing and Hebei). Empty: every region but the home one. Versions stored before this setting named the list
    /// under <c>ledger.crossRegionCodes</c>; they are read from there.
    /// </summary>
    public IReadOnlyList<string>? CrossRegions { get; init; }

    /// <summary>The cross-region rule this pack sets, for every module that asks.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public RegionScope RegionScope
    {
        get
        {
            // Versions stored before HomeRegion existed listed their home region first and were the only ones with districts.
            var home = HomeRegion ?? (Districts.Count > 0 && Regions.Count > 0 ? Regions[0].Code : null);
            var named = CrossRegions ?? Ledger.CrossRegionCodes;
            IReadOnlyList<string>? cross = named.Count > 0 ? named
                : home is not null ? Regions.Select(r => r.Code).Where(c => c != home).ToList()
                : null;
            return new RegionScope(home, cross);
        }
    }

    /// <summary>专家领域: 经济、技术、产业、管理、法律.</summary>
    public IReadOnlyList<CodeItem> ExpertDomains { get; init; } = [];

    /// <summary>申报材料 the application must carry.</summary>
    public IReadOnlyList<MaterialItem> RequiredMaterials { get; init; } = [];

    /// <summary>Recognition: eligibility, notice window, stage durations, numbering.</summary>
    public ApplicationRules Applications { get; init; } = new();

    /// <summary>Annual assessment (年度考核): indicator system, grade bands, consequences, who is assessed.</summary>
    public AssessmentRules Assessment { get; init; } = new();

    /// <summary>专家评审: panels, conflicts, loads, scoring forms, site-inspection checklist.</summary>
    public ReviewRules Review { get; init; } = new();

    /// <summary>成果台账 rules: talent categories, SME service kinds, cross-region codes, import limits.</summary>
    public LedgerRules Ledger { get; init; } = new();

    /// <summary>催办提醒: how many days before or after a deadline people are reminded.</summary>
    public ReminderRules Reminders { get; init; } = new();

    /// <summary>试点目标 the dashboard tracks; null where the plan sets none.</summary>
    public PilotTargets? Pilot { get; init; }

    /// <summary>科研资源开放共享: resource categories and booking rules.</summary>
    public ResourceRules Resources { get; init; } = new();
    /// <summary>专项资金: sources, categories, forms, period, warnings, when a tranche is held.</summary>
    public FundRules Funds { get; init; } = new();
    /// <summary>The public portal: case tasks, 索引号 pattern, inquiry answer days, freshness.</summary>
    public PortalRules Portal { get; init; } = new();

    /// <summary>规划实施: when a center is behind its plan, and which indicator the plan's completion fills.</summary>
    public PlanRules Plans { get; init; } = new();

    public CodeItem? FindDistrict(string? code) => Districts.FirstOrDefault(d => d.Code == code);

    private void ValidateRegions(List<Error> errors)
    {
        if (HomeRegion is not null && Regions.All(r => r.Code != HomeRegion))
        {
            errors.Add(new Error("policy.unknown_code", "homeRegion", HomeRegion));
        }

        if (HomeRegion is null && Districts.Count > 0)
        {
            errors.Add(new Error("validation.required", "homeRegion"));
        }

        for (var i = 0; i < (CrossRegions?.Count ?? 0); i++)
        {
            var code = CrossRegions![i];
            if (Regions.All(r => r.Code != code) || code == HomeRegion)
            {
                errors.Add(new Error("policy.unknown_code", $"crossRegions[{i}]", code));
            }
        }
    }

    /// <summary>Every check a pack must pass before it goes live; fields are JSON paths inside the pack.</summary>
    public IReadOnlyList<Error> Validate()
    {
        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(Code))
        {
            errors.Add(new Error("validation.required", "code"));
        }

        if (string.IsNullOrWhiteSpace(Name.Zh) || string.IsNullOrWhiteSpace(Name.En))
        {
            errors.Add(new Error("validation.required", "name"));
        }

        PolicyChecks.CodeTable(KeyAreas, "keyAreas", errors, required: true);
        PolicyChecks.CodeTable(OrganizationTypes, "organizationTypes", errors, required: true);
        PolicyChecks.CodeTable(Districts, "districts", errors, required: false);
        PolicyChecks.CodeTable(Regions, "regions", errors, required: true);
        ValidateRegions(errors);
        PolicyChecks.CodeTable(ExpertDomains, "expertDomains", errors, required: true);
        PolicyChecks.UniqueCodes(RequiredMaterials.Select(m => m.Code), "requiredMaterials", errors);
        errors.AddRange(Applications.Validate());
        errors.AddRange(Review.Problems(ExpertDomains));
        errors.AddRange(Ledger.Validate(Regions));
        errors.AddRange(Assessment.Validate());
        errors.AddRange(Pilot?.Validate() ?? []);
        errors.AddRange(Reminders.Validate());
        errors.AddRange(Resources.Validate());
        errors.AddRange(ResourceReportIndicator.Validate(Resources.ReportIndicators, Resources.Categories, Assessment));
        errors.AddRange(Funds.Validate(Assessment.GradeBands));
        errors.AddRange(Portal.Validate());
        errors.AddRange(Plans.Validate(Assessment));
        return errors;
    }
}

public sealed record LocalizedText(string Zh, string En)
{
    public string For(bool english) => english ? En : Zh;
}

/// <summary>An entry of a code table with its names in both languages.</summary>
public sealed record CodeItem(string Code, string Zh, string En)
{
    /// <summary>True when the value is a default the seed does not fix; Admins may change it.</summary>
    public bool IsDefault { get; init; }

    public string Label(bool english) => english ? En : Zh;
}

/// <summary>Checks that several sections of a pack share.</summary>
public static class PolicyChecks
{
    public static void UniqueCodes(IEnumerable<string> codes, string field, List<Error> errors)
    {
        var i = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var code in codes)
        {
            if (string.IsNullOrWhiteSpace(code))
            {
                errors.Add(new Error("validation.required", $"{field}[{i}].code"));
            }
            else if (!seen.Add(code))
            {
                errors.Add(new Error("policy.duplicate_code", $"{field}[{i}].code", code));
            }

            i++;
        }
    }

    public static void CodeTable(IReadOnlyList<CodeItem> items, string field, List<Error> errors, bool required)
    {
        if (required && items.Count == 0)
        {
            errors.Add(new Error("policy.table_empty", field));
        }

        UniqueCodes(items.Select(i => i.Code), field, errors);
        for (var i = 0; i < items.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(items[i].Zh) || string.IsNullOrWhiteSpace(items[i].En))
            {
                errors.Add(new Error("policy.label_required", $"{field}[{i}]"));
            }
        }
    }
}

public static class CodeTable
{
    /// <summary>The label of a code in its table, or the code itself where the table does not name it.</summary>
    public static string LabelOf(this IReadOnlyList<CodeItem> items, string code, bool english) =>
        items.FirstOrDefault(i => i.Code == code)?.Label(english) ?? code;
}

public sealed record MaterialItem(string Code, string Zh, string En, bool Required)
{
    public string Label(bool english) => english ? En : Zh;
}
