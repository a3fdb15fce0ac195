using InnoCenter.Web.Features.Account;
using InnoCenter.Web.Features.Audit;
using InnoCenter.Web.Features.Centers;
using InnoCenter.Web.Features.Organizations;
using InnoCenter.Web.Features.Files;
using InnoCenter.Web.Features.Users;
using InnoCenter.Web.Infrastructure.Files;
using InnoCenter.Web.Infrastructure.Notifications;

namespace InnoCenter.Web.Features;

/// <summary>Each module's handlers and endpoints, registered in one place so Program stays short.</summary>
public static class FeatureRegistration
{
    public static IServiceCollection AddFeatureHandlers(this IServiceCollection services)
    {
        services.AddScoped<OrganizationHandlers>();
        services.AddScoped<AuditHandlers>();
        services.AddScoped<TokenHandlers>();
        services.AddScoped<UserHandlers>();
        services.AddSingleton<IFileStore, DiskFileStore>();
        services.AddScoped<Attachments>();
        services.AddScoped<Notifier>();
        services.AddScoped<CenterAccess>();
        services.AddScoped<OrganizationLookup>();
        services.AddScoped<CenterHandlers>();
        return services;
    }

    public static void MapFeatureEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapOrganizationEndpoints();
        app.MapAuditEndpoints();
        app.MapAccountEndpoints();
        app.MapUserEndpoints();
        app.MapFileEndpoints();
        app.MapCenterEndpoints();
    }
}
