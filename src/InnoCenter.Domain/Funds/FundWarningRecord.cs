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

    /// <summary>The center's name as the board orders by it (a center's name does not change), kept so the board reads its order from an index.</summary>
    public string CenterName { get; private set; } = string.Empty;

    /// <summary>The grant's title (fixed when drafted), kept for the same reason.</summary>
    public string GrantTitle { get; private set; } = string.Empty;

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
        Guid grantId, Guid centerId, string centerName, string grantTitle, string kind, string? subjectZh, string? subjectEn, decimal? figure, string messageZh, string messageEn,
        DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        GrantId = grantId,
        CenterId = centerId,
        CenterName = centerName,
        GrantTitle = grantTitle,
        Kind = kind,
        SubjectZh = subjectZh,
        SubjectEn = subjectEn,
        Figure = figure,
        MessageZh = Clip(messageZh),
        MessageEn = Clip(messageEn),
        RaisedAt = now,
    };

    /// <summary>The warning still holds with new figures; true when anything changed (only then is the row written).</summary>
    public bool Refresh(string centerName, string grantTitle, decimal? figure, string messageZh, string messageEn)
    {
        if (figure == Figure && Clip(messageZh) == MessageZh && Clip(messageEn) == MessageEn && centerName == CenterName && grantTitle == GrantTitle)
        {
            return false;
        }

        CenterName = centerName;
        GrantTitle = grantTitle;

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
