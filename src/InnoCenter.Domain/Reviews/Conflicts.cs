using InnoCenter.Domain.Common;

namespace InnoCenter.Domain.Reviews;

/// <summary>Why an expert was found in conflict with a subject.</summary>
public enum ConflictFindingKind
{
    /// <summary>The expert works for a party of the subject now.</summary>
    CurrentAffiliation,

    /// <summary>The expert worked for a party within the policy's look-back window.</summary>
    PastAffiliation,
}

/// <summary>A conflict the rule detected; an Admin may dismiss it (by credit code) with a reason.</summary>
public sealed record ConflictFinding(ConflictFindingKind Kind, string CreditCode, string OrganizationName, DateOnly? EndedOn);

/// <summary>The verdict for one expert and one subject.</summary>
public sealed record ConflictVerdict(
    Guid ExpertId,
    IReadOnlyList<ConflictFinding> Detected,
    IReadOnlyList<ConflictFinding> Dismissed,
    bool Declared)
{
    public bool InConflict => Declared || Detected.Count > Dismissed.Count;

    public IEnumerable<ConflictFinding> Standing => Detected.Where(d => !Dismissed.Contains(d));
}

/// <summary>
/// 回避规则, keyed on organisation identity (the credit code): an expert is in conflict with a subject when their current
/// employer, or one they left within the last N years, is the lead or any member of the subject's consortium; or when
/// a conflict was declared. A detected conflict an Admin dismissed (a false positive) no longer counts; a declared one
/// always does.
/// </summary>
public static class ConflictRules
{
    public static IReadOnlyList<ConflictFinding> Detect(
        ExpertAffiliations expert, IReadOnlyCollection<string> partyCreditCodes, DateOnly today, int lookbackYears)
    {
        var parties = partyCreditCodes as IReadOnlySet<string> ?? partyCreditCodes.ToHashSet(StringComparer.Ordinal);
        var findings = new List<ConflictFinding>();
        if (parties.Contains(expert.CurrentCreditCode))
        {
            findings.Add(new ConflictFinding(ConflictFindingKind.CurrentAffiliation, expert.CurrentCreditCode, expert.CurrentName, null));
        }

        var cutoff = today.AddYears(-lookbackYears);
        foreach (var past in expert.Past.Where(p => parties.Contains(p.CreditCode) && p.EndedOn >= cutoff).OrderByDescending(p => p.EndedOn))
        {
            findings.Add(new ConflictFinding(ConflictFindingKind.PastAffiliation, past.CreditCode, past.OrganizationName, past.EndedOn));
        }

        return findings;
    }

    public static ConflictVerdict Judge(
        ExpertAffiliations expert,
        IReadOnlyCollection<string> partyCreditCodes,
        DateOnly today,
        int lookbackYears,
        bool declared,
        IReadOnlyCollection<string> dismissedCreditCodes)
    {
        var detected = Detect(expert, partyCreditCodes, today, lookbackYears);
        var dismissed = detected.Where(d => dismissedCreditCodes.Contains(d.CreditCode)).ToList();
        return new ConflictVerdict(expert.ExpertId, detected, dismissed, declared);
    }
}

/// <summary>A conflict declared by the expert or by an Admin (利益冲突申报), with the reason. It cannot be dismissed.</summary>
public sealed class ConflictDeclaration : IAudited
{
    private ConflictDeclaration()
    {
    }

    public Guid Id { get; private set; }

    public Guid SubjectId { get; private set; }

    public Guid ExpertId { get; private set; }

    public string Reason { get; private set; } = string.Empty;

    /// <summary>True when an Admin declared it on the expert's behalf.</summary>
    public bool ByAdmin { get; private set; }

    public Guid? DeclaredBy { get; private set; }

    public DateTimeOffset DeclaredAt { get; private set; }

    public static ConflictDeclaration Create(Guid subjectId, Guid expertId, string reason, bool byAdmin, Guid? by, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        SubjectId = subjectId,
        ExpertId = expertId,
        Reason = reason.Trim(),
        ByAdmin = byAdmin,
        DeclaredBy = by,
        DeclaredAt = now,
    };
}

/// <summary>An Admin's dismissal of a detected conflict (a false positive), with the reason; it goes into the audit log.</summary>
public sealed class ConflictDismissal : IAudited
{
    private ConflictDismissal()
    {
    }

    public Guid Id { get; private set; }

    public Guid SubjectId { get; private set; }

    public Guid ExpertId { get; private set; }

    /// <summary>The organisation whose link is dismissed; a link to another party still counts.</summary>
    public string CreditCode { get; private set; } = string.Empty;

    public string Reason { get; private set; } = string.Empty;

    public Guid? DismissedBy { get; private set; }

    public DateTimeOffset DismissedAt { get; private set; }

    public static ConflictDismissal Create(Guid subjectId, Guid expertId, string creditCode, string reason, Guid? by, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        SubjectId = subjectId,
        ExpertId = expertId,
        CreditCode = creditCode,
        Reason = reason.Trim(),
        DismissedBy = by,
        DismissedAt = now,
    };
}
