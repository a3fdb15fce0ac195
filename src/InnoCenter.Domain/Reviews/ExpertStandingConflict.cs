using InnoCenter.Domain.Common;

namespace InnoCenter.Domain.Reviews;

/// <summary>
/// A conflict of interest an expert declares with an organisation (by credit code) at any time, before any draw
/// (利益冲突申报). It counts against every subject with that organisation among its parties, and nobody can dismiss or
/// withdraw it: the type has no such method and the pages offer none.
/// </summary>
public sealed class ExpertStandingConflict : IAudited
{
    private ExpertStandingConflict()
    {
    }

    public Guid Id { get; private set; }

    public Guid ExpertId { get; private set; }

    public string CreditCode { get; private set; } = string.Empty;

    public string OrganizationName { get; private set; } = string.Empty;

    public string Reason { get; private set; } = string.Empty;

    /// <summary>True when an Admin recorded it on the expert's behalf.</summary>
    public bool ByAdmin { get; private set; }

    public Guid? DeclaredBy { get; private set; }

    public DateTimeOffset DeclaredAt { get; private set; }

    public static ExpertStandingConflict Create(
        Guid expertId, string creditCode, string organizationName, string reason, bool byAdmin, Guid? by, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        ExpertId = expertId,
        CreditCode = creditCode,
        OrganizationName = organizationName.Trim(),
        Reason = reason.Trim(),
        ByAdmin = byAdmin,
        DeclaredBy = by,
        DeclaredAt = now,
    };
}
