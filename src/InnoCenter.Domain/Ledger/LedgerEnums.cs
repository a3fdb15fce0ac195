namespace InnoCenter.Domain.Ledger;

/// <summary>研发项目类型</summary>
public enum ProjectType
{
    /// <summary>前沿技术</summary>
    Frontier,

    /// <summary>共性关键技术</summary>
    CommonKey,
}

public enum ProjectStatus
{
    /// <summary>立项</summary>
    Planned,

    /// <summary>在研</summary>
    InProgress,

    /// <summary>已结题</summary>
    Completed,

    /// <summary>已终止</summary>
    Terminated,
}

/// <summary>知识产权类型 (the national kinds).</summary>
public enum IpKind
{
    /// <summary>发明专利申请</summary>
    InventionApplication,

    /// <summary>发明专利授权</summary>
    InventionGrant,

    /// <summary>实用新型专利</summary>
    UtilityModel,

    /// <summary>外观设计专利</summary>
    Design,

    /// <summary>PCT 国际专利申请</summary>
    Pct,

    /// <summary>软件著作权</summary>
    SoftwareCopyright,

    /// <summary>集成电路布图设计</summary>
    IcLayout,
}

/// <summary>成果转化方式</summary>
public enum DealKind
{
    /// <summary>许可</summary>
    Licence,

    /// <summary>转让</summary>
    Assignment,

    /// <summary>作价入股</summary>
    EquityContribution,

    /// <summary>技术服务</summary>
    TechnicalService,
}

/// <summary>标准级别</summary>
public enum StandardLevel
{
    /// <summary>国际标准</summary>
    International,

    /// <summary>国家标准</summary>
    National,

    /// <summary>行业标准</summary>
    Industry,

    /// <summary>地方标准</summary>
    Local,

    /// <summary>团体标准</summary>
    Group,
}

/// <summary>在标准制定中的角色</summary>
public enum StandardRole
{
    /// <summary>主持/牵头</summary>
    Lead,

    /// <summary>参与</summary>
    Participant,
}

/// <summary>标准所处阶段</summary>
public enum StandardStage
{
    /// <summary>已立项/提出</summary>
    Proposed,

    /// <summary>已批准</summary>
    Approved,

    /// <summary>已发布</summary>
    Published,
}

/// <summary>国际合作形式 (seed 四（八）).</summary>
public enum CooperationKind
{
    /// <summary>联合研发中心</summary>
    JointRdCenter,

    /// <summary>联合实验室</summary>
    JointLab,

    /// <summary>人才引进</summary>
    TalentIntroduction,

    /// <summary>技术引进</summary>
    TechnologyIntroduction,

    /// <summary>参股并购</summary>
    EquityOrAcquisition,

    /// <summary>专利交叉许可</summary>
    PatentCrossLicence,
}
