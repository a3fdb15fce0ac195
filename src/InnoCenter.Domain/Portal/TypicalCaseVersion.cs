using InnoCenter.Domain.Common;

namespace InnoCenter.Domain.Portal;

/// <summary>
/// One version of a typical case. A version is written while it is a draft (or returned), reviewed once submitted, and
/// frozen once published: a later edit starts the next version, so what the public reads never changes under review.
/// </summary>
public sealed class TypicalCaseVersion : IAudited
{
    private TypicalCaseVersion()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid CaseId { get; private set; }

    public int Number { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public string Summary { get; private set; } = string.Empty;

    /// <summary>The Markdown as written.</summary>
    public string Body { get; private set; } = string.Empty;

    /// <summary>The body rendered and cleaned (no script, no event handler, no style attribute).</summary>
    public string BodyHtml { get; private set; } = string.Empty;

    /// <summary>The seed task's code in the pack's <c>portal.caseTasks</c>.</summary>
    public string Task { get; private set; } = string.Empty;

    /// <summary>Cited ledger records, each <c>kind/id</c>.</summary>
    public List<string> Evidence { get; private set; } = [];

    public CaseVersionStatus Status { get; private set; }

    /// <summary>The Admin's remarks when the version was returned (退回意见).</summary>
    public string? Remarks { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public bool IsEditable => Status is CaseVersionStatus.Draft or CaseVersionStatus.Returned;

    internal static TypicalCaseVersion Start(Guid caseId, int number, CaseContent content, DateTimeOffset now)
    {
        var v = new TypicalCaseVersion { CaseId = caseId, Number = number, Status = CaseVersionStatus.Draft };
        v.Write(content, now);
        return v;
    }

    internal void Write(CaseContent c, DateTimeOffset now)
    {
        if (!IsEditable)
        {
            throw new InvalidOperationException($"Version {Number} is {Status} and cannot be edited.");
        }

        Title = c.Title;
        Summary = c.Summary;
        Body = c.Body;
        BodyHtml = c.BodyHtml;
        Task = c.Task;
        Evidence = [.. c.Evidence];
        UpdatedAt = now;
    }

    internal void Submit(DateTimeOffset now)
    {
        Status = CaseVersionStatus.Submitted;
        SubmittedAt = now;
        UpdatedAt = now;
    }

    internal void Return(string remarks, DateTimeOffset now)
    {
        Status = CaseVersionStatus.Returned;
        Remarks = remarks;
        UpdatedAt = now;
    }

    internal void Publish(DateTimeOffset now)
    {
        Status = CaseVersionStatus.Published;
        PublishedAt = now;
        UpdatedAt = now;
    }

    internal void Supersede(DateTimeOffset now)
    {
        Status = CaseVersionStatus.Superseded;
        UpdatedAt = now;
    }
}
