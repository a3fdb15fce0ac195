using System.Text.Json;
using InnoCenter.Domain.Common;

namespace InnoCenter.Domain.Reviews;

public enum AffiliationChangeStatus
{
    /// <summary>待确认</summary>
    Pending,

    /// <summary>已确认 and applied to the expert.</summary>
    Confirmed,

    /// <summary>已退回, with the Admin's reason.</summary>
    Refused,
}

/// <summary>
/// A change an expert asks for to their own employer or past employers (工作单位变更). It has no effect until an Admin
/// confirms it — otherwise an expert could remove the very affiliation that keeps them off a panel — and confirming it
/// changes the expert's record only: panels already drawn keep their members.
/// </summary>
public sealed class ExpertAffiliationChange : IAudited, IVersioned
{
    private ExpertAffiliationChange()
    {
    }

    public Guid Id { get; private set; }

    public Guid ExpertId { get; private set; }

    public string CreditCode { get; private set; } = string.Empty;

    public string OrganizationName { get; private set; } = string.Empty;

    public DateOnly? AffiliatedSince { get; private set; }

    /// <summary>The asked-for list of past employers, as JSON (a request, not a record the conflict rule reads).</summary>
    public string PastJson { get; private set; } = "[]";

    public string? Note { get; private set; }

    public AffiliationChangeStatus Status { get; private set; }

    public Guid? RequestedBy { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    public Guid? DecidedBy { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? DecisionReason { get; private set; }

    public int Version { get; set; }

    public IReadOnlyList<AffiliationPeriod> Past => JsonSerializer.Deserialize<List<AffiliationPeriod>>(PastJson) ?? [];

    public static ExpertAffiliationChange Create(
        Guid expertId, string creditCode, string organizationName, DateOnly? since, IReadOnlyList<AffiliationPeriod> past, string? note, Guid? by, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        ExpertId = expertId,
        CreditCode = creditCode,
        OrganizationName = organizationName.Trim(),
        AffiliatedSince = since,
        PastJson = JsonSerializer.Serialize(past),
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
        Status = AffiliationChangeStatus.Pending,
        RequestedBy = by,
        RequestedAt = now,
    };

    /// <summary>Applies the change to the expert (the old employer moves into the history, as an Admin's edit does).</summary>
    public Result<bool> Confirm(Expert expert, string? reason, Guid? by, DateOnly today, DateTimeOffset now)
    {
        if (Status != AffiliationChangeStatus.Pending)
        {
            return Failure.IllegalTransition("experts.change.not_pending");
        }

        if (expert.Id != ExpertId)
        {
            throw new InvalidOperationException("The change belongs to another expert.");
        }

        expert.ChangeAffiliations(CreditCode, OrganizationName, AffiliatedSince, Past, today, now);
        Decide(AffiliationChangeStatus.Confirmed, reason, by, now);
        return true;
    }

    public Result<bool> Refuse(string reason, Guid? by, DateTimeOffset now)
    {
        if (Status != AffiliationChangeStatus.Pending)
        {
            return Failure.IllegalTransition("experts.change.not_pending");
        }

        Decide(AffiliationChangeStatus.Refused, reason, by, now);
        return true;
    }

    private void Decide(AffiliationChangeStatus status, string? reason, Guid? by, DateTimeOffset now)
    {
        Status = status;
        DecisionReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        DecidedBy = by;
        DecidedAt = now;
    }
}
