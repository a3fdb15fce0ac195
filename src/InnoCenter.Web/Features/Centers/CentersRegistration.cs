namespace InnoCenter.Web.Features.Centers;

/// <summary>Recognised centers: their members over time, governance and status.</summary>
public static class CentersRegistration
{
    public static IServiceCollection AddCentersModule(this IServiceCollection services)
    {
        services.AddScoped<CenterAccess>();
        services.AddScoped<OrganizationLookup>();
        services.AddScoped<CenterHandlers>();
        services.AddScoped<CenterStatusHandlers>();
        services.AddScoped<MembershipHandlers>();
        services.AddScoped<GovernanceHandlers>();
        return services;
    }
}
