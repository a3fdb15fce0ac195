namespace InnoCenter.Web.Data.Configurations.Portal;

/// <summary>Column lengths of the portal, shared by its configurations and validators.</summary>
public static class PortalLengths
{
    public const int Summary = 1000;

    /// <summary>A case's or document's Markdown; the rendered HTML is unbounded (it only grows by markup).</summary>
    public const int Body = 100_000;

    public const int EvidenceRef = 80;

    public const int IndexNumber = 64;

    public const int Question = 4000;
}
