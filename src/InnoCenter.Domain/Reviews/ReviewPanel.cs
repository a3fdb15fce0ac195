using System.Text.Json;
using InnoCenter.Domain.Common;
using InnoCenter.Domain.Policy;

namespace InnoCenter.Domain.Reviews;

/// <summary>
/// 专家组 for one review subject: its size, the quotas and scoring form in force when it was drawn (kept, so a later
/// policy never rewrites this review), its members, its draws, and the leader's panel opinion (专家组意见).
/// </summary>
public sealed class ReviewPanel : IAudited, IVersioned
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly List<PanelMember> _members = [];
    private readonly List<PanelDrawRecord> _draws = [];

    private ReviewPanel()
    {
    }

    public Guid Id { get; private set; }

    public Guid SubjectId { get; private set; }

    public int Size { get; private set; }

    public string QuotasJson { get; private set; } = "[]";

    public string FormJson { get; private set; } = "{}";

    public string AggregationJson { get; private set; } = "{}";

    public DateTimeOffset CreatedAt { get; private set; }

    public Guid? CreatedBy { get; private set; }

    public string? Opinion { get; private set; }

    public Recommendation? OpinionRecommendation { get; private set; }

    public Guid? OpinionByExpertId { get; private set; }

    public DateTimeOffset? OpinionAt { get; private set; }

    public int Version { get; set; }

    public IReadOnlyList<PanelMember> Members => _members;

    public IReadOnlyList<PanelDrawRecord> Draws => _draws;

    public IEnumerable<PanelMember> ActiveMembers => _members.Where(m => m.IsActive);

    public PanelMember? Leader => _members.FirstOrDefault(m => m.IsLeader && m.IsActive);

    public int Vacancies => Size - ActiveMembers.Count();

    public IReadOnlyList<DomainQuota> Quotas => JsonSerializer.Deserialize<List<DomainQuota>>(QuotasJson, Json) ?? [];

    public ScoringForm Form => JsonSerializer.Deserialize<ScoringForm>(FormJson, Json) ?? new ScoringForm();

    public AggregationRules Aggregation => JsonSerializer.Deserialize<AggregationRules>(AggregationJson, Json) ?? new AggregationRules();

    public static ReviewPanel Create(
        Guid subjectId, int size, IReadOnlyList<DomainQuota> quotas, ScoringForm form, AggregationRules aggregation, Guid? by, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        SubjectId = subjectId,
        Size = size,
        QuotasJson = JsonSerializer.Serialize(quotas, Json),
        FormJson = JsonSerializer.Serialize(form, Json),
        AggregationJson = JsonSerializer.Serialize(aggregation, Json),
        CreatedAt = now,
        CreatedBy = by,
    };

    public PanelMember AddMember(Guid expertId, PanelMemberSource source, Guid? drawId, Guid? replacesMemberId, DateTimeOffset now)
    {
        if (Vacancies <= 0)
        {
            throw new InvalidOperationException("The panel is full.");
        }

        if (_members.Any(m => m.ExpertId == expertId))
        {
            throw new InvalidOperationException("The expert has already been on this panel.");
        }

        var member = PanelMember.Create(Id, expertId, source, drawId, replacesMemberId, now);
        _members.Add(member);
        return member;
    }

    public PanelDrawRecord RecordDraw(PanelDrawRecord draw)
    {
        _draws.Add(draw);
        return draw;
    }

    /// <summary>组长: one active member leads; choosing another moves the role.</summary>
    public void SetLeader(Guid memberId)
    {
        var member = _members.FirstOrDefault(m => m.Id == memberId && m.IsActive)
                     ?? throw new InvalidOperationException("Only an active member can lead the panel.");
        foreach (var m in _members)
        {
            m.IsLeader = m == member;
        }
    }

    public void WriteOpinion(PanelMember leader, string text, Recommendation recommendation, DateTimeOffset now)
    {
        if (!leader.IsLeader || leader.Status != PanelMemberStatus.Accepted || leader.PanelId != Id)
        {
            throw new InvalidOperationException("Only the accepted leader writes the panel opinion.");
        }

        Opinion = text.Trim();
        OpinionRecommendation = recommendation;
        OpinionByExpertId = leader.ExpertId;
        OpinionAt = now;
    }
}

/// <summary>A panel seat held by one expert (评审任务): invited, then accepted or declined, or removed by an Admin.</summary>
public sealed class PanelMember : IAudited, IVersioned
{
    private PanelMember()
    {
    }

    public Guid Id { get; private set; }

    public Guid PanelId { get; private set; }

    public Guid ExpertId { get; private set; }

    public PanelMemberStatus Status { get; private set; }

    public PanelMemberSource Source { get; private set; }

    public Guid? DrawId { get; private set; }

    /// <summary>The member this one replaced, if any.</summary>
    public Guid? ReplacesMemberId { get; private set; }

    public bool IsLeader { get; internal set; }

    public DateTimeOffset InvitedAt { get; private set; }

    public DateTimeOffset? RespondedAt { get; private set; }

    public string? DeclineReason { get; private set; }

    public string? RemovedReason { get; private set; }

    public int Version { get; set; }

    /// <summary>Holds a seat: invited or accepted.</summary>
    public bool IsActive => Status is PanelMemberStatus.Invited or PanelMemberStatus.Accepted;

    internal static PanelMember Create(Guid panelId, Guid expertId, PanelMemberSource source, Guid? drawId, Guid? replaces, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        PanelId = panelId,
        ExpertId = expertId,
        Status = PanelMemberStatus.Invited,
        Source = source,
        DrawId = drawId,
        ReplacesMemberId = replaces,
        InvitedAt = now,
    };

    public void Accept(DateTimeOffset now)
    {
        Require(PanelMemberStatus.Invited);
        Status = PanelMemberStatus.Accepted;
        RespondedAt = now;
    }

    public void Decline(string reason, DateTimeOffset now)
    {
        Require(PanelMemberStatus.Invited);
        Status = PanelMemberStatus.Declined;
        DeclineReason = reason.Trim();
        RespondedAt = now;
        IsLeader = false;
    }

    public void Remove(string reason)
    {
        if (!IsActive)
        {
            throw new InvalidOperationException($"A {Status} member cannot be removed.");
        }

        Status = PanelMemberStatus.Removed;
        RemovedReason = reason.Trim();
        IsLeader = false;
    }

    private void Require(PanelMemberStatus status)
    {
        if (Status != status)
        {
            throw new InvalidOperationException($"Expected {status}, the member is {Status}.");
        }
    }
}

/// <summary>
/// One recorded draw (抽取记录): the seed, the pool version it drew from (<see cref="ExpertPoolSnapshot"/>, shared by
/// the draws that saw the same pool) and its own terms, the SHA-256 of the snapshot they make, how many experts were
/// left out and why, and the experts drawn in order. <see cref="Verify"/> re-runs it.
/// </summary>
public sealed class PanelDrawRecord : IAudited
{
    private PanelDrawRecord()
    {
    }

    public Guid Id { get; private set; }

    public Guid PanelId { get; private set; }

    public PanelDrawKind Kind { get; private set; }

    /// <summary>The 64-bit seed in 16 hex digits, as shown on the page.</summary>
    public string Seed { get; private set; } = string.Empty;

    public string Algorithm { get; private set; } = string.Empty;

    /// <summary>The pool version the draw ran on.</summary>
    public Guid PoolSnapshotId { get; private set; }

    /// <summary>
    /// The <see cref="DrawTerms"/> that make the draw's snapshot from its pool version; null for a draw recorded before
    /// pool versions, whose pool snapshot holds the whole <see cref="DrawSnapshot"/> as it was.
    /// </summary>
    public string? TermsJson { get; private set; }

    /// <summary>SHA-256 of the <see cref="DrawSnapshot"/> the draw ran on (its canonical JSON), as shown on the page.</summary>
    public string SnapshotSha256 { get; private set; } = string.Empty;

    public int EligibleCount { get; private set; }

    public int ExcludedOnPanel { get; private set; }

    public int ExcludedInactive { get; private set; }

    public int ExcludedConflicted { get; private set; }

    public int ExcludedAtLoadCap { get; private set; }

    /// <summary>Ids of the experts drawn, in the order drawn, comma-separated.</summary>
    public string Drawn { get; private set; } = string.Empty;

    /// <summary>For a replacement: the member whose seat was refilled.</summary>
    public Guid? ReplacedMemberId { get; private set; }

    public DateTimeOffset DrawnAt { get; private set; }

    public Guid? DrawnBy { get; private set; }

    public IReadOnlyList<Guid> DrawnIds => ParseDrawn(Drawn);

    /// <summary>The drawn experts' ids as <see cref="Drawn"/> stores them, for reads that project the column alone.</summary>
    public static IReadOnlyList<Guid> ParseDrawn(string drawn) =>
        drawn.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList();

    /// <summary>
    /// Records a draw made on <paramref name="snapshot"/>, which <paramref name="terms"/> rebuild from the pool version
    /// <paramref name="poolSnapshotId"/> (as <see cref="DrawTerms.Split"/> checked).
    /// </summary>
    public static PanelDrawRecord Create(
        Guid panelId, PanelDrawKind kind, ulong seed, DrawSnapshot snapshot, Guid poolSnapshotId, DrawTerms terms, DrawExclusions excluded,
        IReadOnlyList<Guid> drawn, Guid? replacedMemberId, Guid? by, DateTimeOffset now)
    {
        return new PanelDrawRecord
        {
            Id = Guid.CreateVersion7(),
            PanelId = panelId,
            Kind = kind,
            Seed = SplitMix64.Format(seed),
            Algorithm = snapshot.Algorithm,
            PoolSnapshotId = poolSnapshotId,
            TermsJson = terms.ToJson(),
            SnapshotSha256 = DrawSnapshot.Sha256Of(snapshot.ToJson()),
            EligibleCount = snapshot.Eligible.Count,
            ExcludedOnPanel = excluded.AlreadyOnPanel,
            ExcludedInactive = excluded.Inactive,
            ExcludedConflicted = excluded.Conflicted,
            ExcludedAtLoadCap = excluded.AtLoadCap,
            Drawn = string.Join(',', drawn),
            ReplacedMemberId = replacedMemberId,
            DrawnAt = now,
            DrawnBy = by,
        };
    }

    /// <summary>
    /// Re-runs the draw from the stored seed and its pool version: the pool version must be unaltered, rebuild (with the
    /// draw's terms) the snapshot whose SHA-256 was recorded, and give the same experts in the same order. The pool version
    /// is immutable, so this holds however the experts have changed since.
    /// </summary>
    public DrawVerification Verify(ExpertPoolSnapshot pool)
    {
        if (pool.Id != PoolSnapshotId)
        {
            throw new ArgumentException("The draw ran on another pool version.", nameof(pool));
        }

        // A draw from before pool versions hashed the stored snapshot text itself, so that text is what is checked.
        var snapshot = TermsJson is null
            ? DrawSnapshot.FromJson(pool.Content)
            : DrawTerms.FromJson(TermsJson).Apply(DrawPool.FromJson(pool.Content));
        var snapshotSha256 = TermsJson is null ? DrawSnapshot.Sha256Of(pool.Content) : DrawSnapshot.Sha256Of(snapshot.ToJson());
        var intact = pool.Intact && snapshotSha256 == SnapshotSha256;
        if (!SplitMix64.TryParse(Seed, out var seed))
        {
            return new DrawVerification(false, intact, []);
        }

        var rerun = PanelDrawing.Run(snapshot, seed);
        var same = rerun.Succeeded && rerun.Drawn.SequenceEqual(DrawnIds);
        return new DrawVerification(same && intact, intact, rerun.Drawn);
    }
}

public sealed record DrawVerification(bool Matches, bool SnapshotIntact, IReadOnlyList<Guid> Rerun);
