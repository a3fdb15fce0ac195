using InnoCenter.Domain.Common;

namespace InnoCenter.Domain.Funds;

public enum TrancheStatus
{
    Planned,
    Released,
}

/// <summary>Why a tranche may not be released now; the grant page shows each.</summary>
public sealed record TrancheHold(string Code, params object[] Args);

/// <summary>
/// 拨付批次: a planned disbursement of the grant's main source. Releasing it records the money as received; a second
/// Admin releases it (never the one who planned it), and only when no hold applies.
/// </summary>
public sealed class Tranche : IAudited, IVersioned
{
    private Tranche()
    {
    }

    public Guid Id { get; private set; }

    public Guid GrantId { get; private set; }

    public int Sequence { get; private set; }

    public decimal Amount { get; private set; }

    public long AmountFen { get; private set; }

    public DateOnly PlannedOn { get; private set; }

    /// <summary>清算/尾款: released only once acceptance evidence is on file.</summary>
    public bool IsFinal { get; private set; }

    public TrancheStatus Status { get; private set; }

    public Guid PlannedBy { get; private set; }

    public DateTimeOffset PlannedAt { get; private set; }

    public DateOnly? ReleasedOn { get; private set; }

    public Guid? ReleasedBy { get; private set; }

    public DateTimeOffset? ReleasedAt { get; private set; }

    public int Version { get; set; }

    /// <summary>
    /// Plans a tranche. The planned tranches together never exceed the grant's share of its main source
    /// (<paramref name="sourceFen"/>), counting those already planned (<paramref name="plannedFen"/>).
    /// </summary>
    public static Result<Tranche> Plan(
        Grant grant, int sequence, decimal? amount, DateOnly? plannedOn, bool isFinal, long sourceFen, long plannedFen, Guid by, DateTimeOffset now)
    {
        if (grant.Status is not (GrantStatus.Approved or GrantStatus.InExecution))
        {
            return Failure.IllegalTransition("funds.grant_not_running", grant.Status.ToString());
        }

        var errors = new List<Error>();
        var fen = FundMoney.PositiveFen(amount, "amount", errors);
        if (fen is not null && plannedFen + fen > sourceFen)
        {
            errors.Add(new Error("funds.tranches_exceed_source", "amount", FundMoney.Yuan(sourceFen - plannedFen)));
        }

        if (plannedOn is null)
        {
            errors.Add(new Error("validation.required", "plannedOn"));
        }
        else if (plannedOn < grant.PeriodFrom || plannedOn > grant.PeriodTo)
        {
            errors.Add(new Error("funds.outside_period", "plannedOn", grant.PeriodFrom.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), grant.PeriodTo.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (errors.Count > 0)
        {
            return Failure.Validation(errors);
        }

        return new Tranche
        {
            Id = Guid.CreateVersion7(),
            GrantId = grant.Id,
            Sequence = sequence,
            AmountFen = fen!.Value,
            Amount = FundMoney.Yuan(fen.Value),
            PlannedOn = plannedOn!.Value,
            IsFinal = isFinal,
            Status = TrancheStatus.Planned,
            PlannedBy = by,
            PlannedAt = now,
        };
    }

    /// <summary>拨付: four eyes, and refused with every hold named while any applies.</summary>
    public Result<FundReceipt> Release(Grant grant, IReadOnlyList<TrancheHold> holds, DateOnly on, Guid by, DateTimeOffset now)
    {
        if (Status != TrancheStatus.Planned)
        {
            return Failure.IllegalTransition("funds.tranche_released");
        }

        if (grant.Status != GrantStatus.InExecution)
        {
            return Failure.IllegalTransition("funds.grant_not_running", grant.Status.ToString());
        }

        if (by == PlannedBy)
        {
            return Failure.Forbidden("funds.four_eyes");
        }

        if (holds.Count > 0)
        {
            return new Failure(FailureKind.Conflict, holds.Select(h => new Error(h.Code, null, h.Args)).ToList());
        }

        Status = TrancheStatus.Released;
        ReleasedOn = on;
        ReleasedBy = by;
        ReleasedAt = now;
        return FundReceipt.ForTranche(grant, this, on, by, now);
    }
}

/// <summary>
/// 到位资金: money that arrived for a grant from one source — a released tranche of the main source, or 配套/自筹 money
/// recorded with its date and evidence — so that the matching ratio is computed, not ticked.
/// </summary>
public sealed class FundReceipt : IAudited
{
    private FundReceipt()
    {
    }

    public Guid Id { get; private set; }

    public Guid GrantId { get; private set; }

    public Guid CenterId { get; private set; }

    public string Source { get; private set; } = string.Empty;

    public decimal Amount { get; private set; }

    public long AmountFen { get; private set; }

    public DateOnly ReceivedOn { get; private set; }

    public Guid? TrancheId { get; private set; }

    public string? Note { get; private set; }

    public Guid RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    internal static FundReceipt ForTranche(Grant grant, Tranche tranche, DateOnly on, Guid by, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(), GrantId = grant.Id, CenterId = grant.CenterId, Source = grant.Source,
        AmountFen = tranche.AmountFen, Amount = tranche.Amount, ReceivedOn = on, TrancheId = tranche.Id, RecordedBy = by, RecordedAt = now,
    };

    /// <summary>配套/自筹 money arrived: never the main source (that arrives by tranches), within the grant's period.</summary>
    public static Result<FundReceipt> Record(Grant grant, string? source, decimal? amount, DateOnly? on, string? note, Guid by, DateTimeOffset now)
    {
        if (grant.Status is not (GrantStatus.Approved or GrantStatus.InExecution))
        {
            return Failure.IllegalTransition("funds.grant_not_running", grant.Status.ToString());
        }

        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(source))
        {
            errors.Add(new Error("validation.required", "source"));
        }
        else if (source == grant.Source)
        {
            errors.Add(new Error("funds.receipt_main_source", "source"));
        }
        else if (grant.Lines.SelectMany(l => l.Shares).All(s => s.Source != source))
        {
            errors.Add(new Error("funds.receipt_source_unplanned", "source", source));
        }

        var fen = FundMoney.PositiveFen(amount, "amount", errors);
        if (on is null)
        {
            errors.Add(new Error("validation.required", "receivedOn"));
        }
        else if (on < grant.PeriodFrom || on > grant.PeriodTo)
        {
            errors.Add(new Error("funds.outside_period", "receivedOn", grant.PeriodFrom.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), grant.PeriodTo.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        }

        Checks.MaxLength(note, FieldLengths.Reason, "note", errors);
        if (errors.Count > 0)
        {
            return Failure.Validation(errors);
        }

        return new FundReceipt
        {
            Id = Guid.CreateVersion7(), GrantId = grant.Id, CenterId = grant.CenterId, Source = source!, AmountFen = fen!.Value,
            Amount = FundMoney.Yuan(fen.Value), ReceivedOn = on!.Value, Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
            RecordedBy = by, RecordedAt = now,
        };
    }
}

/// <summary>收回/清退: money the commission takes back; open until the Admin records it as returned.</summary>
public sealed class Clawback : IAudited, IVersioned
{
    private Clawback()
    {
    }

    public Guid Id { get; private set; }

    public Guid GrantId { get; private set; }

    public decimal Amount { get; private set; }

    public long AmountFen { get; private set; }

    public string Reason { get; private set; } = string.Empty;

    public Guid RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public DateOnly? SettledOn { get; private set; }

    public Guid? SettledBy { get; private set; }

    public bool IsOpen => SettledOn is null;

    public int Version { get; set; }

    /// <summary>Never more than the money received and not spent (<paramref name="balanceFen"/>).</summary>
    public static Result<Clawback> Record(Grant grant, decimal? amount, string? reason, long balanceFen, Guid by, DateTimeOffset now)
    {
        if (grant.Status == GrantStatus.Draft)
        {
            return Failure.IllegalTransition("funds.grant_not_running", grant.Status.ToString());
        }

        var errors = new List<Error>();
        var fen = FundMoney.PositiveFen(amount, "amount", errors);
        if (fen is not null && fen > balanceFen)
        {
            errors.Add(new Error("funds.clawback_over_balance", "amount", FundMoney.Yuan(balanceFen)));
        }

        Checks.Required(reason, FieldLengths.Reason, "reason", errors);
        if (errors.Count > 0)
        {
            return Failure.Validation(errors);
        }

        return new Clawback
        {
            Id = Guid.CreateVersion7(), GrantId = grant.Id, AmountFen = fen!.Value, Amount = FundMoney.Yuan(fen.Value),
            Reason = reason!.Trim(), RecordedBy = by, RecordedAt = now,
        };
    }

    public Result<bool> Settle(DateOnly on, Guid by)
    {
        if (!IsOpen)
        {
            return Failure.IllegalTransition("funds.clawback_settled");
        }

        SettledOn = on;
        SettledBy = by;
        return true;
    }
}
