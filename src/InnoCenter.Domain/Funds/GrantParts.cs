using InnoCenter.Domain.Common;

namespace InnoCenter.Domain.Funds;

/// <summary>Where a grant stands: 草稿 → 已批准 → 执行中 → 已验收 / 已终止.</summary>
public enum GrantStatus
{
    Draft,
    Approved,
    InExecution,
    Accepted,
    Terminated,
}

/// <summary>预算明细: the amount a grant assigns to one support category, split by source.</summary>
public sealed class GrantLine : IAudited
{
    private readonly List<GrantLineShare> _shares = [];

    private GrantLine()
    {
    }

    public Guid Id { get; private set; }

    public Guid GrantId { get; private set; }

    /// <summary>Code of the pack's <c>funds.categories</c>.</summary>
    public string Category { get; private set; } = string.Empty;

    public decimal Amount { get; private set; }

    public long AmountFen { get; private set; }

    public IReadOnlyList<GrantLineShare> Shares => _shares;

    internal static GrantLine Create(Guid grantId, string category, IReadOnlyList<(string Source, long Fen)> shares)
    {
        var line = new GrantLine { Id = Guid.CreateVersion7(), GrantId = grantId, Category = category };
        foreach (var (source, fen) in shares)
        {
            line._shares.Add(new GrantLineShare(line.Id, grantId, source, fen));
        }

        line.SetFen(shares.Sum(s => s.Fen));
        return line;
    }

    /// <summary>Moves money in or out of the line (调剂); the shares follow in proportion, the largest share taking the rounding.</summary>
    internal void Shift(long deltaFen)
    {
        var total = AmountFen;
        var newTotal = total + deltaFen;
        long given = 0;
        var ordered = _shares.OrderByDescending(s => s.AmountFen).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            var fen = total == 0 ? 0 : (long)Math.Round((decimal)ordered[i].AmountFen * newTotal / total, MidpointRounding.AwayFromZero);
            ordered[i].SetFen(fen);
            given += fen;
        }

        if (ordered.Count > 0)
        {
            ordered[0].SetFen(newTotal - given);
        }

        SetFen(newTotal);
    }

    private void SetFen(long fen)
    {
        AmountFen = fen;
        Amount = FundMoney.Yuan(fen);
    }
}

/// <summary>One source's part of a budget line (e.g. 市级 60 %, 区级配套 40 %).</summary>
public sealed class GrantLineShare : IAudited
{
    private GrantLineShare()
    {
    }

    internal GrantLineShare(Guid lineId, Guid grantId, string source, long fen)
    {
        Id = Guid.CreateVersion7();
        LineId = lineId;
        GrantId = grantId;
        Source = source;
        SetFen(fen);
    }

    public Guid Id { get; private set; }

    public Guid LineId { get; private set; }

    public Guid GrantId { get; private set; }

    /// <summary>Code of the pack's <c>funds.sources</c>.</summary>
    public string Source { get; private set; } = string.Empty;

    public decimal Amount { get; private set; }

    public long AmountFen { get; private set; }

    internal void SetFen(long fen)
    {
        AmountFen = fen;
        Amount = FundMoney.Yuan(fen);
    }
}

/// <summary>绩效目标: an assessment indicator of the pack with the value the grant aims at.</summary>
public sealed class GrantTarget : IAudited
{
    private GrantTarget()
    {
    }

    internal GrantTarget(Guid grantId, string indicator, decimal value)
    {
        Id = Guid.CreateVersion7();
        GrantId = grantId;
        Indicator = indicator;
        TargetValue = value;
    }

    public Guid Id { get; private set; }

    public Guid GrantId { get; private set; }

    public string Indicator { get; private set; } = string.Empty;

    public decimal TargetValue { get; private set; }

    /// <summary>实际完成值 the center reports in its self-evaluation (绩效自评).</summary>
    public decimal? ActualValue { get; private set; }

    public string? Comment { get; private set; }

    /// <summary>The Admin's verdict on this target (pack <c>funds.verdicts</c>).</summary>
    public string? Verdict { get; private set; }

    internal void Report(decimal actual, string? comment)
    {
        ActualValue = actual;
        Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
    }

    internal void Judge(string verdict) => Verdict = verdict;
}

/// <summary>One step of a grant's life, with who took it and why: the history the grant page shows.</summary>
public sealed class GrantEvent : IAudited
{
    private GrantEvent()
    {
    }

    internal GrantEvent(Guid grantId, GrantStatus? from, GrantStatus to, string? reason, Guid by, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        GrantId = grantId;
        From = from;
        To = to;
        Reason = reason;
        By = by;
        At = at;
    }

    public Guid Id { get; private set; }

    public Guid GrantId { get; private set; }

    public GrantStatus? From { get; private set; }

    public GrantStatus To { get; private set; }

    public string? Reason { get; private set; }

    public Guid By { get; private set; }

    public DateTimeOffset At { get; private set; }
}

public enum GrantChangeKind
{
    /// <summary>调剂: money moved between two budget lines.</summary>
    Adjustment,

    /// <summary>延期: the execution period's end moved later.</summary>
    Extension,
}

public enum ChangeStatus
{
    Pending,
    Approved,
    Rejected,
}

/// <summary>A requested 调剂 or 延期; it changes the grant only once a second Admin approves it.</summary>
public sealed class GrantChange : IAudited
{
    private GrantChange()
    {
    }

    internal static GrantChange Adjust(Guid grantId, Guid fromLine, Guid toLine, long fen, string reason, Guid by, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(), GrantId = grantId, Kind = GrantChangeKind.Adjustment, FromLineId = fromLine, ToLineId = toLine,
        AmountFen = fen, Amount = FundMoney.Yuan(fen), Reason = reason, RequestedBy = by, RequestedAt = now,
    };

    internal static GrantChange Extend(Guid grantId, DateOnly oldEnd, DateOnly newEnd, string reason, Guid by, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(), GrantId = grantId, Kind = GrantChangeKind.Extension, OldPeriodTo = oldEnd, NewPeriodTo = newEnd,
        Reason = reason, RequestedBy = by, RequestedAt = now,
    };

    public Guid Id { get; private set; }

    public Guid GrantId { get; private set; }

    public GrantChangeKind Kind { get; private set; }

    public ChangeStatus Status { get; private set; }

    public Guid? FromLineId { get; private set; }

    public Guid? ToLineId { get; private set; }

    public decimal? Amount { get; private set; }

    public long? AmountFen { get; private set; }

    public DateOnly? OldPeriodTo { get; private set; }

    public DateOnly? NewPeriodTo { get; private set; }

    public string Reason { get; private set; } = string.Empty;

    public Guid RequestedBy { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    public Guid? DecidedBy { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? DecisionReason { get; private set; }

    internal void Decide(bool approve, string reason, Guid by, DateTimeOffset now)
    {
        Status = approve ? ChangeStatus.Approved : ChangeStatus.Rejected;
        DecisionReason = reason;
        DecidedBy = by;
        DecidedAt = now;
    }
}
