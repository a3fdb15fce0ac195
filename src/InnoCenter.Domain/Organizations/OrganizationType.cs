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
