using InnoCenter.Domain.Common;

namespace InnoCenter.Domain.Reviews;

/// <summary>
/// 评审对象: what a panel reviews — an application or a center's annual report — with the credit codes of its parties
/// (the lead and every consortium member), on which conflicts of interest are judged.
/// </summary>
public sealed class ReviewSubject : IAudited
{
    private readonly List<ReviewSubjectParty> _parties = [];

    private ReviewSubject()
    {
    }

    public Guid Id { get; private set; }

    public ReviewSubjectKind Kind { get; private set; }

    /// <summary>The application's or annual report's id; unique with <see cref="Kind"/>.</summary>
    public Guid ReferenceId { get; private set; }

    public string Title { get; private set; } = string.Empty;

    /// <summary>Policy key-area code (重点领域), if the subject has one.</summary>
    public string? KeyArea { get; private set; }

    /// <summary>The review year; an expert's yearly load cap counts panels of the same year.</summary>
    public int Year { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyList<ReviewSubjectParty> Parties => _parties;

    public IReadOnlyList<string> PartyCreditCodes => _parties.Select(p => p.CreditCode).ToList();

    public static ReviewSubject Create(
        ReviewSubjectKind kind, Guid referenceId, string title, string? keyArea, int year, IEnumerable<string> partyCreditCodes, DateTimeOffset now)
    {
        var subject = new ReviewSubject { Id = Guid.CreateVersion7(), Kind = kind, ReferenceId = referenceId, CreatedAt = now };
        subject.Refresh(title, keyArea, year, partyCreditCodes, now);
        return subject;
    }

    /// <summary>Takes the caller's current title, key area, year and parties; parties that did not change keep their rows.</summary>
    public void Refresh(string title, string? keyArea, int year, IEnumerable<string> partyCreditCodes, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new ArgumentException("A review subject needs a title.", nameof(title));
        }

        Title = title.Trim();
        KeyArea = string.IsNullOrWhiteSpace(keyArea) ? null : keyArea.Trim();
        Year = year;
        UpdatedAt = now;
        var wanted = partyCreditCodes.Distinct(StringComparer.Ordinal).ToList();
        _parties.RemoveAll(p => !wanted.Contains(p.CreditCode));
        foreach (var code in wanted.Where(c => _parties.All(p => p.CreditCode != c)))
        {
            _parties.Add(new ReviewSubjectParty(Id, code));
        }
    }
}

/// <summary>One party (lead or consortium member) of a review subject, by credit code.</summary>
public sealed class ReviewSubjectParty : IAudited
{
    private ReviewSubjectParty()
    {
    }

    internal ReviewSubjectParty(Guid subjectId, string creditCode)
    {
        Id = Guid.CreateVersion7();
        SubjectId = subjectId;
        CreditCode = creditCode;
    }

    public Guid Id { get; private set; }

    public Guid SubjectId { get; private set; }

    public string CreditCode { get; private set; } = string.Empty;
}
