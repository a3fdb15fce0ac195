using InnoCenter.Domain.Common;

namespace InnoCenter.Domain.Funds;

/// <summary>
/// 预警记录: a warning the daily sweep found, kept while it lasts and marked resolved when the figures no longer raise
/// it, so that an Admin's follow-up note (跟进情况) stays with it. Its wording is kept in both languages, as the sweep runs
/// without a reader.
/// </summary>
public sealed class FundWarningRecord : IAudited, IVersioned
{
    private FundWarningRecord()
    {
    }

    public Guid Id { get; private set; }

    public Guid GrantId { get; private set; }

    public Guid CenterId { get; private set; }

    /// <summary>overspent, near-limit, idle, low-execution, matching, carry-over.</summary>
    public string Kind { get; private set; } = string.Empty;

    /// <summary>The line's category or the source it concerns, where the warning has one.</summary>
    public string? SubjectZh { get; private set; }

    public string? SubjectEn { get; private set; }

    public decimal? Figure { get; private set; }

    public string MessageZh { get; private set; } = string.Empty;

    public string MessageEn { get; private set; } = string.Empty;

    public DateTimeOffset RaisedAt { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public string? FollowUp { get; private set; }

    public Guid? FollowUpBy { get; private set; }

    public DateTimeOffset? FollowUpAt { get; private set; }

    public int Version { get; set; }

    public bool IsOpen => ResolvedAt is null;

    public static FundWarningRecord Raise(
        Guid grantId, Guid centerId, string kind, string? subjectZh, string? subjectEn, decimal? figure, string messageZh, string messageEn, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        GrantId = grantId,
        CenterId = centerId,
        Kind = kind,
        SubjectZh = subjectZh,
        SubjectEn = subjectEn,
        Figure = figure,
        MessageZh = Clip(messageZh),
        MessageEn = Clip(messageEn),
        RaisedAt = now,
    };

    /// <summary>The warning still holds with new figures; true when anything changed (only then is the row written).</summary>
    public bool Refresh(decimal? figure, string messageZh, string messageEn)
    {
        if (figure == Figure && Clip(messageZh) == MessageZh && Clip(messageEn) == MessageEn)
        {
            return false;
        }

        Figure = figure;
        MessageZh = Clip(messageZh);
        MessageEn = Clip(messageEn);
        return true;
    }

    public void Resolve(DateTimeOffset now) => ResolvedAt ??= now;

    /// <summary>跟进: an Admin notes what was done about it; a later note replaces the earlier one, the audit log keeps both.</summary>
    public Result<bool> NoteFollowUp(string? note, Guid by, DateTimeOffset now)
    {
        var errors = new List<Error>();
        if (!Checks.Required(note, FieldLengths.Reason, "note", errors))
        {
            return Failure.Validation(errors);
        }

        FollowUp = note!.Trim();
        FollowUpBy = by;
        FollowUpAt = now;
        return true;
    }

    private static string Clip(string text) => text.Length <= FieldLengths.Reason ? text : text[..FieldLengths.Reason];
}
