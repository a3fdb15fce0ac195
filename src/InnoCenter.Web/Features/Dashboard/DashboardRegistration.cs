namespace InnoCenter.Web.Features.Dashboard;

/// <summary>The Admin's dashboard (数据看板): figures read from the applications, centers and the kept ledger roll-up, kept for a minute so a room of officers costs one computation.</summary>
public static class DashboardRegistration
{
    public static IServiceCollection AddDashboardModule(this IServiceCollection services)
    {
        services.AddSingleton<DashboardSnapshots>();
        services.AddScoped<DashboardQueries>();
        services.AddScoped<DashboardHandlers>();
        return services;
    }
}
