namespace InnoCenter.Web.Features.Portal;

/// <summary>The portal module's services and endpoints, registered from one call each in FeatureRegistration.</summary>
public static class PortalRegistration
{
    public static IServiceCollection AddPortalModule(this IServiceCollection services)
    {
        return services;
    }

    public static void MapPortalEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapTextSize();
    }
}
