namespace InnoCenter.Web.Features.Organizations;

/// <summary>The organisations (单位) every other module names: their handlers, pages and API.</summary>
public static class OrganizationsRegistration
{
    public static IServiceCollection AddOrganizationsModule(this IServiceCollection services)
    {
        services.AddScoped<OrganizationHandlers>();
        return services;
    }
}
