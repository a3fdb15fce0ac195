namespace InnoCenter.Web.Features.Portal;

/// <summary>The owner types of the portal's stored files (<c>StoredFile.OwnerType</c>).</summary>
public static class PortalOwnerTypes
{
    public const string Case = "portal.case";

    public const string Document = "portal.document";
}
