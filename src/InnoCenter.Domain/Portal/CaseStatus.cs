namespace InnoCenter.Domain.Portal;

/// <summary>Where a typical case stands on the public site.</summary>
public enum CaseStatus
{
    /// <summary>Never published: only its center and the Admins see it.</summary>
    Unpublished,

    /// <summary>A version is public.</summary>
    Published,

    /// <summary>Taken down by an Admin with a reason (撤回); nothing of it is public.</summary>
    Withdrawn,
}

/// <summary>One version's review state.</summary>
public enum CaseVersionStatus
{
    Draft,
    Submitted,
    Returned,
    Published,

    /// <summary>Was public, replaced by a later published version.</summary>
    Superseded,
}
