using InnoCenter.Domain.Common;

namespace InnoCenter.Domain.Ledger;

/// <summary>
/// A record of a center's ledger (成果台账). Every record belongs to one center and counts in one year, the year its
/// principal date falls in (or the year it is about, for yearly figures); edits are audited and versioned.
/// </summary>
public abstract class LedgerRecord : IAudited, IVersioned
{
    public Guid Id { get; protected set; } = Guid.CreateVersion7();

    public Guid CenterId { get; protected set; }

    public int Year { get; protected set; }

    public DateTimeOffset CreatedAt { get; protected set; }

    public DateTimeOffset UpdatedAt { get; protected set; }

    public int Version { get; set; }

    protected void Created(Guid centerId, DateTimeOffset now)
    {
        CenterId = centerId;
        CreatedAt = now;
        UpdatedAt = now;
    }
}

/// <summary>研发项目: frontier or common key technology, with budget, participants and technology readiness (TRL 1–9).</summary>
public sealed class RdProject : LedgerRecord
{
    /// <summary>技术就绪水平 runs from 1 to 9 (GB/T 22900).</summary>
    public const int TrlMin = 1;
    public const int TrlMax = 9;

    private readonly List<RdProjectParticipant> _participants = [];

    private RdProject()
    {
    }

    public string Title { get; private set; } = string.Empty;

    public ProjectType Type { get; private set; }

    public long BudgetFen { get; private set; }

    public int TrlStart { get; private set; }

    public int TrlTarget { get; private set; }

    public int? TrlReached { get; private set; }

    public ProjectStatus Status { get; private set; }

    public DateOnly StartedOn { get; private set; }

    public DateOnly? EndedOn { get; private set; }

    public IReadOnlyList<RdProjectParticipant> Participants => _participants;

    /// <summary>A common-key project that completed at or above its target TRL (共性关键技术突破).</summary>
    public bool IsBreakthrough => Type == ProjectType.CommonKey && Status == ProjectStatus.Completed && TrlReached >= TrlTarget;

    public static RdProject Create(Guid centerId, RdProjectDetails d, DateTimeOffset now)
    {
        var p = new RdProject();
        p.Created(centerId, now);
        p.Apply(d, now);
        return p;
    }

    public void Apply(RdProjectDetails d, DateTimeOffset now)
    {
        Title = d.Title;
        Type = d.Type;
        BudgetFen = d.BudgetFen;
        TrlStart = d.TrlStart;
        TrlTarget = d.TrlTarget;
        TrlReached = d.TrlReached;
        Status = d.Status;
        StartedOn = d.StartedOn;
        EndedOn = d.EndedOn;
        Year = d.StartedOn.Year;
        _participants.RemoveAll(x => !d.ParticipantIds.Contains(x.OrganizationId));
        foreach (var org in d.ParticipantIds.Where(o => _participants.All(x => x.OrganizationId != o)))
        {
            _participants.Add(new RdProjectParticipant(Id, org));
        }

        UpdatedAt = now;
    }

    /// <summary>The rules between the fields of a project; field formats are checked before.</summary>
    public static IEnumerable<Common.Error> Check(int trlStart, int trlTarget, int? trlReached, ProjectStatus status, DateOnly startedOn, DateOnly? endedOn)
    {
        foreach (var (value, field) in new[] { (trlStart, "trlStart"), (trlTarget, "trlTarget"), (trlReached ?? TrlMin, "trlReached") })
        {
            if (value is < TrlMin or > TrlMax)
            {
                yield return new Common.Error("validation.range", field, TrlMin, TrlMax);
            }
        }

        if (trlTarget < trlStart)
        {
            yield return new Common.Error("ledger.trl_target_below_start", "trlTarget");
        }

        if (trlReached is { } reached && reached < trlStart)
        {
            yield return new Common.Error("ledger.trl_reached_below_start", "trlReached");
        }

        var ended = status is ProjectStatus.Completed or ProjectStatus.Terminated;
        if (ended && endedOn is null)
        {
            yield return new Common.Error("ledger.end_date_required", "endedOn");
        }

        if (!ended && endedOn is not null)
        {
            yield return new Common.Error("ledger.end_date_only_when_ended", "endedOn");
        }

        if (endedOn is { } end && end < startedOn)
        {
            yield return new Common.Error("ledger.end_before_start", "endedOn");
        }

        if (status == ProjectStatus.Completed && trlReached is null)
        {
            yield return new Common.Error("ledger.trl_reached_required", "trlReached");
        }
    }
}

public sealed record RdProjectDetails(
    string Title, ProjectType Type, long BudgetFen, int TrlStart, int TrlTarget, int? TrlReached, ProjectStatus Status,
    DateOnly StartedOn, DateOnly? EndedOn, IReadOnlyList<Guid> ParticipantIds);

/// <summary>A member organisation taking part in a project.</summary>
public sealed class RdProjectParticipant : Common.IAudited
{
    private RdProjectParticipant()
    {
    }

    public RdProjectParticipant(Guid projectId, Guid organizationId)
    {
        ProjectId = projectId;
        OrganizationId = organizationId;
    }

    /// <summary>A row of its own, so that joining and leaving a project is audited like any other write.</summary>
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid ProjectId { get; private set; }

    public Guid OrganizationId { get; private set; }
}

/// <summary>知识产权: a patent, copyright or layout design, owned by members in shares that total 100 %.</summary>
public sealed class IpRecord : LedgerRecord
{
    private readonly List<IpCoOwner> _coOwners = [];

    private IpRecord()
    {
    }

    public IpKind Kind { get; private set; }

    /// <summary>The canonical number (申请号/登记号), unique within a center.</summary>
    public string Number { get; private set; } = string.Empty;

    public string Title { get; private set; } = string.Empty;

    /// <summary>申请日 (for copyrights and layouts: 登记日).</summary>
    public DateOnly FilingDate { get; private set; }

    /// <summary>授权日</summary>
    public DateOnly? GrantDate { get; private set; }

    public IReadOnlyList<IpCoOwner> CoOwners => _coOwners;

    public static IpRecord Create(Guid centerId, IpDetails d, DateTimeOffset now)
    {
        var ip = new IpRecord();
        ip.Created(centerId, now);
        ip.Apply(d, now);
        return ip;
    }

    public void Apply(IpDetails d, DateTimeOffset now)
    {
        if (!Centers.Shares.TotalsWhole(d.CoOwners.Select(c => c.SharePercent)))
        {
            throw new InvalidOperationException("Co-owner shares must total 100 %.");
        }

        Kind = d.Kind;
        Number = d.Number;
        Title = d.Title;
        FilingDate = d.FilingDate;
        GrantDate = d.GrantDate;
        Year = d.FilingDate.Year;
        // Kept rows are updated in place: an owner row is identified by (record, organisation).
        _coOwners.RemoveAll(x => d.CoOwners.All(c => c.OrganizationId != x.OrganizationId));
        foreach (var c in d.CoOwners)
        {
            var existing = _coOwners.FirstOrDefault(x => x.OrganizationId == c.OrganizationId);
            if (existing is null)
            {
                _coOwners.Add(new IpCoOwner(Id, c.OrganizationId, c.SharePercent));
            }
            else
            {
                existing.SharePercent = c.SharePercent;
            }
        }
        UpdatedAt = now;
    }

    /// <summary>The rules between kind and dates.</summary>
    public static IEnumerable<Common.Error> Check(IpKind kind, DateOnly filingDate, DateOnly? grantDate)
    {
        if (kind == IpKind.InventionGrant && grantDate is null)
        {
            yield return new Common.Error("ledger.grant_date_required", "grantDate");
        }

        if (kind is IpKind.InventionApplication or IpKind.Pct && grantDate is not null)
        {
            yield return new Common.Error("ledger.grant_date_not_for_kind", "grantDate");
        }

        if (grantDate is { } g && g < filingDate)
        {
            yield return new Common.Error("ledger.grant_before_filing", "grantDate");
        }
    }
}

public sealed record IpDetails(IpKind Kind, string Number, string Title, DateOnly FilingDate, DateOnly? GrantDate, IReadOnlyList<ShareOf> CoOwners);

/// <summary>An organisation's percent share.</summary>
public sealed record ShareOf(Guid OrganizationId, decimal SharePercent);

/// <summary>A co-owner (共有人) of an IP record and its share; a change of share is audited, as it decides the revenue split.</summary>
public sealed class IpCoOwner : Common.IAudited
{
    private IpCoOwner()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public IpCoOwner(Guid ipRecordId, Guid organizationId, decimal sharePercent)
    {
        IpRecordId = ipRecordId;
        OrganizationId = organizationId;
        SharePercent = sharePercent;
    }

    public Guid IpRecordId { get; private set; }

    public Guid OrganizationId { get; private set; }

    public decimal SharePercent { get; internal set; }
}

/// <summary>成果转化: a licence, assignment, equity contribution or technical service with a counterparty.</summary>
public sealed class TransferDeal : LedgerRecord
{
    private readonly List<DealIp> _ips = [];

    private TransferDeal()
    {
    }

    public DealKind Kind { get; private set; }

    public string Title { get; private set; } = string.Empty;

    /// <summary>
    /// 合同编号: what identifies a deal within its center, so registering the same contract again (e.g. re-importing an
    /// export) is refused instead of counting the deal twice. Null only on deals registered before it was asked for.
    /// </summary>
    public string? ContractNumber { get; private set; }

    public Guid CounterpartyOrganizationId { get; private set; }

    /// <summary>The counterparty is a small or medium-sized enterprise (中小企业).</summary>
    public bool IsSme { get; private set; }

    /// <summary>首次商业化应用</summary>
    public bool IsFirstCommercial { get; private set; }

    public long ContractValueFen { get; private set; }

    /// <summary>Revenue received so far: the sum of the receipts, kept with them in one transaction.</summary>
    public long RevenueReceivedFen { get; private set; }

    public DateOnly SignedOn { get; private set; }

    public IReadOnlyList<DealIp> Ips => _ips;

    /// <summary>Licences, assignments and equity contributions transfer IP, so they name it; a service may not.</summary>
    public static bool NeedsIp(DealKind kind) => kind != DealKind.TechnicalService;

    public static TransferDeal Create(Guid centerId, DealDetails d, DateTimeOffset now)
    {
        var deal = new TransferDeal();
        deal.Created(centerId, now);
        deal.Apply(d, now);
        return deal;
    }

    public void Apply(DealDetails d, DateTimeOffset now)
    {
        Kind = d.Kind;
        Title = d.Title;
        ContractNumber = d.ContractNumber ?? ContractNumber;
        CounterpartyOrganizationId = d.CounterpartyOrganizationId;
        IsSme = d.IsSme;
        IsFirstCommercial = d.IsFirstCommercial;
        ContractValueFen = d.ContractValueFen;
        SignedOn = d.SignedOn;
        Year = d.SignedOn.Year;
        _ips.RemoveAll(x => !d.IpRecordIds.Contains(x.IpRecordId));
        foreach (var ip in d.IpRecordIds.Where(i => _ips.All(x => x.IpRecordId != i)))
        {
            _ips.Add(new DealIp(Id, ip));
        }

        UpdatedAt = now;
    }

    /// <summary>
    /// Records a receipt and splits it among the co-owners of the deal's IP: each IP weighs the same, and within one IP
    /// each co-owner weighs its share; the parts add up to the receipt to the fen (largest remainder).
    /// </summary>
    public DealReceipt Receive(DateOnly receivedOn, long amountFen, string? note, IReadOnlyList<IReadOnlyList<ShareOf>> coOwnersByIp, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amountFen);
        if (receivedOn < SignedOn)
        {
            throw new InvalidOperationException("A receipt cannot precede its deal.");
        }

        var receipt = DealReceipt.Create(this, receivedOn, amountFen, note, now);
        var weights = coOwnersByIp
            .SelectMany(owners => owners)
            .GroupBy(s => s.OrganizationId)
            .Select(g => (Key: g.Key, Weight: g.Sum(s => Centers.Shares.BasisPoints(s.SharePercent))))
            .OrderBy(w => w.Key)
            .ToList();
        if (weights.Count > 0)
        {
            var totalWeight = weights.Sum(w => w.Weight);
            foreach (var (org, part) in RevenueSplit.Split(amountFen, weights))
            {
                var weight = weights.First(w => w.Key == org).Weight;
                receipt.AddShare(org, part, decimal.Round(weight * 100m / totalWeight, 4));
            }
        }

        RevenueReceivedFen += amountFen;
        UpdatedAt = now;
        return receipt;
    }

    /// <summary>Takes back a receipt recorded in error; its split goes with it.</summary>
    public void Reverse(DealReceipt receipt, DateTimeOffset now)
    {
        if (receipt.DealId != Id)
        {
            throw new InvalidOperationException("The receipt belongs to another deal.");
        }

        RevenueReceivedFen -= receipt.AmountFen;
        UpdatedAt = now;
    }
}

public sealed record DealDetails(
    DealKind Kind, string Title, Guid CounterpartyOrganizationId, bool IsSme, bool IsFirstCommercial, long ContractValueFen,
    DateOnly SignedOn, IReadOnlyList<Guid> IpRecordIds)
{
    /// <summary>合同编号, unique within the center.</summary>
    public string? ContractNumber { get; init; }
}

/// <summary>An IP record a deal transfers; which IP a deal names decides who shares its revenue, so it is audited.</summary>
public sealed class DealIp : Common.IAudited
{
    private DealIp()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public DealIp(Guid dealId, Guid ipRecordId)
    {
        DealId = dealId;
        IpRecordId = ipRecordId;
    }

    public Guid DealId { get; private set; }

    public Guid IpRecordId { get; private set; }
}

/// <summary>到账: money received on a deal, with its split among the co-owners.</summary>
public sealed class DealReceipt : Common.IAudited
{
    private readonly List<RevenueShare> _shares = [];

    private DealReceipt()
    {
    }

    public Guid Id { get; private set; }

    public Guid CenterId { get; private set; }

    public Guid DealId { get; private set; }

    public DateOnly ReceivedOn { get; private set; }

    public int Year { get; private set; }

    public long AmountFen { get; private set; }

    public string? Note { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public IReadOnlyList<RevenueShare> Shares => _shares;

    internal static DealReceipt Create(TransferDeal deal, DateOnly on, long amountFen, string? note, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        CenterId = deal.CenterId,
        DealId = deal.Id,
        ReceivedOn = on,
        Year = on.Year,
        AmountFen = amountFen,
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
        CreatedAt = now,
    };

    internal void AddShare(Guid organizationId, long amountFen, decimal percent) =>
        _shares.Add(new RevenueShare(this, organizationId, amountFen, percent));
}

/// <summary>One co-owner's part of one receipt (收益分配), to the fen.</summary>
public sealed class RevenueShare : Common.IAudited
{
    private RevenueShare()
    {
    }

    internal RevenueShare(DealReceipt receipt, Guid organizationId, long amountFen, decimal percent)
    {
        Id = Guid.CreateVersion7();
        ReceiptId = receipt.Id;
        DealId = receipt.DealId;
        CenterId = receipt.CenterId;
        OrganizationId = organizationId;
        ReceivedOn = receipt.ReceivedOn;
        Year = receipt.Year;
        AmountFen = amountFen;
        SharePercent = percent;
    }

    public Guid Id { get; private set; }

    public Guid ReceiptId { get; private set; }

    public Guid DealId { get; private set; }

    public Guid CenterId { get; private set; }

    public Guid OrganizationId { get; private set; }

    public DateOnly ReceivedOn { get; private set; }

    public int Year { get; private set; }

    public long AmountFen { get; private set; }

    /// <summary>The co-owner's weight in the split, in percent (four decimals, for the statement).</summary>
    public decimal SharePercent { get; private set; }
}

/// <summary>标准: taking part in or leading a standard at some level, at some stage.</summary>
public sealed class StandardRecord : LedgerRecord
{
    private StandardRecord()
    {
    }

    public string Title { get; private set; } = string.Empty;

    /// <summary>标准号, known once approved or published.</summary>
    public string? Number { get; private set; }

    public StandardLevel Level { get; private set; }

    public StandardRole Role { get; private set; }

    public StandardStage Stage { get; private set; }

    /// <summary>The date the standard reached its stage.</summary>
    public DateOnly StageDate { get; private set; }

    public static StandardRecord Create(Guid centerId, StandardDetails d, DateTimeOffset now)
    {
        var s = new StandardRecord();
        s.Created(centerId, now);
        s.Apply(d, now);
        return s;
    }

    public void Apply(StandardDetails d, DateTimeOffset now)
    {
        Title = d.Title;
        Number = d.Number;
        Level = d.Level;
        Role = d.Role;
        Stage = d.Stage;
        StageDate = d.StageDate;
        Year = d.StageDate.Year;
        UpdatedAt = now;
    }
}

public sealed record StandardDetails(string Title, string? Number, StandardLevel Level, StandardRole Role, StandardStage Stage, DateOnly StageDate);

/// <summary>孵化企业</summary>
public sealed class IncubatedEnterprise : LedgerRecord
{
    private IncubatedEnterprise()
    {
    }

    public string Name { get; private set; } = string.Empty;

    public string CreditCode { get; private set; } = string.Empty;

    public DateOnly FoundedOn { get; private set; }

    /// <summary>融资额 in fen.</summary>
    public long MoneyRaisedFen { get; private set; }

    public static IncubatedEnterprise Create(Guid centerId, IncubatedDetails d, DateTimeOffset now)
    {
        var e = new IncubatedEnterprise();
        e.Created(centerId, now);
        e.Apply(d, now);
        return e;
    }

    public void Apply(IncubatedDetails d, DateTimeOffset now)
    {
        Name = d.Name;
        CreditCode = d.CreditCode;
        FoundedOn = d.FoundedOn;
        MoneyRaisedFen = d.MoneyRaisedFen;
        Year = d.FoundedOn.Year;
        UpdatedAt = now;
    }
}

public sealed record IncubatedDetails(string Name, string CreditCode, DateOnly FoundedOn, long MoneyRaisedFen);

/// <summary>人才: people of a category brought in or trained in a year (领军人才, 海外高层次人才, 创新团队…).</summary>
public sealed class TalentRecord : LedgerRecord
{
    private TalentRecord()
    {
    }

    /// <summary>A talent category code of the policy pack.</summary>
    public string Category { get; private set; } = string.Empty;

    public int Headcount { get; private set; }

    /// <summary>Names of the people or of the team, as evidence.</summary>
    public string? Description { get; private set; }

    public static TalentRecord Create(Guid centerId, TalentDetails d, DateTimeOffset now)
    {
        var t = new TalentRecord();
        t.Created(centerId, now);
        t.Apply(d, now);
        return t;
    }

    public void Apply(TalentDetails d, DateTimeOffset now)
    {
        Year = d.Year;
        Category = d.Category;
        Headcount = d.Headcount;
        Description = d.Description;
        UpdatedAt = now;
    }
}

public sealed record TalentDetails(int Year, string Category, int Headcount, string? Description);

/// <summary>人员情况: all staff and R&amp;D staff of a center in a year; one row per year.</summary>
public sealed class StaffYear : LedgerRecord
{
    private StaffYear()
    {
    }

    public int AllStaff { get; private set; }

    public int RdStaff { get; private set; }

    public static StaffYear Create(Guid centerId, StaffDetails d, DateTimeOffset now)
    {
        var s = new StaffYear();
        s.Created(centerId, now);
        s.Apply(d, now);
        return s;
    }

    public void Apply(StaffDetails d, DateTimeOffset now)
    {
        Year = d.Year;
        AllStaff = d.AllStaff;
        RdStaff = d.RdStaff;
        UpdatedAt = now;
    }
}

public sealed record StaffDetails(int Year, int AllStaff, int RdStaff);

/// <summary>培训: a training given, counted in person-times (人次).</summary>
public sealed class TrainingRecord : LedgerRecord
{
    private TrainingRecord()
    {
    }

    public string Title { get; private set; } = string.Empty;

    public DateOnly HeldOn { get; private set; }

    public int PersonTimes { get; private set; }

    public static TrainingRecord Create(Guid centerId, TrainingDetails d, DateTimeOffset now)
    {
        var t = new TrainingRecord();
        t.Created(centerId, now);
        t.Apply(d, now);
        return t;
    }

    public void Apply(TrainingDetails d, DateTimeOffset now)
    {
        Title = d.Title;
        HeldOn = d.HeldOn;
        PersonTimes = d.PersonTimes;
        Year = d.HeldOn.Year;
        UpdatedAt = now;
    }
}

public sealed record TrainingDetails(string Title, DateOnly HeldOn, int PersonTimes);

/// <summary>国际合作: with a partner abroad, in one of the seed's forms.</summary>
public sealed class IntlCooperation : LedgerRecord
{
    private IntlCooperation()
    {
    }

    public string Title { get; private set; } = string.Empty;

    public string Partner { get; private set; } = string.Empty;

    /// <summary>ISO 3166-1 alpha-2 code of the partner's country.</summary>
    public string Country { get; private set; } = string.Empty;

    public CooperationKind Kind { get; private set; }

    public DateOnly StartedOn { get; private set; }

    public static IntlCooperation Create(Guid centerId, IntlDetails d, DateTimeOffset now)
    {
        var c = new IntlCooperation();
        c.Created(centerId, now);
        c.Apply(d, now);
        return c;
    }

    public void Apply(IntlDetails d, DateTimeOffset now)
    {
        Title = d.Title;
        Partner = d.Partner;
        Country = d.Country;
        Kind = d.Kind;
        StartedOn = d.StartedOn;
        Year = d.StartedOn.Year;
        UpdatedAt = now;
    }
}

public sealed record IntlDetails(string Title, string Partner, string Country, CooperationKind Kind, DateOnly StartedOn);

/// <summary>服务中小企业: a service given to an enterprise, of a kind from the policy pack.</summary>
public sealed class SmeService : LedgerRecord
{
    private SmeService()
    {
    }

    public string EnterpriseName { get; private set; } = string.Empty;

    public string? EnterpriseCreditCode { get; private set; }

    /// <summary>Who was served, for counting distinct enterprises: the credit code, else the name.</summary>
    public string EnterpriseKey { get; private set; } = string.Empty;

    /// <summary>A service kind code of the policy pack.</summary>
    public string Kind { get; private set; } = string.Empty;

    public DateOnly ServedOn { get; private set; }

    public string? Description { get; private set; }

    public static SmeService Create(Guid centerId, SmeServiceDetails d, DateTimeOffset now)
    {
        var s = new SmeService();
        s.Created(centerId, now);
        s.Apply(d, now);
        return s;
    }

    public void Apply(SmeServiceDetails d, DateTimeOffset now)
    {
        EnterpriseName = d.EnterpriseName;
        EnterpriseCreditCode = d.EnterpriseCreditCode;
        EnterpriseKey = d.EnterpriseCreditCode ?? d.EnterpriseName;
        Kind = d.Kind;
        ServedOn = d.ServedOn;
        Description = d.Description;
        Year = d.ServedOn.Year;
        UpdatedAt = now;
    }
}

public sealed record SmeServiceDetails(string EnterpriseName, string? EnterpriseCreditCode, string Kind, DateOnly ServedOn, string? Description);
