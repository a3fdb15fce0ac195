namespace InnoCenter.Web.Features.Ledger;

/// <summary>Filters every ledger list has: the center, the year, free text and the kind's own type (e.g. IP kind).</summary>
public sealed record LedgerFilter
{
    public Guid? CenterId { get; init; }

    public int? Year { get; init; }

    /// <summary>Part of a title, name or number.</summary>
    public string? Q { get; init; }

    /// <summary>The kind's own classification: IP kind, deal kind, standard level, project type, cooperation kind…</summary>
    public string? Type { get; init; }

    /// <summary>From the query string only: in a Razor page a route value is also called "page" and would win.</summary>

    [Microsoft.AspNetCore.Mvc.FromQuery(Name = "page")]

    public int? Page { get; init; }

    public int? PageSize { get; init; }
}

/// <summary>
/// A ledger record as the API and the pages read it: <see cref="Values"/> has the request's shape (so a client can send
/// it back with <see cref="Version"/> to edit), <see cref="Display"/> the same fields as people read them.
/// </summary>
public sealed record LedgerItem(
    Guid Id,
    Guid CenterId,
    string CenterName,
    int Year,
    int Version,
    IReadOnlyDictionary<string, object?> Values,
    IReadOnlyDictionary<string, string> Display,
    bool CanEdit);

/// <summary>What every ledger write carries besides its fields.</summary>
public abstract record LedgerRequest
{
    /// <summary>The center whose ledger this is; required to create, and cannot change afterwards.</summary>
    public Guid? CenterId { get; init; }

    /// <summary>The version last read; required to edit (a stale one is a 409).</summary>
    public int? Version { get; init; }
}

/// <summary>研发项目</summary>
public sealed record ProjectRequest : LedgerRequest
{
    public string? Title { get; init; }

    /// <summary>Frontier or CommonKey.</summary>
    public string? Type { get; init; }

    /// <summary>Budget in yuan.</summary>
    public decimal? Budget { get; init; }

    /// <summary>Credit codes of the participating members.</summary>
    public IReadOnlyList<string>? Participants { get; init; }

    public int? TrlStart { get; init; }

    public int? TrlTarget { get; init; }

    public int? TrlReached { get; init; }

    /// <summary>Planned, InProgress, Completed or Terminated.</summary>
    public string? Status { get; init; }

    public DateOnly? StartedOn { get; init; }

    public DateOnly? EndedOn { get; init; }
}

/// <summary>知识产权</summary>
public sealed record IpRequest : LedgerRequest
{
    /// <summary>InventionApplication, InventionGrant, UtilityModel, Design, Pct, SoftwareCopyright or IcLayout.</summary>
    public string? Kind { get; init; }

    /// <summary>申请号/登记号; Chinese patent numbers are checked by their check digit.</summary>
    public string? Number { get; init; }

    public string? Title { get; init; }

    public DateOnly? FilingDate { get; init; }

    public DateOnly? GrantDate { get; init; }

    /// <summary>Co-owners among the members, by credit code, with shares totalling 100 %.</summary>
    public IReadOnlyList<ShareLine>? CoOwners { get; init; }
}

/// <summary>成果转化</summary>
public sealed record DealRequest : LedgerRequest
{
    /// <summary>Licence, Assignment, EquityContribution or TechnicalService.</summary>
    public string? Kind { get; init; }

    public string? Title { get; init; }

    /// <summary>合同编号, unique within the center: the same contract is never registered twice.</summary>
    public string? ContractNumber { get; init; }

    /// <summary>The counterparty's credit code; it must be a registered organisation.</summary>
    public string? CounterpartyCreditCode { get; init; }

    public bool? IsSme { get; init; }

    public bool? IsFirstCommercial { get; init; }

    /// <summary>Contract value in yuan.</summary>
    public decimal? ContractValue { get; init; }

    public DateOnly? SignedOn { get; init; }

    /// <summary>Numbers of the center's IP records the deal transfers.</summary>
    public IReadOnlyList<string>? IpNumbers { get; init; }
}

/// <summary>标准</summary>
public sealed record StandardRequest : LedgerRequest
{
    public string? Title { get; init; }

    /// <summary>标准号; required once published.</summary>
    public string? StandardNumber { get; init; }

    /// <summary>International, National, Industry, Local or Group.</summary>
    public string? Level { get; init; }

    /// <summary>Lead or Participant.</summary>
    public string? Role { get; init; }

    /// <summary>Proposed, Approved or Published.</summary>
    public string? Stage { get; init; }

    public DateOnly? StageDate { get; init; }
}

/// <summary>孵化企业</summary>
public sealed record IncubatedRequest : LedgerRequest
{
    public string? Name { get; init; }

    public string? CreditCode { get; init; }

    public DateOnly? FoundedOn { get; init; }

    /// <summary>Money raised, in yuan.</summary>
    public decimal? MoneyRaised { get; init; }
}

/// <summary>人才</summary>
public sealed record TalentRequest : LedgerRequest
{
    public int? Year { get; init; }

    /// <summary>A talent category code of the policy pack.</summary>
    public string? Category { get; init; }

    public int? Headcount { get; init; }

    public string? Description { get; init; }
}

/// <summary>人员情况（年度）</summary>
public sealed record StaffRequest : LedgerRequest
{
    public int? Year { get; init; }

    public int? AllStaff { get; init; }

    public int? RdStaff { get; init; }
}

/// <summary>培训</summary>
public sealed record TrainingRequest : LedgerRequest
{
    public string? Title { get; init; }

    public DateOnly? HeldOn { get; init; }

    /// <summary>人次</summary>
    public int? PersonTimes { get; init; }
}

/// <summary>国际合作</summary>
public sealed record IntlRequest : LedgerRequest
{
    public string? Title { get; init; }

    public string? Partner { get; init; }

    /// <summary>ISO 3166-1 alpha-2 code (or the country's name).</summary>
    public string? Country { get; init; }

    /// <summary>JointRdCenter, JointLab, TalentIntroduction, TechnologyIntroduction, EquityOrAcquisition or PatentCrossLicence.</summary>
    public string? CooperationKind { get; init; }

    public DateOnly? StartedOn { get; init; }
}

/// <summary>服务中小企业</summary>
public sealed record SmeRequest : LedgerRequest
{
    public string? EnterpriseName { get; init; }

    public string? EnterpriseCreditCode { get; init; }

    /// <summary>A service kind code of the policy pack.</summary>
    public string? ServiceKind { get; init; }

    public DateOnly? ServedOn { get; init; }

    public string? Description { get; init; }
}

/// <summary>Money received on a deal.</summary>
public sealed record ReceiptRequest
{
    public DateOnly? ReceivedOn { get; init; }

    /// <summary>In yuan, more than zero.</summary>
    public decimal? Amount { get; init; }

    public string? Note { get; init; }
}

public sealed record ReceiptShareDto(Guid OrganizationId, string OrganizationName, decimal SharePercent, decimal Amount);

public sealed record ReceiptDto(Guid Id, Guid DealId, DateOnly ReceivedOn, decimal Amount, string? Note, IReadOnlyList<ReceiptShareDto> Shares);

public sealed record StatementFilter
{
    public Guid? CenterId { get; init; }

    /// <summary>The member organisation; a MemberUser always gets their own.</summary>
    public Guid? OrganizationId { get; init; }

    public int? Year { get; init; }
}

/// <summary>One co-owner's part of one receipt.</summary>
public sealed record StatementLine(
    DateOnly ReceivedOn, Guid CenterId, string CenterName, Guid DealId, string DealTitle, string DealKindLabel, string CounterpartyName,
    decimal ReceiptAmount, decimal SharePercent, decimal Amount);

/// <summary>收益分配明细: a member's parts of the receipts, with the total.</summary>
public sealed record StatementDto(Guid OrganizationId, string OrganizationName, int? Year, IReadOnlyList<StatementLine> Lines, decimal Total);

/// <summary>One center's yearly ledger figures, keyed as the assessment reads them, in a page of all centers' roll-up.</summary>
public sealed record CenterYearRollup(Guid CenterId, string CenterName, IReadOnlyDictionary<string, decimal> Figures);
