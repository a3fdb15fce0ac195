using InnoCenter.Domain.Common;

namespace InnoCenter.Domain.Policy;

/// <summary>
/// The ledger's lists and numbers that a policy may change: talent categories (and which count as high-level), kinds
/// of service to SMEs, and the import size limit.
/// </summary>
public sealed record LedgerRules
{
    /// <summary>人才类别; <see cref="TalentCategory.HighLevel"/> ones count as high-level talent brought in.</summary>
    public IReadOnlyList<TalentCategory> TalentCategories { get; init; } = [];

    /// <summary>服务中小企业的方式</summary>
    public IReadOnlyList<CodeItem> SmeServiceKinds { get; init; } = [];

    /// <summary>
    /// Where versions stored before <see cref="PolicyPack.CrossRegions"/> named the cross-region list; read only through
    /// <see cref="PolicyPack.RegionScope"/>, never by a module.
    /// </summary>
    public IReadOnlyList<string> CrossRegionCodes { get; init; } = [];

    /// <summary>The most rows one Excel import may carry.</summary>
    public int MaxImportRows { get; init; } = 5000;

    public IReadOnlyList<Error> Validate(IReadOnlyList<CodeItem> regions)
    {
        var errors = new List<Error>();
        if (MaxImportRows < 1)
        {
            errors.Add(new Error("policy.at_least_one", "ledger.maxImportRows"));
        }

        PolicyChecks.UniqueCodes(TalentCategories.Select(c => c.Code), "ledger.talentCategories", errors);
        PolicyChecks.CodeTable(SmeServiceKinds, "ledger.smeServiceKinds", errors, required: false);
        for (var i = 0; i < CrossRegionCodes.Count; i++)
        {
            if (regions.All(r => r.Code != CrossRegionCodes[i]))
            {
                errors.Add(new Error("policy.unknown_code", $"ledger.crossRegionCodes[{i}]", CrossRegionCodes[i]));
            }
        }

        return errors;
    }

    public TalentCategory? FindTalentCategory(string? code) => TalentCategories.FirstOrDefault(c => c.Code == code);
}

public sealed record TalentCategory(string Code, string Zh, string En, bool HighLevel)
{
    public string Label(bool english) => english ? En : Zh;
}
