namespace InnoCenter.Domain.Centers;

/// <summary>What kind of body a member organisation is; stored as its name.</summary>
public enum MemberKind
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
}

/// <summary>Where a recognised center stands in the programme.</summary>
public enum CenterStatus
{
    /// <summary>运行中</summary>
    Active,

    /// <summary>整改中</summary>
    UnderRectification,

    /// <summary>已撤销 (资格取消); final.</summary>
    Revoked,

    /// <summary>已推荐申报国家级</summary>
    RecommendedNational,

    /// <summary>已获批国家制造业创新中心</summary>
    National,
}

/// <summary>Why a status changed: a decision document of the commission, or a rule of the policy pack.</summary>
public enum StatusBasis
{
    /// <summary>决定（文件）</summary>
    Decision,

    /// <summary>政策规则</summary>
    PolicyRule,
}

/// <summary>The two governance bodies the seed asks for.</summary>
public enum GovernanceBody
{
    /// <summary>决策机构 (理事会/董事会)</summary>
    DecisionBody,

    /// <summary>咨询机构 (专家咨询委员会)</summary>
    AdvisoryCommittee,
}

/// <summary>Who sits on a body, in the seed's words.</summary>
public enum SeatKind
{
    /// <summary>成员单位代表 (decision body)</summary>
    MemberRepresentative,

    /// <summary>具有独立身份的产业界杰出人士 (decision body)</summary>
    IndependentIndustry,

    /// <summary>具有独立身份的科技界杰出人士 (decision body)</summary>
    IndependentScientist,

    /// <summary>咨询专家 (advisory committee)</summary>
    Expert,
}

/// <summary>Data a center is founded from: what the approved application says. The legal entity's details come later.</summary>
public sealed record CenterFounding(
    Guid ApplicationId,
    string Name,
    string KeyArea,
    Guid LeadOrganizationId,
    string ApprovalNumber,
    string PlaqueNumber,
    DateOnly ApprovedOn,
    IReadOnlyList<CenterFoundingMember> Members);

/// <summary>A founding member; the lead is one of them. A member without equity has no share.</summary>
public sealed record CenterFoundingMember(Guid OrganizationId, MemberKind Kind, decimal? EquitySharePercent);
