namespace InnoCenter.Web;

/// <summary>Marker for the one resource set of the app: <c>Resources/SharedResource.resx</c> (zh-CN) and <c>.en.resx</c>.</summary>
public sealed class SharedResource;
