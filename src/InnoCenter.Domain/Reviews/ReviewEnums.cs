namespace InnoCenter.Domain.Reviews;

/// <summary>What a panel reviews: an application (申报), or later a center's annual report (年度运行发展报告).</summary>
public enum ReviewSubjectKind
{
    Application,
    AnnualReport,
}

/// <summary>An expert's or the panel's recommendation (评审建议).</summary>
public enum Recommendation
{
    /// <summary>同意</summary>
    Approve,

    /// <summary>有条件同意</summary>
    ApproveWithConditions,

    /// <summary>不同意</summary>
    Reject,
}

/// <summary>Where a panel member stands.</summary>
public enum PanelMemberStatus
{
    /// <summary>已邀请, waiting for the expert's answer.</summary>
    Invited,

    /// <summary>已接受</summary>
    Accepted,

    /// <summary>已谢绝, with the expert's reason.</summary>
    Declined,

    /// <summary>已撤换 by an Admin, with a reason (e.g. a conflict found after the draw).</summary>
    Removed,
}

/// <summary>How a member came onto the panel.</summary>
public enum PanelMemberSource
{
    Drawn,
    Replacement,
    Manual,
}

public enum PanelDrawKind
{
    Initial,
    Replacement,
}

/// <summary>现场考察结论.</summary>
public enum InspectionConclusion
{
    /// <summary>通过</summary>
    Pass,

    /// <summary>有条件通过</summary>
    PassWithConditions,

    /// <summary>不通过</summary>
    Fail,
}

/// <summary>The finding on one checklist item.</summary>
public enum FindingResult
{
    /// <summary>符合</summary>
    Met,

    /// <summary>基本符合</summary>
    PartlyMet,

    /// <summary>不符合</summary>
    NotMet,
}

public enum ParticipantKind
{
    Expert,
    Staff,
}
