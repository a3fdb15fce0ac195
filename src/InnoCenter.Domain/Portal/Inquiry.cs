using InnoCenter.Domain.Common;

namespace InnoCenter.Domain.Portal;

/// <summary>
/// A public inquiry (留言咨询): a visitor's question, answered by an Admin by a due date set in working days from the
/// pack; question and answer are published only when the asker agreed to it.
/// </summary>
public sealed class Inquiry : IAudited, IVersioned
{
    private Inquiry()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public string Subject { get; private set; } = string.Empty;

    public string Question { get; private set; } = string.Empty;

    public string AskerName { get; private set; } = string.Empty;

    public string? AskerEmail { get; private set; }

    /// <summary>The asker agreed that question and answer may be shown on the site.</summary>
    public bool ConsentToPublish { get; private set; }

    public DateTimeOffset AskedAt { get; private set; }

    /// <summary>Last working day (Beijing) by which it is answered.</summary>
    public DateOnly DueOn { get; private set; }

    public string? Answer { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    public Guid? AnsweredBy { get; private set; }

    /// <summary>Shown on the public Q&amp;A list: answered, with the asker's consent.</summary>
    public bool IsPublic { get; private set; }

    public int Version { get; set; }

    public bool IsAnswered => AnsweredAt is not null;

    public static Inquiry Ask(string subject, string question, string askerName, string? askerEmail, bool consent, DateOnly dueOn, DateTimeOffset now) => new()
    {
        Subject = subject.Trim(),
        Question = question.Trim(),
        AskerName = askerName.Trim(),
        AskerEmail = string.IsNullOrWhiteSpace(askerEmail) ? null : askerEmail.Trim(),
        ConsentToPublish = consent,
        AskedAt = now,
        DueOn = dueOn,
    };

    public Result<bool> Reply(string? answer, Guid? by, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(answer))
        {
            return Failure.Validation(new Error("validation.required", "answer"));
        }

        if (IsAnswered)
        {
            return Failure.IllegalTransition("portal.inquiry.answered");
        }

        Answer = answer.Trim();
        AnsweredAt = now;
        AnsweredBy = by;
        IsPublic = ConsentToPublish;
        return true;
    }
}
