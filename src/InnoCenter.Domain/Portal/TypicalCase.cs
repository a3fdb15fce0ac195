using InnoCenter.Domain.Common;

namespace InnoCenter.Domain.Portal;

/// <summary>
/// A typical case (典型经验) of a recognised center, written by the center's staff and published by an Admin after
/// review. The case keeps every version: at most one is public (<see cref="PublishedVersionId"/>) and at most one is
/// being worked on or reviewed (the latest, when it is not the public one).
/// </summary>
public sealed class TypicalCase : IAudited, IVersioned
{
    private readonly List<TypicalCaseVersion> _versions = [];

    private TypicalCase()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid CenterId { get; private set; }

    public Guid? CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Moves with every change of any version, so the case's concurrency version guards them all.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    public CaseStatus Status { get; private set; }

    public Guid? PublishedVersionId { get; private set; }

    /// <summary>When the public version was first or last published; the list and the feed sort by it.</summary>
    public DateTimeOffset? PublishedAt { get; private set; }

    /// <summary>Shown on the home page (推荐).</summary>
    public bool Featured { get; private set; }

    public string? WithdrawnReason { get; private set; }

    public DateTimeOffset? WithdrawnAt { get; private set; }

    /// <summary>The public version's title and task, kept on the case so the public list reads one table.</summary>
    public string? PublicTitle { get; private set; }

    public string? PublicSummary { get; private set; }

    public string? PublicTask { get; private set; }

    public int Version { get; set; }

    public IReadOnlyList<TypicalCaseVersion> Versions => _versions;

    public TypicalCaseVersion Latest => _versions.MaxBy(v => v.Number)!;

    public TypicalCaseVersion? PublishedVersion => _versions.FirstOrDefault(v => v.Id == PublishedVersionId);

    public bool IsPublic => Status == CaseStatus.Published && PublishedVersionId is not null;

    public static TypicalCase Draft(Guid centerId, Guid? author, CaseContent content, DateTimeOffset now)
    {
        var c = new TypicalCase { CenterId = centerId, CreatedBy = author, CreatedAt = now, UpdatedAt = now, Status = CaseStatus.Unpublished };
        c._versions.Add(TypicalCaseVersion.Start(c.Id, 1, content, now));
        return c;
    }

    /// <summary>
    /// Writes the content into the version being worked on; when the latest version is the public one (or a superseded
    /// one), the edit starts the next version, and the public one stays public until the new one is published.
    /// </summary>
    public Result<TypicalCaseVersion> Edit(CaseContent content, DateTimeOffset now)
    {
        var latest = Latest;
        if (latest.Status == CaseVersionStatus.Submitted)
        {
            return Failure.IllegalTransition("portal.case.under_review");
        }

        if (latest.IsEditable)
        {
            latest.Write(content, now);
            UpdatedAt = now;
            return latest;
        }

        var next = TypicalCaseVersion.Start(Id, latest.Number + 1, content, now);
        _versions.Add(next);
        UpdatedAt = now;
        return next;
    }

    public Result<TypicalCaseVersion> Submit(DateTimeOffset now)
    {
        var latest = Latest;
        if (!latest.IsEditable)
        {
            return Failure.IllegalTransition("portal.case.not_draft", latest.Status.ToString());
        }

        latest.Submit(now);
        UpdatedAt = now;
        return latest;
    }

    public Result<TypicalCaseVersion> Return(string? remarks, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(remarks))
        {
            return Failure.Validation(new Error("validation.required", "remarks"));
        }

        var latest = Latest;
        if (latest.Status != CaseVersionStatus.Submitted)
        {
            return Failure.IllegalTransition("portal.case.not_submitted", latest.Status.ToString());
        }

        latest.Return(remarks.Trim(), now);
        UpdatedAt = now;
        return latest;
    }

    public Result<TypicalCaseVersion> Publish(DateTimeOffset now)
    {
        var latest = Latest;
        if (latest.Status != CaseVersionStatus.Submitted)
        {
            return Failure.IllegalTransition("portal.case.not_submitted", latest.Status.ToString());
        }

        PublishedVersion?.Supersede(now);
        latest.Publish(now);
        PublishedVersionId = latest.Id;
        PublishedAt = now;
        PublicTitle = latest.Title;
        PublicSummary = latest.Summary;
        PublicTask = latest.Task;
        Status = CaseStatus.Published;
        WithdrawnReason = null;
        WithdrawnAt = null;
        UpdatedAt = now;
        return latest;
    }

    public Result<bool> SetFeatured(bool featured, DateTimeOffset now)
    {
        if (featured && !IsPublic)
        {
            return Failure.IllegalTransition("portal.case.not_published");
        }

        Featured = featured;
        UpdatedAt = now;
        return true;
    }

    /// <summary>Takes the case off the public site; its center may revise it and submit it again.</summary>
    public Result<bool> Withdraw(string? reason, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return Failure.Validation(new Error("validation.required", "reason"));
        }

        if (!IsPublic)
        {
            return Failure.IllegalTransition("portal.case.not_published");
        }

        PublishedVersion!.Supersede(now);
        PublishedVersionId = null;
        Status = CaseStatus.Withdrawn;
        Featured = false;
        WithdrawnReason = reason.Trim();
        WithdrawnAt = now;
        UpdatedAt = now;
        return true;
    }
}
