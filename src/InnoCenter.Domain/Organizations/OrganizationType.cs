namespace InnoCenter.Domain.Organizations;

/// <summary>What kind of body an organisation is; stored as its name.</summary>
public enum OrganizationType
{
    /// <summary>企业</summary>
    Enterprise,

    /// <summary>高校</summary>
    University,

    /// <summary>科研院所</summary>
    ResearchInstitute,

    /// <summary>行业组织</summary>
    IndustryOrganization,

    /// <summary>金融机构</summary>
    FinancialInstitution,

    /// <summary>其他</summary>
    Other,
}

/// <summary>Where an organisation sits, for the 京津冀 (Beijing–Tianjin–Hebei) view.</summary>
public enum Region
{
    /// <summary>天津</summary>
    Tianjin,

    /// <summary>北京</summary>
    Beijing,

    /// <summary>河北</summary>
    Hebei,

    /// <summary>其他省份</summary>
    OtherProvince,

    /// <summary>境外</summary>
    Abroad,
}

public static class RegionRules
{
    /// <summary>The region a GB/T 2260 code points to (its first two digits name the province).</summary>
    public static Region FromRegionCode(string regionCode) => regionCode[..2] switch
    {
        "12" => Region.Tianjin,
        "11" => Region.Beijing,
        "13" => Region.Hebei,
        _ => Region.OtherProvince,
    };
}
